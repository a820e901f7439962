import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { notFound } from "../auth/guards.server.ts";
import { requireGroupRole } from "../groups/access.server.ts";
import { ErrorSummary } from "../components/form.tsx";
import { Checkbox } from "../components/form-choices.tsx";
import { renewalConfirmSchema } from "../groups/review-forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useLang, useT } from "../i18n/index.ts";
import { groupReviewMessages } from "../groups/messages/groupReview.ts";
import { renewalPage, submitRenewal, type RenewalStatus } from "../groups/renewal.server.ts";
import { fiscalYearLabel, formatInstant, formatIsoDate, lastValidDay } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [groupReviewMessages] };
export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => t("groupReview.renew.title", { name: args.data?.group.name ?? "" }), ...handle.messages);

/** The status as the page shows it (dates as plain values; nothing about the registration's internals). */
function view(status: RenewalStatus) {
  switch (status.kind) {
    case "open":
      return { kind: status.kind, fiscalYear: status.fiscalYear, until: lastValidDay(status.current.validUntil) };
    case "notYet":
      return { kind: status.kind, fiscalYear: status.fiscalYear, opensOn: status.opensOn };
    case "pending":
      return { kind: status.kind, fiscalYear: status.fiscalYear, submittedAt: status.submittedAt };
    case "unavailable":
      return { kind: status.kind, fiscalYear: null };
    default:
      return { kind: status.kind, fiscalYear: status.fiscalYear };
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Only a representative renews: another member (an editor) is refused, anyone else finds nothing.
  const { actor, group } = await requireGroupRole(request, params.id, "group:renew:own");
  const page = await renewalPage(actor, group.id);
  if (!page) throw notFound();
  return { group: page.group, status: view(page.status) };
}

/** Submits the renewal: 400 without the confirmation, 409 when renewal is no longer open (e.g. sent twice). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, group } = await requireGroupRole(request, params.id, "group:renew:own");
  const groupId = group.id;
  const parsed = parseForm(renewalConfirmSchema, await readFormData(request));
  if (!parsed.ok) return data({ refused: false as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await submitRenewal(actor, groupId);
  if ("notFound" in result) throw notFound();
  if (!result.ok) return data({ refused: true as const, errors: undefined, values: undefined }, { status: 409 });
  return redirect(`/my/groups/${groupId}/renew?submitted=1`);
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { refused?: boolean } | undefined)?.refused ? true : defaultShouldRevalidate;

export default function RenewGroupRegistration() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const navigation = useNavigation();
  const { group, status } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const server = result && !result.refused ? result : undefined;
  const form = useValidatedForm(renewalConfirmSchema, server);
  const fy = status.fiscalYear ? fiscalYearLabel(status.fiscalYear, lang) : "";
  const labels = { confirm: t("groupReview.renew.confirm") };
  const errors = { confirm: form.errorFor("confirm") };
  const canSubmit = status.kind === "open" || status.kind === "late";
  // A checkbox takes its state from defaultChecked; the text default RHF's props carry does not apply.
  const { defaultValue: _unused, ...confirmField } = form.field("confirm");
  return (
    <>
      <h1>{t("groupReview.renew.title", { name: group.name })}</h1>
      {search.get("submitted") && status.kind === "pending" && !result ? (
        <p className="notice" role="status">
          {t("groupReview.renew.submitted")}
        </p>
      ) : null}
      <p>{t("groupReview.renew.lead")}</p>
      <p role={result?.refused ? "alert" : undefined}>
        {status.kind === "open"
          ? t("groupReview.renew.open", { fy, until: "until" in status ? formatIsoDate(status.until, lang) : "" })
          : status.kind === "late"
            ? t("groupReview.renew.late", { fy })
            : status.kind === "notYet"
              ? t("groupReview.renew.notYet", { fy, date: "opensOn" in status ? formatIsoDate(status.opensOn, lang) : "" })
              : status.kind === "pending"
                ? t("groupReview.renew.pending", { fy, date: "submittedAt" in status ? formatInstant(status.submittedAt, lang) : "" })
                : status.kind === "done"
                  ? t("groupReview.renew.done", { fy })
                  : status.kind === "rejected"
                    ? t("groupReview.renew.rejected", { fy })
                    : t("groupReview.renew.unavailable")}
      </p>
      {canSubmit ? (
        <>
          <p>
            {t("groupReview.renew.checkProfile")} <Link to={`/my/groups/${group.id}/edit`}>{t("groupReview.renew.editLink")}</Link>
          </p>
          {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <Checkbox label={labels.confirm} error={errors.confirm} required defaultChecked={server?.values?.confirm === "on"} {...confirmField} />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("groupReview.renew.submit")}
            </button>
          </Form>
        </>
      ) : null}
      <p>
        <Link to={`/my/groups/${group.id}`}>{t("groupReview.renew.back")}</Link>
      </p>
    </>
  );
}
