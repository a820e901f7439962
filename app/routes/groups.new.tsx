import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { GroupForm } from "../groups/ui/group-form.tsx";
import { encodeMessage, useT, type MessagesHandle } from "../i18n/index.ts";
import { groupFormMessages } from "../groups/messages/groupForm.ts";
import { GROUP_FORM_LIMITS } from "../groups/forms.ts";
import type { BodyLimitHandle } from "../platform/body-limit.ts";
import { maxBodyBytes } from "../platform/uploads/kinds.ts";
import { createGroup, listDistrictChoices, readGroupForm } from "../groups/editor.server.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

/** The intents this page's forms post (the role × page matrix has a row for each). */
export { GROUP_FORM_INTENTS as INTENTS } from "../groups/editor-forms.ts";

export const handle = { messages: [groupFormMessages], bodyLimit: maxBodyBytes(GROUP_FORM_LIMITS) } satisfies MessagesHandle & BodyLimitHandle;
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("groupForm.title"), ...handle.messages);

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** Registering a group needs a confirmed address (group:create:own). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "group:create:own");
  return { districts: await listDistrictChoices(), today: tokyoDate(now()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "group:create:own");
  const read = await readGroupForm(request, tokyoDate(now()));
  if (!read.ok) return data({ errors: read.errors, values: read.values }, { status: read.status });
  const result = await createGroup(actor, read.submission);
  if (!result.ok) {
    const seconds = "limited" in result ? result.limited : 60;
    return data(
      { errors: { _form: encodeMessage("groupForm.errors.tooManyGroups", { minutes: Math.max(1, Math.ceil(seconds / 60)) }) }, values: read.values },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  return redirect(`/my/groups/${result.groupId}?notice=${read.submission.submit ? "submitted" : "created"}`);
}

export default function NewGroup() {
  const t = useT(...handle.messages);
  const { districts, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <h1>{t("groupForm.title")}</h1>
      <p>{t("groupForm.new.lead")}</p>
      <GroupForm
        variant={{ kind: "member", canSubmit: true }}
        districts={districts}
        today={today}
        defaults={{}}
        server={result}
        busy={navigation.state === "submitting"}
      />
    </>
  );
}
