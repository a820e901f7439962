import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { FormError, Notice } from "../admin/ui.tsx";
import { ErrorSummary, TextArea } from "../components/form.tsx";
import { CONSULTATION_BODY_LIMIT, CONSULTATION_INTENTS, consultationSchema, NOTICE_MAX, withdrawSchema } from "../consultations/admin-forms.ts";
import {
  consultationForStaff,
  consultationFormValues,
  scheduleConsultation,
  unscheduleConsultation,
  updateConsultation,
  withdrawConsultation,
  type StepResult,
} from "../consultations/admin.server.ts";
import { consultationAdminMessages } from "../consultations/messages/consultationAdmin.ts";
import { ConsultationForm, PeriodText, StatusBadge } from "../consultations/ui/admin-ui.tsx";
import { lookupMessage, translateMessage, useT } from "../i18n/index.ts";
import type { BodyLimitHandle } from "../platform/body-limit.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";
import { idParam } from "../platform/forms/params.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { keptValues, type FormValues } from "../platform/forms/values.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [consultationAdminMessages], bodyLimit: CONSULTATION_BODY_LIMIT } satisfies BodyLimitHandle & { messages: unknown };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, () => args.data?.consultation.title ?? "", ...handle.messages);

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = CONSULTATION_INTENTS;
type Intent = (typeof INTENTS)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const detail = await consultationForStaff(actor, idParam(params.id));
  if (!detail) throw notFound();
  return { ...detail, values: consultationFormValues(detail.consultation) };
}

type ActionResult = { intent: Intent; errors: Record<string, string>; values: FormValues };

function refusal(intent: Intent, outcome: StepResult, formData: FormData) {
  if (outcome.ok) return null;
  if (outcome.reason === "notFound") throw notFound();
  if (outcome.reason !== "refused") throw new Response("Forbidden", { status: 403 });
  // A refusal's message is a plain catalogue key (no parameters), as parseForm's are.
  return data<ActionResult>({ intent, errors: { [outcome.field ?? "_form"]: outcome.message }, values: keptValues(formData) }, { status: 409 });
}

/** Saves, announces, takes back or withdraws: 400 with field messages for a bad form, 409 when the step is not possible now. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  const intent = INTENTS.find((i) => i === formData.get("intent"));
  if (!intent) throw new Response("Bad Request", { status: 400 });
  let outcome: StepResult;
  switch (intent) {
    case "save": {
      const parsed = parseForm(consultationSchema(tokyoDate(now())), formData);
      if (!parsed.ok) return data<ActionResult>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      outcome = await updateConsultation(actor, id, parsed.data);
      break;
    }
    case "schedule":
      outcome = await scheduleConsultation(actor, id);
      break;
    case "unschedule":
      outcome = await unscheduleConsultation(actor, id);
      break;
    case "withdraw": {
      const parsed = parseForm(withdrawSchema, formData);
      if (!parsed.ok) return data<ActionResult>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      outcome = await withdrawConsultation(actor, id, parsed.data.notice);
      break;
    }
  }
  const refused = refusal(intent, outcome, formData);
  if (refused) return refused;
  return redirect(`/admin/consultations/${id}?done=${DONE_OF[intent]}`);
}

const DONE_OF = { save: "updated", schedule: "scheduled", unschedule: "unscheduled", withdraw: "withdrawn" } as const satisfies Record<Intent, string>;
const DONE = ["created", "updated", "scheduled", "unscheduled", "withdrawn"] as const;

export default function ConsultationAdmin() {
  const t = useT(...handle.messages);
  const detail = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const { consultation: c, status } = detail;
  const mine = (intent: Intent) => (result?.intent === intent ? result : undefined);
  const base = `/admin/consultations/${c.id}`;
  return (
    <>
      <h1>{c.title}</h1>
      {!result && done && (DONE as readonly string[]).includes(done) ? <Notice>{lookupMessage(t, `consultationAdmin.done.${done}`)}</Notice> : null}
      <dl className="facts">
        <dt>{t("consultationAdmin.detail.state")}</dt>
        <dd>
          <StatusBadge status={status} />
        </dd>
        <dt>{t("consultationAdmin.detail.period")}</dt>
        <dd>
          <PeriodText period={detail.period} />
        </dd>
        {c.shortPeriodReason ? (
          <>
            <dt>{t("consultationAdmin.detail.shortPeriodReason")}</dt>
            <dd className="prewrap">{c.shortPeriodReason}</dd>
          </>
        ) : null}
        <dt>{t("consultationAdmin.detail.eligible")}</dt>
        <dd>{detail.eligible.map((e) => t(`consultations.category.${e}`)).join(" / ")}</dd>
        <dt>{t("consultationAdmin.detail.identity")}</dt>
        <dd>{c.identityRequired ? t("consultationAdmin.detail.identityRequired") : t("consultationAdmin.detail.identityOptional")}</dd>
        <dt>{t("consultationAdmin.column.comments")}</dt>
        <dd>{t("consultationAdmin.detail.counts", { people: detail.counts.people, comments: detail.counts.comments })}</dd>
      </dl>

      <nav aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t("consultationAdmin.steps")}</h2>
        <ul className="actions">
          <li>
            <Link to={`${base}/comments`}>{t("consultationAdmin.comments")}</Link>
          </li>
          {status === "open" || status === "closed" ? (
            <li>
              <Link to={`${base}/comments/new`}>{t("consultationAdmin.enter")}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`${base}/results`}>{t("consultationAdmin.results")}</Link>
          </li>
          <li>
            <Link to={`${base}/files`}>{t("consultationAdmin.files")}</Link>
          </li>
          <li>
            <a href={`${base}/export`} download>
              {t("consultationAdmin.export")}
            </a>
          </li>
        </ul>
      </nav>

      {status === "draft" ? (
        <section aria-labelledby="schedule-heading" className="admin-form">
          <h2 id="schedule-heading">{t("consultationAdmin.schedule")}</h2>
          <p>{t("consultationAdmin.scheduleLead")}</p>
          <FormError message={translateMessage(t, mine("schedule")?.errors ? Object.values(mine("schedule")!.errors)[0] : undefined)} />
          <Form method="post">
            <button type="submit" className="button" name="intent" value="schedule">
              {t("consultationAdmin.schedule")}
            </button>
          </Form>
        </section>
      ) : null}
      {status === "scheduled" ? (
        <section aria-labelledby="unschedule-heading" className="admin-form">
          <h2 id="unschedule-heading">{t("consultationAdmin.unschedule")}</h2>
          <FormError message={translateMessage(t, mine("unschedule")?.errors?._form)} />
          <Form method="post">
            <button type="submit" className="button button--secondary" name="intent" value="unschedule">
              {t("consultationAdmin.unschedule")}
            </button>
          </Form>
        </section>
      ) : null}

      {detail.draftEditable ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t("consultationAdmin.edit")}</h2>
          <FormError message={translateMessage(t, mine("save")?.errors?._form)} />
          <ConsultationForm today={detail.today} server={mine("save")} defaults={detail.values} submitLabel={t("consultationAdmin.form.save")} />
        </section>
      ) : null}

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t("consultationAdmin.preview")}</h2>
        {detail.preview ? (
          <div className="draft-preview">
            <p>{t("consultationAdmin.preview.sections", { count: detail.preview.sections.length })}</p>
            <div dangerouslySetInnerHTML={{ __html: detail.preview.preamble }} />
            {detail.preview.sections.map((s) => (
              <section key={s.number} aria-labelledby={`section-${s.number}`}>
                <h3 id={`section-${s.number}`}>{t("consultations.section.numbered", { number: s.number, heading: s.heading })}</h3>
                <div dangerouslySetInnerHTML={{ __html: s.html }} />
              </section>
            ))}
          </div>
        ) : (
          <p>{t("consultationAdmin.preview.none")}</p>
        )}
      </section>

      {status !== "published" && status !== "withdrawn" ? <WithdrawForm server={mine("withdraw")} /> : null}
      {c.withdrawalNotice ? <p className="prewrap">{c.withdrawalNotice}</p> : null}
      <p>
        <Link to="/admin/consultations">{t("consultationAdmin.back")}</Link>
      </p>
    </>
  );
}

function WithdrawForm({ server }: { server: ActionResult | undefined }) {
  const t = useT(consultationAdminMessages);
  const form = useValidatedForm(withdrawSchema, server);
  const labels = { notice: t("consultationAdmin.withdraw.notice") };
  const errors = { notice: form.errorFor("notice") };
  return (
    <section aria-labelledby="withdraw-heading" className="admin-form">
      <h2 id="withdraw-heading">{t("consultationAdmin.withdraw.title")}</h2>
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <FormError message={translateMessage(t, server?.errors?._form)} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextArea label={labels.notice} error={errors.notice} required rows={4} maxLength={NOTICE_MAX} {...form.field("notice")} />
        <button type="submit" className="button button--danger" name="intent" value="withdraw">
          {t("consultationAdmin.withdraw.submit")}
        </button>
      </Form>
    </section>
  );
}
