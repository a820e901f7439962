import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { FormError, Notice } from "../admin/ui.tsx";
import { RadioGroup } from "../components/form-choices.tsx";
import { ErrorSummary, SelectField, TextArea, TextField } from "../components/form.tsx";
import { assignSchema, COMMENT_INTENTS, MARK_KINDS, markSchema, REASON_TEXT_MAX, unwithholdSchema, withholdSchema } from "../consultations/admin-forms.ts";
import type { StepResult } from "../consultations/admin.server.ts";
import { consultationAdminMessages } from "../consultations/messages/consultationAdmin.ts";
import { commentForStaff, liftWithholding, markComment, unmarkComment, withholdPassage } from "../consultations/moderation.server.ts";
import { assignComment } from "../consultations/results.server.ts";
import { translateMessage, useLang, useT } from "../i18n/index.ts";
import { formatInstant } from "../platform/dates.ts";
import { idParam } from "../platform/forms/params.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { keptValues, listValue, type FormValues } from "../platform/forms/values.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [consultationAdminMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("consultationAdmin.comment.title", { receipt: args.data?.comment.receiptNumber ?? "" }), ...handle.messages);

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = COMMENT_INTENTS;
type Intent = (typeof INTENTS)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const detail = await commentForStaff(actor, idParam(params.id), idParam(params.commentId));
  if (!detail) throw notFound();
  return detail;
}

type ActionResult = { intent: Intent; errors: Record<string, string>; values: FormValues };

/** Moderation of one comment: 400 with field messages for a bad form, 409 when refused (wrong receipt, passage not in the text, results published). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:moderate:any");
  const id = idParam(params.id);
  const commentId = idParam(params.commentId);
  const formData = await readFormData(request);
  const intent = INTENTS.find((i) => i === formData.get("intent"));
  if (!intent) throw new Response("Bad Request", { status: 400 });
  const invalid = (parsed: { errors: Record<string, string>; values: FormValues }) => data<ActionResult>({ intent, ...parsed }, { status: 400 });
  let outcome: StepResult;
  switch (intent) {
    case "mark": {
      const parsed = parseForm(markSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await markComment(actor, id, commentId, parsed.data.kind, parsed.data.receipt);
      break;
    }
    case "unmark":
      outcome = await unmarkComment(actor, id, commentId);
      break;
    case "withhold": {
      const parsed = parseForm(withholdSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await withholdPassage(actor, id, commentId, parsed.data.passage, parsed.data.reason);
      break;
    }
    case "unwithhold": {
      const parsed = parseForm(unwithholdSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await liftWithholding(actor, id, commentId, parsed.data.withholdingId);
      break;
    }
    case "assign": {
      const parsed = parseForm(assignSchema, formData);
      if (!parsed.ok) return invalid(parsed);
      outcome = await assignComment(actor, id, commentId, parsed.data.opinionId);
      break;
    }
  }
  if (!outcome.ok) {
    if (outcome.reason === "notFound") throw notFound();
    if (outcome.reason !== "refused") throw new Response("Forbidden", { status: 403 });
    return data<ActionResult>({ intent, errors: { [outcome.field ?? "_form"]: outcome.message }, values: keptValues(formData) }, { status: 409 });
  }
  return redirect(`/admin/consultations/${id}/comments/${commentId}?done=${intent}`);
}

export default function ConsultationComment() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const detail = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const done = useSearchParams()[0].get("done");
  const { comment, consultation } = detail;
  const mine = (intent: Intent) => (result?.intent === intent ? result : undefined);
  const sectionLabel = (n: number | null) => {
    const s = detail.sections.find((x) => x.number === n);
    return s ? t("consultations.section.numbered", { number: s.number, heading: s.heading }) : t("consultations.section.whole");
  };
  return (
    <>
      <h1>{t("consultationAdmin.comment.title", { receipt: comment.receiptNumber })}</h1>
      {!result && done && (INTENTS as readonly string[]).includes(done) ? <Notice>{t("consultationAdmin.done.saved")}</Notice> : null}
      <p>
        <Link to={`/admin/consultations/${consultation.id}/comments`}>{t("consultationAdmin.comments")}</Link>
      </p>
      <dl className="facts">
        <dt>{t("consultationAdmin.list.receivedAt")}</dt>
        <dd>{formatInstant(comment.receivedAt, lang)}</dd>
        <dt>{t("consultationAdmin.list.channel")}</dt>
        <dd>{t(`consultations.channel.${comment.channel as "online"}`)}</dd>
        <dt>{t("consultationAdmin.list.section")}</dt>
        <dd>{sectionLabel(comment.sectionNumber)}</dd>
        <dt>{t("consultationAdmin.enter.category")}</dt>
        <dd>{t(`consultations.category.${comment.category as "resident"}`)}</dd>
        {detail.duplicateOf ? (
          <>
            <dt>{t("consultationAdmin.list.marks")}</dt>
            <dd>{t("consultationAdmin.comment.duplicateOf", { receipt: detail.duplicateOf })}</dd>
          </>
        ) : null}
        {detail.identicalTo ? (
          <>
            <dt>{t("consultationAdmin.list.marks")}</dt>
            <dd>{t("consultationAdmin.comment.identicalTo", { receipt: detail.identicalTo })}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="sender-heading">
        <h2 id="sender-heading">{t("consultationAdmin.comment.sender")}</h2>
        {comment.personalDataRemovedAt ? (
          <p>{t("consultationAdmin.comment.removed")}</p>
        ) : (
          <dl className="facts">
            <dt>{t("consultationAdmin.enter.name")}</dt>
            <dd>{comment.name}</dd>
            <dt>{t("consultationAdmin.enter.address")}</dt>
            <dd>{comment.address}</dd>
            <dt>{t("consultationAdmin.enter.email")}</dt>
            <dd>{comment.email}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="body-heading">
        <h2 id="body-heading">{t("consultationAdmin.comment.body")}</h2>
        <p className="prewrap">{comment.body}</p>
        {comment.withholdings.length ? (
          <>
            <h3>{t("consultationAdmin.comment.published")}</h3>
            <p className="prewrap">{detail.published}</p>
          </>
        ) : null}
      </section>
      {detail.locked ? null : (
        <>
          <MarkForm server={mine("mark") ?? mine("unmark")} marked={comment.duplicateOfId !== null || comment.identicalToId !== null} />
          <WithholdForm server={mine("withhold") ?? mine("unwithhold")} withholdings={comment.withholdings} />
          <AssignForm server={mine("assign")} opinions={detail.opinions} current={comment.opinionId} sectionLabel={sectionLabel} />
        </>
      )}
    </>
  );
}

function MarkForm({ server, marked }: { server: ActionResult | undefined; marked: boolean }) {
  const t = useT(consultationAdminMessages);
  const form = useValidatedForm(markSchema, server?.intent === "mark" ? server : undefined, { kind: "duplicate" });
  const labels = { kind: t("consultationAdmin.comment.markKind"), receipt: t("consultationAdmin.comment.markReceipt") };
  const errors = { kind: form.errorFor("kind"), receipt: form.errorFor("receipt") };
  return (
    <section aria-labelledby="mark-heading" className="admin-form">
      <h2 id="mark-heading">{t("consultationAdmin.comment.mark")}</h2>
      <FormError message={translateMessage(t, server?.errors?._form)} />
      {server?.intent === "mark" ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <RadioGroup
          name="kind"
          legend={labels.kind}
          error={errors.kind}
          required
          selected={listValue(form.values, "kind")}
          options={MARK_KINDS.map((k) => ({ value: k, label: t(`consultationAdmin.comment.markKind.${k}`) }))}
        />
        <TextField label={labels.receipt} error={errors.receipt} required maxLength={30} {...form.field("receipt")} />
        <button type="submit" className="button" name="intent" value="mark">
          {t("consultationAdmin.comment.markSubmit")}
        </button>
      </Form>
      {marked ? (
        <Form method="post">
          <button type="submit" className="button button--secondary" name="intent" value="unmark">
            {t("consultationAdmin.comment.unmark")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function WithholdForm({ server, withholdings }: { server: ActionResult | undefined; withholdings: { id: number; passage: string; reason: string }[] }) {
  const t = useT(consultationAdminMessages);
  const form = useValidatedForm(withholdSchema, server?.intent === "withhold" ? server : undefined);
  const labels = { passage: t("consultationAdmin.comment.passage"), reason: t("consultationAdmin.comment.reason") };
  const errors = { passage: form.errorFor("passage"), reason: form.errorFor("reason") };
  return (
    <section aria-labelledby="withhold-heading" className="admin-form">
      <h2 id="withhold-heading">{t("consultationAdmin.comment.withhold")}</h2>
      {withholdings.length ? (
        <>
          <h3>{t("consultationAdmin.comment.withholdings")}</h3>
          <ul>
            {withholdings.map((w) => (
              <li key={w.id}>
                <span className="prewrap">{w.passage}</span> — {w.reason}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="withholdingId" value={w.id} />
                  <button type="submit" className="button button--secondary" name="intent" value="unwithhold">
                    {t("consultationAdmin.comment.unwithhold")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <FormError message={translateMessage(t, server?.errors?._form)} />
      {server?.intent === "withhold" ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextArea label={labels.passage} error={errors.passage} required rows={3} maxLength={2000} {...form.field("passage")} />
        <TextArea label={labels.reason} error={errors.reason} required rows={2} maxLength={REASON_TEXT_MAX} {...form.field("reason")} />
        <button type="submit" className="button" name="intent" value="withhold">
          {t("consultationAdmin.comment.withholdSubmit")}
        </button>
      </Form>
    </section>
  );
}

function AssignForm({
  server,
  opinions,
  current,
  sectionLabel,
}: {
  server: ActionResult | undefined;
  opinions: { id: number; sectionNumber: number | null; summary: string }[];
  current: number | null;
  sectionLabel: (n: number | null) => string;
}) {
  const t = useT(consultationAdminMessages);
  const form = useValidatedForm(assignSchema, server, { opinionId: current === null ? "" : String(current) });
  const error = form.errorFor("opinionId");
  return (
    <section aria-labelledby="assign-heading" className="admin-form">
      <h2 id="assign-heading">{t("consultationAdmin.comment.opinion")}</h2>
      <FormError message={translateMessage(t, server?.errors?._form)} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <SelectField
          label={t("consultationAdmin.comment.opinionField")}
          error={error}
          options={[
            { value: "", label: t("consultationAdmin.comment.noOpinion") },
            ...opinions.map((o) => ({ value: String(o.id), label: `${sectionLabel(o.sectionNumber)} — ${o.summary.slice(0, 60)}` })),
          ]}
          {...form.field("opinionId")}
        />
        <button type="submit" className="button" name="intent" value="assign">
          {t("consultationAdmin.comment.assign")}
        </button>
      </Form>
    </section>
  );
}
