import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { FormError, Notice } from "../admin/ui.tsx";
import { ErrorSummary, SelectField, TextArea, TextField } from "../components/form.tsx";
import { changeSchema, deleteSchema, FINAL_TEXT_MAX, OPINION_MAX, opinionSchema, publishSchema, RESULTS_BODY_LIMIT, RESULTS_INTENTS, URL_MAX } from "../consultations/admin-forms.ts";
import { consultationAdminMessages } from "../consultations/messages/consultationAdmin.ts";
import { deleteChange, deleteOpinion, publishResults, resultsWorkspace, saveChange, saveOpinion, type PublishResult } from "../consultations/results.server.ts";
import { encodeMessage, translateMessage, useLang, useT } from "../i18n/index.ts";
import type { BodyLimitHandle } from "../platform/body-limit.ts";
import { formatInstant } from "../platform/dates.ts";
import { idParam } from "../platform/forms/params.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { keptValues, type FormValues } from "../platform/forms/values.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [consultationAdminMessages], bodyLimit: RESULTS_BODY_LIMIT } satisfies BodyLimitHandle & { messages: unknown };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("consultationAdmin.results.title", { title: args.data?.consultation.title ?? "" }), ...handle.messages);

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = RESULTS_INTENTS;
type Intent = (typeof INTENTS)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const workspace = await resultsWorkspace(actor, idParam(params.id));
  if (!workspace) throw notFound();
  return workspace;
}

type ActionResult = { intent: Intent; key: string; errors: Record<string, string>; values: FormValues };

function refusedMessage(outcome: PublishResult & { ok: false; reason: "refused" }): string {
  return "count" in outcome ? encodeMessage(outcome.message, { count: outcome.count }) : outcome.message;
}

/** Opinions, changes and publishing: 400 with field messages for a bad form, 409 when refused (not closed, comments not grouped, published). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  const intent = INTENTS.find((i) => i === formData.get("intent"));
  if (!intent) throw new Response("Bad Request", { status: 400 });
  // Which of the page's forms posted (an opinion's id, or "new"), so its messages show at it.
  const key = String(formData.get("opinionId") || formData.get("id") || "new").slice(0, 12);
  const invalid = (parsed: { errors: Record<string, string>; values: FormValues }) => data<ActionResult>({ intent, key, ...parsed }, { status: 400 });
  let outcome: PublishResult;
  switch (intent) {
    case "opinion": {
      const parsed = parseForm(opinionSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await saveOpinion(actor, id, parsed.data);
      break;
    }
    case "deleteOpinion": {
      const parsed = parseForm(deleteSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await deleteOpinion(actor, id, parsed.data.id);
      break;
    }
    case "change": {
      const parsed = parseForm(changeSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await saveChange(actor, id, parsed.data);
      break;
    }
    case "deleteChange": {
      const parsed = parseForm(deleteSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await deleteChange(actor, id, parsed.data.id);
      break;
    }
    case "publish": {
      const parsed = parseForm(publishSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await publishResults(actor, id, parsed.data);
      break;
    }
  }
  if (!outcome.ok) {
    if (outcome.reason === "notFound") throw notFound();
    if (outcome.reason !== "refused") throw new Response("Forbidden", { status: 403 });
    const field = "field" in outcome && outcome.field ? outcome.field : "_form";
    return data<ActionResult>({ intent, key, errors: { [field]: refusedMessage(outcome) }, values: keptValues(formData) }, { status: 409 });
  }
  return redirect(`/admin/consultations/${id}/results?done=${intent}`);
}

export default function ConsultationResults() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const w = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const c = w.consultation;
  const sectionOptions = [{ value: "", label: t("consultations.section.whole") }, ...c.sections.map((s) => ({ value: String(s.number), label: t("consultations.section.numbered", { number: s.number, heading: s.heading }) }))];
  const sectionLabel = (n: number | null) => sectionOptions.find((o) => o.value === (n === null ? "" : String(n)))?.label ?? String(n);
  const locked = c.state === "published" || c.state === "withdrawn";
  const editing = w.consultation.opinions.find((o) => String(o.id) === (search.get("edit") ?? (result?.intent === "opinion" ? result.key : ""))) ?? null;
  const serverFor = (intent: Intent, key: string) => (result?.intent === intent && result.key === key ? result : undefined);
  return (
    <>
      <h1>{t("consultationAdmin.results.title", { title: c.title })}</h1>
      {!result && done && (INTENTS as readonly string[]).includes(done) ? <Notice>{done === "publish" ? t("consultationAdmin.done.published") : t("consultationAdmin.done.saved")}</Notice> : null}
      <p>
        <Link to={`/admin/consultations/${c.id}`}>{t("consultationAdmin.backToConsultation")}</Link>
      </p>
      <p>
        <Link to={`/admin/consultations/${c.id}/results/preview`}>{t("consultationAdmin.resultsPreview.link")}</Link>
      </p>
      <p>{t("consultationAdmin.detail.counts", { people: w.counts.people, comments: w.counts.comments })}</p>
      <p>{t("consultationAdmin.results.ungrouped", { count: w.ungrouped })}</p>
      {c.resultsPublishedAt ? <p>{t("consultationAdmin.results.publishedAt", { at: formatInstant(c.resultsPublishedAt, lang) })}</p> : null}

      <section aria-labelledby="opinions-heading">
        <h2 id="opinions-heading">{t("consultationAdmin.results.opinions")}</h2>
        {c.opinions.map((o) => (
          <article key={o.id} className="opinion" aria-labelledby={`opinion-${o.id}`}>
            <h3 id={`opinion-${o.id}`}>{sectionLabel(o.sectionNumber)}</h3>
            <p>{o.comments.length ? t("consultationAdmin.results.grouped", { receipts: o.comments.map((x) => x.receiptNumber).join(", ") }) : t("consultationAdmin.results.noneGrouped")}</p>
            <p className="prewrap">{o.summary}</p>
            <p className="prewrap">{o.response}</p>
            {locked ? null : (
              <ul className="actions">
                <li>
                  <Link to={`?edit=${o.id}#opinion-form-heading`}>{t("consultationAdmin.results.editOpinion")}</Link>
                </li>
                <li>
                  <Form method="post">
                    <input type="hidden" name="id" value={o.id} />
                    <button type="submit" className="button button--secondary" name="intent" value="deleteOpinion">
                      {t("consultationAdmin.results.deleteOpinion")}
                    </button>
                  </Form>
                </li>
              </ul>
            )}
          </article>
        ))}
        {locked ? null : (
          <>
            <h3 id="opinion-form-heading">{editing ? t("consultationAdmin.results.editOpinion") : t("consultationAdmin.results.newOpinion")}</h3>
            <OpinionForm
              key={editing?.id ?? "new"}
              server={serverFor("opinion", editing ? String(editing.id) : "new")}
              sectionOptions={sectionOptions}
              defaults={
                editing
                  ? {
                      opinionId: String(editing.id),
                      section: editing.sectionNumber === null ? "" : String(editing.sectionNumber),
                      summary: editing.summary,
                      response: editing.response,
                      receipts: editing.comments.map((x) => x.receiptNumber).join(" "),
                    }
                  : { opinionId: "" }
              }
            />
          </>
        )}
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t("consultationAdmin.results.changes")}</h2>
        {c.changes.length === 0 ? <p>{t("consultationAdmin.results.noChanges")}</p> : null}
        <ul>
          {c.changes.map((ch) => (
            <li key={ch.id}>
              <strong>{sectionLabel(ch.sectionNumber)}</strong>
              <p className="prewrap">{ch.change}</p>
              <p className="prewrap">{ch.reason}</p>
              {locked ? null : (
                <Form method="post">
                  <input type="hidden" name="id" value={ch.id} />
                  <button type="submit" className="button button--secondary" name="intent" value="deleteChange">
                    {t("consultationAdmin.results.deleteChange")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {locked ? null : <ChangeForm server={serverFor("change", "new")} sectionOptions={sectionOptions} />}
      </section>

      {locked ? null : <PublishForm server={result?.intent === "publish" ? result : undefined} />}
    </>
  );
}

type Options = { value: string; label: string }[];

/** The opinion's form: a new one, or the one being edited (?edit=id). */
function OpinionForm({ server, sectionOptions, defaults }: { server: ActionResult | undefined; sectionOptions: Options; defaults: FormValues }) {
  const t = useT(consultationAdminMessages);
  const form = useValidatedForm(opinionSchema, server, defaults);
  const labels = { section: t("consultationAdmin.results.section"), summary: t("consultationAdmin.results.summary"), response: t("consultationAdmin.results.response"), receipts: t("consultationAdmin.results.receipts") };
  const errors = { section: form.errorFor("section"), summary: form.errorFor("summary"), response: form.errorFor("response"), receipts: form.errorFor("receipts") };
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="admin-form">
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <FormError message={translateMessage(t, server?.errors?._form)} />
      <input type="hidden" name="opinionId" value={typeof defaults.opinionId === "string" ? defaults.opinionId : ""} />
      <SelectField label={labels.section} error={errors.section} options={sectionOptions} {...form.field("section")} />
      <TextArea label={labels.summary} error={errors.summary} required rows={4} maxLength={OPINION_MAX} {...form.field("summary")} />
      <TextArea label={labels.response} error={errors.response} rows={4} maxLength={OPINION_MAX} {...form.field("response")} />
      <TextField label={labels.receipts} error={errors.receipts} maxLength={20000} {...form.field("receipts")} />
      <button type="submit" className="button" name="intent" value="opinion">
        {t("consultationAdmin.results.saveOpinion")}
      </button>
    </Form>
  );
}

function ChangeForm({ server, sectionOptions }: { server: ActionResult | undefined; sectionOptions: Options }) {
  const t = useT(consultationAdminMessages);
  const form = useValidatedForm(changeSchema, server);
  const labels = { section: t("consultationAdmin.results.section"), change: t("consultationAdmin.results.change"), reason: t("consultationAdmin.results.changeReason") };
  const errors = { section: form.errorFor("section"), change: form.errorFor("change"), reason: form.errorFor("reason") };
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="admin-form" aria-labelledby="new-change-heading">
      <h3 id="new-change-heading">{t("consultationAdmin.results.newChange")}</h3>
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <FormError message={translateMessage(t, server?.errors?._form)} />
      <SelectField label={labels.section} error={errors.section} options={sectionOptions} {...form.field("changeSection")} />
      <TextArea label={labels.change} error={errors.change} required rows={4} maxLength={OPINION_MAX} {...form.field("change")} />
      <TextArea label={labels.reason} error={errors.reason} required rows={3} maxLength={OPINION_MAX} {...form.field("reason")} />
      <button type="submit" className="button" name="intent" value="change">
        {t("consultationAdmin.results.saveChange")}
      </button>
    </Form>
  );
}

function PublishForm({ server }: { server: ActionResult | undefined }) {
  const t = useT(consultationAdminMessages);
  const form = useValidatedForm(publishSchema, server);
  const labels = { finalText: t("consultationAdmin.results.finalText"), finalTextUrl: t("consultationAdmin.results.finalTextUrl") };
  const errors = { finalText: form.errorFor("finalText"), finalTextUrl: form.errorFor("finalTextUrl") };
  return (
    <section aria-labelledby="publish-heading" className="admin-form">
      <h2 id="publish-heading">{t("consultationAdmin.results.publish")}</h2>
      {server?.errors?._form ? (
        <div className="error-summary" role="alert">
          <h3>{t("consultationAdmin.results.errorsFor")}</h3>
          <p>{translateMessage(t, server.errors._form)}</p>
        </div>
      ) : null}
      {server && !server.errors._form ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextArea label={labels.finalText} error={errors.finalText} rows={10} maxLength={FINAL_TEXT_MAX} {...form.field("finalText")} />
        <TextField label={labels.finalTextUrl} error={errors.finalTextUrl} type="url" maxLength={URL_MAX} {...form.field("finalTextUrl")} />
        <button type="submit" className="button" name="intent" value="publish">
          {t("consultationAdmin.results.publishSubmit")}
        </button>
      </Form>
    </section>
  );
}
