import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { z } from "zod";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { auditActionLabel, Notice, roleLabel } from "../admin/ui.tsx";
import { ErrorSummary, TextArea } from "../components/form.tsx";
import { ConflictNotice, groupKindLabel, groupStateLabel, labelOf } from "../groups/ui/review-ui.tsx";
import {
  approveRenewalSchema,
  approveSchema,
  profileFieldLabel,
  REVIEW_TEXT_MAX,
  rejectRenewalSchema,
  rejectSchema,
  requestChangesSchema,
  type ProfileField,
} from "../groups/review-forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { lookupMessage, useLang, useT, type Lang, type T } from "../i18n/index.ts";
import { groupReviewMessages } from "../groups/messages/groupReview.ts";
import { givenMemberCount } from "../groups/rules.ts";
import { adminMessages } from "../admin/messages.ts";
import { pageTitle } from "../platform/meta.ts";
import { applicationWaits, decideRenewal, decideVersion, groupReviewDetail, nextInQueue, type FieldValue, type Outcome } from "../groups/review.server.ts";
import type { TextChange } from "../platform/text-diff.ts";
import { fiscalYearLabel, formatInstant, formatIsoDate } from "../platform/dates.ts";
import groupReviewStyles from "../groups/ui/group-review.css?url";
import { keptValues, type FormValues } from "../platform/forms/values.ts";
import { idParam } from "../platform/forms/params.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupReviewStyles }];

export const handle = { messages: [groupReviewMessages, adminMessages] };
export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => t("groupReview.detail.title", { name: args.data?.detail.group.name ?? "" }), ...handle.messages);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "group:review:any");
  const groupId = idParam(params.id);
  const detail = await groupReviewDetail(actor, groupId);
  if (!detail) throw notFound();
  // After a decision: the oldest application still waiting, to go on with.
  const next = new URL(request.url).searchParams.has("done") ? await nextInQueue(actor, groupId) : null;
  return { detail, next };
}

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = ["approve", "reject", "request", "approveRenewal", "rejectRenewal"] as const;
type Intent = (typeof INTENTS)[number];

type Tone = "primary" | "secondary" | "danger";
const BUTTON: Record<Tone, string> = { primary: "button", secondary: "button button--secondary", danger: "button button--danger" };

/** Each decision: the field of its text, the kind of thing it decides, and how heavy it looks. */
const DECISIONS: Record<Intent, { field: string; target: "versionId" | "registrationId"; tone: Tone }> = {
  approve: { field: "note", target: "versionId", tone: "primary" },
  request: { field: "message", target: "versionId", tone: "secondary" },
  reject: { field: "reason", target: "versionId", tone: "danger" },
  approveRenewal: { field: "renewalNote", target: "registrationId", tone: "primary" },
  rejectRenewal: { field: "renewalReason", target: "registrationId", tone: "danger" },
};

type ActionResult =
  | { intent: Intent; conflict: false; confirm: boolean; errors: Record<string, string>; values: FormValues; unknownDistrict?: boolean }
  | { intent: Intent; conflict: true; confirm?: undefined; errors?: undefined; values?: undefined; unknownDistrict?: undefined };

/**
 * A decision, in two posts: the first (valid) one answers with the confirmation step, which
 * says what will happen; only the second, with confirmed=yes, decides. 400 with the message at
 * the field, 409 when it was decided meanwhile, else back to the page, which offers the next
 * application in the queue.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "group:review:any");
  const groupId = idParam(params.id);
  const formData = await readFormData(request);
  const intent = INTENTS.find((i) => i === formData.get("intent"));
  if (!intent) throw new Response("Bad Request", { status: 400 });
  const target = Number(formData.get(intent.endsWith("Renewal") ? "registrationId" : "versionId"));
  if (!Number.isSafeInteger(target) || target <= 0) throw new Response("Bad Request", { status: 400 });

  const run = async <S extends z.ZodType>(schema: S, decide: (input: z.output<S>) => Promise<Outcome>) => {
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return data<ActionResult>({ intent, conflict: false, confirm: false, errors: parsed.errors, values: parsed.values }, { status: 400 });
    // "back" returns to the form with what was typed; anything but "yes" asks first.
    const confirmed = formData.get("confirmed");
    if (confirmed !== "yes" && !(await applicationWaits(actor, groupId, DECISIONS[intent].target === "versionId" ? { versionId: target } : { registrationId: target }))) {
      return data<ActionResult>({ intent, conflict: true }, { status: 409 });
    }
    if (confirmed !== "yes") return data<ActionResult>({ intent, conflict: false, confirm: confirmed !== "back", errors: {}, values: keptValues(formData) });
    const outcome = await decide(parsed.data);
    if (!outcome.ok && outcome.error === "notFound") throw notFound();
    // A version stored before district ids were checked: refused, nothing changed, the text kept.
    if (!outcome.ok && outcome.error === "unknownDistrict") {
      return data<ActionResult>({ intent, conflict: false, confirm: false, errors: {}, values: keptValues(formData), unknownDistrict: true }, { status: 422 });
    }
    if (!outcome.ok) return data<ActionResult>({ intent, conflict: true }, { status: 409 });
    return redirect(`/admin/groups/${groupId}?done=${intent}`);
  };

  switch (intent) {
    case "approve":
      return run(approveSchema, (input) => decideVersion(actor, groupId, target, "approve", input.note));
    case "reject":
      return run(rejectSchema, (input) => decideVersion(actor, groupId, target, "reject", input.reason));
    case "request":
      return run(requestChangesSchema, (input) => decideVersion(actor, groupId, target, "request", input.message));
    case "approveRenewal":
      return run(approveRenewalSchema, (input) => decideRenewal(actor, groupId, target, "approve", input.renewalNote));
    case "rejectRenewal":
      return run(rejectRenewalSchema, (input) => decideRenewal(actor, groupId, target, "reject", input.renewalReason));
  }
}

// Single fetch skips revalidation after a 4xx action; after a conflict the page must show the new state.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as ActionResult | undefined)?.conflict ? true : defaultShouldRevalidate;

type Detail = ReturnType<typeof useLoaderData<typeof loader>>["detail"];

function formatValue(t: T<typeof groupReviewMessages>, field: ProfileField, value: FieldValue | undefined, districtNames: Record<number, string>): string {
  if (value === undefined || value === null || value === "") return t("groupReview.value.empty");
  if (typeof value === "boolean") return value ? t("groupReview.value.yes") : t("groupReview.value.no");
  switch (field) {
    case "kind":
      return groupKindLabel(t, String(value));
    case "mainDistrictId":
      return districtNames[Number(value)] ?? String(value);
    case "districtIds":
      return Array.isArray(value) && value.length ? value.map((id) => districtNames[id] ?? String(id)).join(t("groupReview.listSeparator")) : t("groupReview.value.empty");
    case "memberCount": {
      // A draft's unanswered count (stored as 0) is not given, never "0人".
      const count = givenMemberCount(Number(value));
      return count === null ? t("groupReview.value.empty") : t("groups.memberCount", { count: String(count) });
    }
    case "activityFields":
      return Array.isArray(value) && value.length ? value.map((f) => labelOf(t, "groups.field", String(f))).join(t("groupReview.listSeparator")) : t("groupReview.value.empty");
    default:
      return String(value);
  }
}

export default function GroupReviewDetail() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { detail, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const { group } = detail;
  const serverFor = (...intents: Intent[]) => (result && !result.conflict && intents.includes(result.intent) ? result : undefined);
  // After a decision the page shows new data: new keys give the forms fresh, empty fields.
  const formKey = `${detail.pendingVersion?.id ?? "none"}-${detail.pendingRenewal?.id ?? "none"}`;
  return (
    <>
      <h1>{t("groupReview.detail.title", { name: group.name || t("groupReview.unnamed") })}</h1>
      {result?.conflict ? (
        <ConflictNotice title={t("groupReview.decide.conflictTitle")} body={t("groupReview.decide.conflictBody")} />
      ) : null}
      {result?.unknownDistrict ? (
        <ConflictNotice
          title={t("groupReview.decide.unknownDistrictTitle")}
          body={t("groupReview.decide.unknownDistrictBody")}
          backTo={group.state === "active" ? `/admin/groups/${group.id}/correct` : undefined}
          backLabel={t("groupReview.detail.correct")}
        />
      ) : null}
      {!result && done && INTENTS.includes(done as Intent) ? (
        <Notice>
          {lookupMessage(t, `groupReview.done.${done}`) ?? done}{" "}
          {next ? (
            <Link to={`/admin/groups/${next.groupId}`}>
              {t("groupReview.next.go", { name: next.name || t("groupReview.unnamed"), kind: t(`groupReview.kind.${next.kind}`) })}
            </Link>
          ) : (
            <>
              {t("groupReview.next.none")} <Link to="/admin">{t("groupReview.next.dashboard")}</Link>
            </>
          )}
        </Notice>
      ) : null}
      {result?.confirm ? <ConfirmDecision intent={result.intent} values={result.values} detail={detail} /> : null}

      <dl className="facts">
        <dt>{t("groupReview.detail.state")}</dt>
        <dd>{groupStateLabel(t, group.state)}</dd>
        <dt>{t("groups.label.kind")}</dt>
        <dd>{groupKindLabel(t, group.kind) || t("groupReview.value.empty")}</dd>
        <dt>{t("groupReview.detail.validity")}</dt>
        <dd>
          {detail.validNow
            ? detail.validNow.kept
              ? t("groupReview.detail.validKept", { fy: fiscalYearLabel(detail.validNow.fiscalYear, lang) })
              : t("groupReview.detail.validNow", {
                  fy: fiscalYearLabel(detail.validNow.fiscalYear, lang),
                  until: formatIsoDate(detail.validNow.lastDay, lang),
                })
            : t("groupReview.detail.notValid")}
        </dd>
        {group.imported ? (
          <>
            <dt>{t("groupReview.detail.imported")}</dt>
            <dd>{t("groupReview.detail.importedYes")}</dd>
          </>
        ) : null}
        <dt>{t("groupReview.detail.createdAt")}</dt>
        <dd>{formatInstant(group.createdAt, lang)}</dd>
      </dl>
      <ul className="actions">
        {detail.validNow ? (
          <li>
            <Link to={`/groups/${group.id}`}>{t("groupReview.detail.publicPage")}</Link>
          </li>
        ) : null}
        {group.state === "active" && group.publishedVersionId ? (
          <li>
            <Link to={`/admin/groups/${group.id}/correct`}>{t("groupReview.detail.correct")}</Link>
          </li>
        ) : null}
        {group.state === "active" ? (
          <li>
            <Link to={`/admin/groups/${group.id}/cancel`}>{t("groupReview.detail.cancel")}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/admin/groups">{t("groupReview.detail.back")}</Link>
        </li>
      </ul>

      <h2>{t("groupReview.detail.pending")}</h2>
      {!detail.pendingVersion && !detail.pendingRenewal ? <p>{t("groupReview.detail.noPending")}</p> : null}
      {detail.pendingVersion ? (
        <VersionReview key={`v-${formKey}`} detail={detail} server={serverFor("approve", "reject", "request")} />
      ) : null}
      {detail.pendingRenewal ? (
        <RenewalReview key={`r-${formKey}`} renewal={detail.pendingRenewal} server={serverFor("approveRenewal", "rejectRenewal")} />
      ) : null}

      <History detail={detail} lang={lang} />
    </>
  );
}

type Server = { intent: Intent; errors: Record<string, string>; values: FormValues } | undefined;

function DecisionForm({
  intent,
  hidden,
  schema,
  server,
  field,
  title,
  label,
  hint,
  required,
  submit,
  consequence,
}: {
  consequence: string;
  intent: Intent;
  hidden: Record<string, string>;
  schema: z.ZodType<Record<string, unknown>, Record<string, unknown>>;
  server: Server;
  field: string;
  title: string;
  label: string;
  hint: string;
  required: boolean;
  submit: string;
}) {
  const navigation = useNavigation();
  // While this decision waits for its confirmation, the form shows what was typed, without errors.
  const mine = server?.intent === intent ? server : undefined;
  const tone = DECISIONS[intent].tone;
  const form = useValidatedForm(schema, mine);
  const error = form.errorFor(field);
  return (
    <section className={`admin-form decision decision--${tone}`} aria-labelledby={`${intent}-heading`}>
      <h4 id={`${intent}-heading`}>{title}</h4>
      <p className="decision-consequence" id={`${intent}-consequence`}>
        {consequence}
      </p>
      {mine && error ? <ErrorSummary errors={{ [field]: error }} labels={{ [field]: label }} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextArea label={label} hint={hint} error={error} required={required} rows={4} maxLength={REVIEW_TEXT_MAX} {...form.field(field)} />
        <button type="submit" className={BUTTON[tone]} aria-describedby={`${intent}-consequence`} disabled={navigation.state === "submitting"}>
          {submit}
        </button>
      </Form>
    </section>
  );
}

/**
 * The confirmation step, rendered by the server after a valid first post: what will happen and
 * the text that will be sent, with the decision's button (confirmed=yes) and a way back that
 * keeps the text (confirmed=back). Works without JavaScript; focus moves here when it has it.
 */
function ConfirmDecision({ intent, values, detail }: { intent: Intent; values: FormValues; detail: Detail }) {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { field, target, tone } = DECISIONS[intent];
  const targetId = target === "versionId" ? detail.pendingVersion?.id : detail.pendingRenewal?.id;
  if (!targetId) return null;
  const raw = values[field];
  const text = typeof raw === "string" ? raw : "";
  return (
    <section className={`decision-confirm decision--${tone}`} aria-labelledby="confirm-heading">
      <h2 id="confirm-heading" tabIndex={-1} ref={heading}>
        {t(`groupReview.confirm.title.${intent}`)}
      </h2>
      <p>{t("groupReview.confirm.lead")}</p>
      <p className="decision-consequence">{t(`groupReview.consequence.${intent}`)}</p>
      {text ? (
        <>
          <h3>{t("groupReview.confirm.text")}</h3>
          <blockquote className="review-text">{text}</blockquote>
        </>
      ) : (
        <p>{t("groupReview.confirm.noText")}</p>
      )}
      <Form method="post" className="decision-confirm__buttons">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={target} value={String(targetId)} />
        <input type="hidden" name={field} value={text} />
        <button type="submit" name="confirmed" value="yes" className={BUTTON[tone]} disabled={navigation.state === "submitting"}>
          {t(`groupReview.confirm.submit.${intent}`)}
        </button>
        <button type="submit" name="confirmed" value="back" className="button button--secondary">
          {t("groupReview.confirm.back")}
        </button>
      </Form>
    </section>
  );
}

/**
 * One side of a changed text: the old text with what was removed struck through, or the new one
 * with what was added underlined; each mark is also announced to screen readers.
 */
function MarkedText({ changes, side }: { changes: TextChange[]; side: "before" | "after" }) {
  const t = useT(...handle.messages);
  return (
    <>
      {changes.map((change, i) =>
        change.kind === "same" ? (
          <span key={i}>{change.text}</span>
        ) : change.kind === "removed" && side === "before" ? (
          <del key={i}>
            <span className="visually-hidden">{t("groupReview.diff.removedStart")}</span>
            {change.text}
            <span className="visually-hidden">{t("groupReview.diff.removedEnd")}</span>
          </del>
        ) : change.kind === "added" && side === "after" ? (
          <ins key={i}>
            <span className="visually-hidden">{t("groupReview.diff.addedStart")}</span>
            {change.text}
            <span className="visually-hidden">{t("groupReview.diff.addedEnd")}</span>
          </ins>
        ) : null,
      )}
    </>
  );
}

function VersionReview({ detail, server }: { detail: Detail; server: Server }) {
  const t = useT(...handle.messages);
  const lang = useLang();
  const version = detail.pendingVersion!;
  const isNew = version.kind === "new";
  const hidden = { versionId: String(version.id) };
  // A logo is shown as the image (staff may see logos not yet public); everything else as text.
  const cell = (field: ProfileField, value: FieldValue | undefined, changes?: TextChange[], side?: "before" | "after") =>
    changes && side ? (
      <MarkedText changes={changes} side={side} />
    ) : field === "logoFile" && typeof value === "string" && value ? (
      <img className="review-logo" src={`/uploads/${encodeURIComponent(value)}`} alt={t("groupReview.logoAlt")} />
    ) : (
      formatValue(t, field, value, detail.districtNames)
    );
  return (
    <section className="review-pending" aria-labelledby="version-heading">
      <h3 id="version-heading">
        {t(isNew ? "groupReview.detail.newHeading" : "groupReview.detail.changeHeading", { date: formatInstant(version.submittedAt, lang) })}
      </h3>
      {!isNew ? <p>{t("groupReview.diff.changedCount", { count: version.diff.length })}</p> : null}
      {!isNew && version.diff.some((row) => row.changes) ? <p className="diff-legend">{t("groupReview.diff.legend")}</p> : null}
      {!isNew && version.diff.length === 0 ? (
        <p>{t("groupReview.diff.none")}</p>
      ) : (
        <table className="review-diff stacked-table">
          <caption>{t(isNew ? "groupReview.diff.captionNew" : "groupReview.diff.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("groupReview.diff.field")}</th>
              {isNew ? null : <th scope="col">{t("groupReview.diff.before")}</th>}
              <th scope="col">{isNew ? t("groupReview.diff.value") : t("groupReview.diff.after")}</th>
            </tr>
          </thead>
          <tbody>
            {version.diff.map((row) => (
              <tr key={row.field}>
                <th scope="row">{t(profileFieldLabel(row.field))}</th>
                {isNew ? null : (
                  <td className="review-text" data-label={t("groupReview.diff.before")}>
                    {cell(row.field, row.before, row.changes, "before")}
                  </td>
                )}
                <td className="review-text" data-label={isNew ? t("groupReview.diff.value") : t("groupReview.diff.after")}>
                  {cell(row.field, row.after, row.changes, "after")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="review-decisions">
        <DecisionForm
          intent="approve"
          consequence={t("groupReview.consequence.approve")}
          hidden={hidden}
          schema={approveSchema}
          server={server}
          field="note"
          title={t("groupReview.decide.approveTitle")}
          label={t("groupReview.decide.approveNote")}
          hint={t("groupReview.decide.approveHint")}
          required={false}
          submit={t("groupReview.decide.approve")}
        />
        <DecisionForm
          intent="request"
          consequence={t("groupReview.consequence.request")}
          hidden={hidden}
          schema={requestChangesSchema}
          server={server}
          field="message"
          title={t("groupReview.decide.requestTitle")}
          label={t("groupReview.decide.requestMessage")}
          hint={t("groupReview.decide.reasonHint")}
          required
          submit={t("groupReview.decide.request")}
        />
        <DecisionForm
          intent="reject"
          consequence={t("groupReview.consequence.reject")}
          hidden={hidden}
          schema={rejectSchema}
          server={server}
          field="reason"
          title={t("groupReview.decide.rejectTitle")}
          label={t("groupReview.decide.rejectReason")}
          hint={t("groupReview.decide.reasonHint")}
          required
          submit={t("groupReview.decide.reject")}
        />
      </div>
    </section>
  );
}

function RenewalReview({ renewal, server }: { renewal: NonNullable<Detail["pendingRenewal"]>; server: Server }) {
  const t = useT(...handle.messages);
  const lang = useLang();
  const hidden = { registrationId: String(renewal.id) };
  return (
    <section className="review-pending" aria-labelledby="renewal-heading">
      <h3 id="renewal-heading">
        {t("groupReview.detail.renewalHeading", { fy: fiscalYearLabel(renewal.fiscalYear, lang), date: formatInstant(renewal.submittedAt, lang) })}
      </h3>
      <p>{renewal.kept ? t("groupReview.detail.renewalKept") : t("groupReview.detail.renewalLate")}</p>
      <div className="review-decisions">
        <DecisionForm
          intent="approveRenewal"
          consequence={t("groupReview.consequence.approveRenewal")}
          hidden={hidden}
          schema={approveRenewalSchema}
          server={server}
          field="renewalNote"
          title={t("groupReview.decide.approveTitle")}
          label={t("groupReview.decide.approveNote")}
          hint={t("groupReview.decide.approveHint")}
          required={false}
          submit={t("groupReview.decide.approveRenewal")}
        />
        <DecisionForm
          intent="rejectRenewal"
          consequence={t("groupReview.consequence.rejectRenewal")}
          hidden={hidden}
          schema={rejectRenewalSchema}
          server={server}
          field="renewalReason"
          title={t("groupReview.decide.rejectTitle")}
          label={t("groupReview.decide.rejectReason")}
          hint={t("groupReview.decide.reasonHint")}
          required
          submit={t("groupReview.decide.rejectRenewal")}
        />
      </div>
    </section>
  );
}

function History({ detail, lang }: { detail: Detail; lang: Lang }) {
  const t = useT(...handle.messages);
  const when = (value: Date | string | null) => (value ? formatInstant(value, lang) : "");
  const none = <p>{t("groupReview.history.none")}</p>;
  return (
    <>
      <h2>{t("groupReview.history.registrations")}</h2>
      {detail.registrations.length === 0 ? (
        none
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="registrations-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="registrations-table">{t("groupReview.history.registrations")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groupReview.history.fiscalYear")}</th>
                <th scope="col">{t("groupReview.history.regKind")}</th>
                <th scope="col">{t("groupReview.history.status")}</th>
                <th scope="col">{t("groupReview.history.period")}</th>
                <th scope="col">{t("groupReview.history.ended")}</th>
                <th scope="col">{t("groupReview.history.renewal")}</th>
                <th scope="col">{t("groupReview.history.decidedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.registrations.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{fiscalYearLabel(r.fiscalYear, lang)}</th>
                  <td>{labelOf(t, "groupReview.regKind", r.kind)}</td>
                  <td>{labelOf(t, "groupReview.regStatus", r.status)}</td>
                  <td>
                    {r.firstDay
                      ? t("groupReview.history.periodValue", { from: formatIsoDate(r.firstDay, lang), until: formatIsoDate(r.lastDay, lang) })
                      : ""}
                  </td>
                  <td>
                    {r.endReason ? labelOf(t, "groupReview.endReason", r.endReason) : r.validNow ? t("groupReview.endReason.current") : ""}
                    {r.endedAt ? ` (${when(r.endedAt)})` : ""}
                  </td>
                  <td>
                    {r.renewalSubmittedAt ? t("groupReview.history.renewalSubmitted", { at: when(r.renewalSubmittedAt) }) : ""}
                    {r.renewalSubmittedAt && r.renewalDecidedAt ? " / " : ""}
                    {r.renewalDecidedAt ? t("groupReview.history.renewalDecided", { at: when(r.renewalDecidedAt) }) : ""}
                  </td>
                  <td>{r.decidedBy ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("groupReview.history.versions")}</h2>
      {detail.versions.length === 0 ? (
        none
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="versions-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="versions-table">{t("groupReview.history.versions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groupReview.history.version")}</th>
                <th scope="col">{t("groupReview.column.name")}</th>
                <th scope="col">{t("groupReview.history.status")}</th>
                <th scope="col">{t("groupReview.history.submittedAt")}</th>
                <th scope="col">{t("groupReview.history.decidedAt")}</th>
                <th scope="col">{t("groupReview.history.decidedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{t("groupReview.history.versionNumber", { number: v.number })}</th>
                  <td>{v.name}</td>
                  <td>{labelOf(t, "groupReview.versionStatus", v.status)}</td>
                  <td>{when(v.submittedAt)}</td>
                  <td>{when(v.decidedAt)}</td>
                  <td>{v.decidedBy ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("groupReview.history.messages")}</h2>
      {detail.messages.length === 0 ? (
        none
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="messages-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="messages-table">{t("groupReview.history.messages")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groupReview.history.at")}</th>
                <th scope="col">{t("groupReview.history.kind")}</th>
                <th scope="col">{t("groupReview.history.body")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{when(m.createdAt)}</th>
                  <td>{labelOf(t, "groupReview.messageKind", m.kind)}</td>
                  <td className="review-text">{m.body}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("groupReview.history.audit")}</h2>
      {detail.audit.length === 0 ? (
        none
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="audit-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="audit-table">{t("groupReview.history.audit")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groupReview.history.at")}</th>
                <th scope="col">{t("groupReview.history.action")}</th>
                <th scope="col">{t("groupReview.history.actor")}</th>
                <th scope="col">{t("groupReview.history.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.audit.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{when(a.at)}</th>
                  <td>{auditActionLabel(t, a.action)}</td>
                  <td>{a.actorName ? `${a.actorName} (${roleLabel(t, a.actorRole)})` : a.actorRole === "system" ? t("groupReview.history.system") : roleLabel(t, a.actorRole)}</td>
                  <td className="review-text">{a.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("groupReview.history.members")}</h2>
      {detail.members.length === 0 ? (
        none
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="members-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="members-table">{t("groupReview.history.members")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groupReview.history.memberName")}</th>
                <th scope="col">{t("groupReview.history.memberEmail")}</th>
                <th scope="col">{t("groupReview.history.memberRole")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">{m.displayName}</th>
                  <td>{m.email}</td>
                  <td>{labelOf(t, "groupReview.role", m.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
