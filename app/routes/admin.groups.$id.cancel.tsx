import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { ErrorSummary, TextArea } from "../components/form.tsx";
import { ConflictNotice } from "../groups/ui/review-ui.tsx";
import { cancelSchema, REVIEW_TEXT_MAX } from "../groups/review-forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { groupReviewMessages } from "../groups/messages/groupReview.ts";
import { pageTitle } from "../platform/meta.ts";
import { cancelRegistration, groupReviewDetail } from "../groups/review.server.ts";
import { idParam } from "../platform/forms/params.ts";

export const handle = { messages: [groupReviewMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("groupReview.cancel.title", { name: args.data?.group.name ?? "" }), ...handle.messages);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "group:review:any");
  const detail = await groupReviewDetail(actor, idParam(params.id));
  if (!detail) throw notFound();
  return { group: detail.group };
}

/** Cancels the registration (reason required): 400 at the field, 409 when the group is no longer registered. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "group:review:any");
  const groupId = idParam(params.id);
  const parsed = parseForm(cancelSchema, await readFormData(request));
  if (!parsed.ok) return data({ conflict: false as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await cancelRegistration(actor, groupId, parsed.data.reason);
  if (!outcome.ok && outcome.error === "notFound") throw notFound();
  if (!outcome.ok) return data({ conflict: true as const, errors: undefined, values: undefined }, { status: 409 });
  return redirect(`/admin/groups/${groupId}?done=cancel`);
}

export default function CancelGroupRegistration() {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const { group } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const server = result && !result.conflict ? result : undefined;
  const form = useValidatedForm(cancelSchema, server);
  const labels = { reason: t("groupReview.cancel.reason") };
  const errors = { reason: form.errorFor("reason") };
  const back = `/admin/groups/${group.id}`;
  const active = group.state === "active" && !result?.conflict;
  return (
    <>
      <h1>{t("groupReview.cancel.title", { name: group.name || t("groupReview.unnamed") })}</h1>
      {result?.conflict ? (
        <ConflictNotice title={t("groupReview.cancel.conflictTitle")} body={t("groupReview.cancel.notActive")} />
      ) : null}
      {active ? (
        <>
          <p>{t("groupReview.cancel.lead")}</p>
          {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <TextArea
              label={labels.reason}
              hint={t("groupReview.decide.reasonHint")}
              error={errors.reason}
              required
              rows={4}
              maxLength={REVIEW_TEXT_MAX}
              {...form.field("reason")}
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("groupReview.cancel.submit")}
            </button>
          </Form>
        </>
      ) : result?.conflict ? null : (
        <p>{t("groupReview.cancel.notActive")}</p>
      )}
      <p>
        <Link to={back}>{t("groupReview.backToGroup")}</Link>
      </p>
    </>
  );
}
