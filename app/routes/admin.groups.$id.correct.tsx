import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Link, redirect, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { GroupForm } from "../groups/ui/group-form.tsx";
import { ConflictNotice } from "../groups/ui/review-ui.tsx";
import { CORRECTION_BODY_LIMIT, correctionSchema } from "../groups/review-forms.ts";
import type { BodyLimitHandle } from "../platform/body-limit.ts";
import { idParam } from "../platform/forms/params.ts";
import { type FieldErrors, parseForm, readFormData } from "../platform/forms/validation.ts";
import { keptValues, type FormValues } from "../platform/forms/values.ts";
import { useT, type MessagesHandle } from "../i18n/index.ts";
import { groupReviewMessages } from "../groups/messages/groupReview.ts";
import { pageTitle } from "../platform/meta.ts";
import { correctionDefaults, correctProfile } from "../groups/review.server.ts";
import { unknownReferences } from "../groups/group.server.ts";
import groupReviewStyles from "../groups/ui/group-review.css?url";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupReviewStyles }];

export const handle = { messages: [groupReviewMessages], bodyLimit: CORRECTION_BODY_LIMIT } satisfies MessagesHandle & BodyLimitHandle;
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("groupReview.correct.title", { name: args.data?.group.name ?? "" }), ...handle.messages);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "group:edit:any");
  const found = await correctionDefaults(actor, idParam(params.id));
  if (!found) throw notFound();
  return { ...found, today: tokyoDate(now()) };
}

type ActionResult = { conflict: boolean; errors?: FieldErrors; values?: FormValues };

/**
 * The correction: the whole profile under the form's rules plus a reason. 400 with the messages at
 * the fields (or "nothing changed"), 409 when the published profile changed since the page opened.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "group:edit:any");
  const groupId = idParam(params.id);
  const formData = await readFormData(request);
  const parsed = parseForm(correctionSchema(tokyoDate(now())), formData);
  if (!parsed.ok) return data<ActionResult>({ conflict: false, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { reason, publishedVersionId, ...profile } = parsed.data;
  const unknown = await unknownReferences(profile);
  if (Object.keys(unknown).length > 0) return data<ActionResult>({ conflict: false, errors: unknown, values: keptValues(formData) }, { status: 400 });
  const outcome = await correctProfile(actor, groupId, publishedVersionId, profile, reason);
  if (outcome.ok) return redirect(`/admin/groups/${groupId}?done=correct`);
  if (outcome.error === "notFound") throw notFound();
  if (outcome.error === "noChange") {
    return data<ActionResult>({ conflict: false, errors: { _form: "groupReview.correct.noChange" }, values: keptValues(formData) }, { status: 400 });
  }
  return data<ActionResult>({ conflict: true }, { status: 409 });
}

export default function CorrectGroupProfile() {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { group, today, districts } = loaded;
  const back = `/admin/groups/${group.id}`;

  if (result?.conflict || group.state !== "active" || !loaded.publishedVersionId) {
    return (
      <>
        <h1>{t("groupReview.correct.title", { name: group.name || t("groupReview.unnamed") })}</h1>
        {result?.conflict ? (
          <ConflictNotice title={t("groupReview.correct.conflictTitle")} body={t("groupReview.correct.conflictBody")} />
        ) : (
          <p>{t("groupReview.correct.notActive")}</p>
        )}
        <p>
          <Link to={back}>{t("groupReview.backToGroup")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t("groupReview.correct.title", { name: group.name })}</h1>
      <p>{t("groupReview.correct.lead")}</p>
      {loaded.waitingChange ? <p>{t("groupReview.correct.pendingChange")}</p> : null}
      <GroupForm
        variant={{ kind: "correction" }}
        districts={districts}
        today={today}
        defaults={loaded.values}
        server={result}
        busy={navigation.state === "submitting"}
      />
      <p>
        <Link to={back}>{t("groupReview.backToGroup")}</Link>
      </p>
    </>
  );
}
