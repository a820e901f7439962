import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getAuthenticatedSession } from "../auth/guards.server.ts";
import { ErrorSummary, HoneypotField, SelectField, TextArea, TextField } from "../components/form.tsx";
import { submitComment } from "../consultations/comments.server.ts";
import { commentSchema, ADDRESS_MAX, NAME_MAX, type CommentInput } from "../consultations/forms.ts";
import { consultationPublicMessages } from "../consultations/messages/consultationPublic.ts";
import { ConsultationFacts } from "../consultations/ui/public-facts.tsx";
import { commentRulesOf, publicConsultation } from "../consultations/public.server.ts";
import { COMMENT_MAX } from "../consultations/rules.ts";
import { translateMessage, useLang, useT, type MessagesHandle } from "../i18n/index.ts";
import { urlEncodedFormBytes, type BodyLimitHandle } from "../platform/body-limit.ts";
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "../platform/database-busy.server.ts";
import { formatIsoDate } from "../platform/dates.ts";
import { getEnv } from "../platform/env.server.ts";
import { log } from "../platform/logger.server.ts";
import { idParam } from "../platform/forms/params.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { textValue, type FormValues } from "../platform/forms/values.ts";
import { honeypotTripped } from "../platform/honeypot.ts";
import { pageTitle } from "../platform/meta.ts";
import { hotWrite } from "../platform/hot-write.server.ts";
import { clientAddress, hitting, type RateLimitRule } from "../platform/rate-limit.server.ts";
import consultationStyles from "../consultations/ui/consultations.css?url";

/**
 * A page to read, often on a phone, and a form that the server checks: no scripts (decision
 * 0012), so the draft is sent once, as HTML, and nothing is downloaded to run. A refused form
 * comes back with focus on its error summary (autofocus, which the browser honours without
 * scripts; a fragment in the URL would stop it), each message at its field, everything typed kept. The whole form filled to its limits (10,000 characters of comment, name, address) fits.
 */
export const handle = {
  hydrate: false,
  messages: [consultationPublicMessages],
  bodyLimit: urlEncodedFormBytes(COMMENT_MAX + NAME_MAX + ADDRESS_MAX),
} satisfies MessagesHandle & BodyLimitHandle & { hydrate: boolean };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, () => args.data?.consultation.title ?? "");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];
/** Retry-After of a refused comment (too many from one address, a busy database) on the page that answers it. */
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** Comments per client address: generous for a family sharing a connection, tight for a script. */
export const COMMENT_RULE: RateLimitRule = { bucket: "consultation-comment", limit: 10, windowSeconds: 600 };

async function load(id: number) {
  const consultation = await publicConsultation(id);
  if (!consultation) throw new Response("Not Found", { status: 404 });
  return consultation;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const consultation = await load(idParam(params.id));
  const session = await getAuthenticatedSession(request);
  const section = new URL(request.url).searchParams.get("section") ?? "";
  return {
    consultation,
    // A key per rendered form: the same form sent twice is stored once.
    submissionKey: randomUUID(),
    // The account's name; the address for the receipt is typed (the browser offers it), so no page carries an account's email.
    prefill: { name: session?.user.displayName ?? "", section: /^\d{1,4}$/.test(section) ? section : "" },
    personalDataDays: getEnv().CONSULTATION_PERSONAL_DATA_DAYS,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const consultation = await commentRulesOf(idParam(params.id));
  if (!consultation) throw new Response("Not Found", { status: 404 });
  const formData = await readFormData(request);
  // A bot filled the hidden field: answer as if received, store nothing.
  if (honeypotTripped(formData)) return { received: null };
  const schema = commentSchema(consultation);
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return data({ received: undefined, errors: parsed.errors, values: parsed.values, refused: null }, { status: 400 });
  const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  try {
    return await takeComment(request, context, consultation.id, parsed.data, values);
  } catch (error) {
    // A database too busy to take the comment in time (a crowd in the last hours) answers 503
    // with the form and everything typed in it, not an error page that loses the comment.
    if (!isDatabaseBusy(error)) throw error;
    log("warn", "database.busy", { requestId: context.requestId, route: "consultations.$id" });
    return data(
      { received: undefined, errors: {}, values, refused: { kind: "busy" as const, minutes: 0 } },
      { status: 503, headers: { "Retry-After": String(DATABASE_BUSY_RETRY_AFTER_SECONDS) } },
    );
  }
}

/** The comment counted against the sender's limit, then stored (or refused as too many, or closed). */
async function takeComment(request: Request, context: ActionFunctionArgs["context"], consultationId: number, input: CommentInput, values: Record<string, string>) {
  // The same counter as hit(), as a hot write (decision 0034): every comment passes here.
  const limit = await hotWrite(() => hitting(COMMENT_RULE, clientAddress(context)));
  if (!limit.allowed) {
    return data(
      { received: undefined, errors: {}, values, refused: { kind: "tooMany" as const, minutes: Math.ceil(limit.retryAfterSeconds / 60) } },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const session = await getAuthenticatedSession(request);
  const result = await submitComment(consultationId, input, { userId: session?.user.id ?? null });
  if (!result.ok) {
    if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
    return data({ received: undefined, errors: {}, values, refused: { kind: "closed" as const, minutes: 0 } }, { status: 409 });
  }
  return { received: { receipt: result.receipt.receiptNumber, mailed: input.email !== "" } };
}

export default function ConsultationPage() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { consultation: c, submissionKey, prefill, personalDataDays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const server = result && result.received === undefined ? result : undefined;
  // What the fields show: what was sent (a refused form), else the prefill.
  const values: FormValues = server?.values ?? { name: prefill.name, section: prefill.section, category: c.eligible.length === 1 ? c.eligible[0] : "" };
  const field = (name: string) => ({ name, defaultValue: textValue(values, name) });

  if (result && result.received !== undefined) {
    return (
      <>
        <h1>{t("consultationPublic.received.title")}</h1>
        <div className="notice" role="status">
          {result.received ? (
            <>
              <p>{t("consultationPublic.received.number", { receipt: result.received.receipt })}</p>
              {result.received.mailed ? <p>{t("consultationPublic.received.mail")}</p> : null}
              <p>{t("consultationPublic.received.keep")}</p>
            </>
          ) : null}
        </div>
        <p>
          <Link to={`/consultations/${c.id}`}>{t("consultationPublic.received.back")}</Link>
        </p>
      </>
    );
  }

  const labels = {
    name: c.identityRequired ? t("consultationPublic.form.name") : t("consultationPublic.form.nameOptional"),
    address: c.identityRequired ? t("consultationPublic.form.address") : t("consultationPublic.form.addressOptional"),
    category: t("consultationPublic.form.category"),
    email: t("consultationPublic.form.email"),
    section: t("consultationPublic.form.section"),
    body: t("consultationPublic.form.body"),
    submissionKey: t("consultationPublic.form.body"),
  };
  const errors: Record<string, string | undefined> = Object.fromEntries(Object.keys(labels).map((k) => [k, translateMessage(t, (server?.errors as Record<string, string> | undefined)?.[k])]));
  const period = c.period;
  return (
    <>
      <p>
        <Link to="/consultations">{t("consultationPublic.back")}</Link>
      </p>
      <h1>{c.title}</h1>
      <p>
        <strong className="badge">{t(`consultations.status.${c.status}`)}</strong>
      </p>
      <ConsultationFacts c={c} />
      {c.status === "withdrawn" ? <p className="notice">{c.withdrawalNotice}</p> : null}
      {c.status === "published" ? (
        <p>
          <Link to={`/consultations/${c.id}/results`}>{t("consultationPublic.results")}</Link>
        </p>
      ) : null}
      {c.shortPeriodReason ? (
        <>
          <h2>{t("consultationPublic.shortReason")}</h2>
          <p className="prewrap">{c.shortPeriodReason}</p>
        </>
      ) : null}
      {c.summary ? (
        <>
          <h2>{t("consultationPublic.summary")}</h2>
          <p className="prewrap">{c.summary}</p>
        </>
      ) : null}
      <h2>{t("consultationPublic.draft")}</h2>
      <div className="draft">
        {/* Sanitised by draft.server.ts (marked + sanitize-html). */}
        <div dangerouslySetInnerHTML={{ __html: c.draft.preamble }} />
        {c.draft.sections.map((s) => (
          <section key={s.number} id={`section-${s.number}`} aria-labelledby={`section-${s.number}-heading`} className="draft-section">
            <h3 id={`section-${s.number}-heading`}>{t("consultations.section.numbered", { number: s.number, heading: s.heading })}</h3>
            <div dangerouslySetInnerHTML={{ __html: s.html }} />
            {c.status === "open" ? (
              <p>
                <a href={`/consultations/${c.id}?section=${s.number}#comment-form`}>{t("consultationPublic.commentOn")}</a>
              </p>
            ) : null}
          </section>
        ))}
      </div>
      {c.files.length > 0 ? (
        <>
          <h2>{t("consultationPublic.materials")}</h2>
          <ul>
            {c.files.map((f) => (
              <li key={f.id}>
                <a href={`/consultations/${c.id}/files/${f.id}`}>{f.title}</a> ({t(`consultationPublic.fileKind.${f.kind === "draft" ? "draft" : "material"}`)}, {t("consultationPublic.fileSize", { size: Math.max(1, Math.round(f.bytes / 1024)) })})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("consultationPublic.who")}</h2>
      <ul>
        {c.eligible.map((e) => (
          <li key={e}>{t(`consultations.category.${e}`)}</li>
        ))}
      </ul>
      <h2>{t("consultationPublic.how")}</h2>
      <ul>
        <li>{t("consultationPublic.how.online")}</li>
        <li>
          {t("consultationPublic.how.paper")}
          {c.contact ? <span className="prewrap block">{c.contact}</span> : null}
        </li>
      </ul>
      <p>{t("consultationPublic.how.cityAddress")}</p>
      <p>{t("consultationPublic.how.noReply")}</p>

      <h2 id="comment-form">{t("consultationPublic.form")}</h2>
      {server?.refused ? (
        // Focused as the answer loads (no script needed): the browser scrolls to it, a screen reader starts there.
        <div className="error-message" role="alert" tabIndex={-1} autoFocus>
          <p>
            {server.refused.kind === "tooMany"
              ? t("consultationPublic.form.tooMany", { minutes: server.refused.minutes })
              : server.refused.kind === "busy"
                ? t("consultationPublic.form.busy")
                : t("consultationPublic.form.refusedClosed")}
          </p>
          {c.status !== "open" && typeof server.values.body === "string" ? <p className="prewrap">{server.values.body}</p> : null}
        </div>
      ) : null}
      {c.status !== "open" ? (
        <p className="notice">
          {c.status === "scheduled" && period
            ? t("consultationPublic.form.scheduled", { date: formatIsoDate(period.firstDay, lang) })
            : c.status === "closed" || c.status === "published"
              ? t("consultationPublic.form.closed")
              : t("consultationPublic.form.notOpen")}
        </p>
      ) : (
        <>
          {period && c.daysLeft !== null ? <p>{t("consultationPublic.form.daysLeft", { count: c.daysLeft, date: formatIsoDate(period.lastDay, lang) })}</p> : null}
          <p>{t("consultationPublic.form.purpose", { days: personalDataDays })}</p>
          {server && Object.keys(server.errors).length > 0 ? <ErrorSummary errors={errors} labels={labels} autoFocus /> : null}
          <form method="post" noValidate action={`/consultations/${c.id}`}>
            <HoneypotField />
            <input type="hidden" name="submissionKey" value={typeof server?.values.submissionKey === "string" ? server.values.submissionKey : submissionKey} />
            <TextField label={labels.name} error={errors.name} required={c.identityRequired} autoComplete="name" maxLength={NAME_MAX} {...field("name")} />
            <TextField label={labels.address} error={errors.address} required={c.identityRequired} autoComplete="street-address" maxLength={ADDRESS_MAX} {...field("address")} />
            <SelectField
              label={labels.category}
              error={errors.category}
              required
              options={[{ value: "", label: "—" }, ...c.eligible.map((e) => ({ value: e, label: t(`consultations.category.${e}`) }))]}
              {...field("category")}
            />
            <TextField label={labels.email} error={errors.email} type="email" autoComplete="email" maxLength={254} {...field("email")} />
            <SelectField
              label={labels.section}
              error={errors.section}
              options={[
                { value: "", label: t("consultations.section.whole") },
                ...c.sections.map((s) => ({ value: String(s.number), label: t("consultations.section.numbered", { number: s.number, heading: s.heading }) })),
              ]}
              {...field("section")}
            />
            <TextArea label={labels.body} hint={t("consultationPublic.form.bodyHint")} error={errors.body} required rows={12} maxLength={COMMENT_MAX} {...field("body")} />
            <button type="submit" className="button">
              {t("consultationPublic.form.submit")}
            </button>
          </form>
        </>
      )}
    </>
  );
}
