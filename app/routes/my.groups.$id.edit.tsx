import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound } from "../auth/guards.server.ts";
import { requireGroupRole } from "../groups/access.server.ts";
import { GroupForm } from "../groups/ui/group-form.tsx";
import { translator, useT, type MessagesHandle } from "../i18n/index.ts";
import { groupFormMessages } from "../groups/messages/groupForm.ts";
import { GROUP_FORM_LIMITS } from "../groups/forms.ts";
import type { BodyLimitHandle } from "../platform/body-limit.ts";
import { maxBodyBytes } from "../platform/uploads/kinds.ts";
import { getLang } from "../i18n/lang.server.ts";
import { deleteLogoIfUnused, getGroupForEdit, listDistrictChoices, readGroupForm, saveGroupVersion } from "../groups/editor.server.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

/** The intents this page's forms post (the role × page matrix has a row for each). */
export { GROUP_FORM_INTENTS as INTENTS } from "../groups/editor-forms.ts";

export const handle = { messages: [groupFormMessages], bodyLimit: maxBodyBytes(GROUP_FORM_LIMITS) } satisfies MessagesHandle & BodyLimitHandle;
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => args.data?.title ?? t("groupForm.page.edit"), ...handle.messages);

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

async function load(request: Request, param: string | undefined) {
  const { actor, group } = await requireGroupRole(request, param, "group:edit:own");
  const page = await getGroupForEdit(actor, group.id);
  if (!page) throw notFound();
  return { actor, page };
}

/** Representatives and editors of the group; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await load(request, params.id);
  const t = translator(getLang(request), ...handle.messages);
  return {
    ...page,
    title: t("groupForm.edit.title", { name: page.group.name || t("groupForm.my.untitled") }),
    districts: page.editable === "open" ? await listDistrictChoices() : [],
    today: tokyoDate(now()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, page } = await load(request, params.id);
  if (page.editable !== "open") return data({ errors: { _form: "groupForm.errors.notEditable" }, values: undefined }, { status: 409 });
  const read = await readGroupForm(request, tokyoDate(now()));
  if (!read.ok) return data({ errors: read.errors, values: read.values }, { status: read.status });
  const result = await saveGroupVersion(actor, page.group.id, read.submission);
  if (!result.ok) {
    if (read.submission.logo.kind === "replace") await deleteLogoIfUnused(read.submission.logo.file);
    if ("notFound" in result) throw notFound();
    const error = "error" in result ? result.error : "groupForm.errors.notEditable";
    return data({ errors: { _form: error }, values: read.values }, { status: 409 });
  }
  return redirect(`/my/groups/${page.group.id}?notice=${result.submitted ? "submitted" : "draftSaved"}`);
}

export default function EditGroup() {
  const t = useT(...handle.messages);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const name = page.group.name || t("groupForm.my.untitled");
  const lead =
    page.status === "changesRequested" || page.change === "changesRequested"
      ? "groupForm.edit.leadChangesRequested"
      : page.group.published
        ? "groupForm.edit.leadChange"
        : "groupForm.edit.leadDraft";
  return (
    <>
      <h1>{t("groupForm.edit.title", { name })}</h1>
      {page.editable === "open" ? (
        <>
          <p>{t(lead)}</p>
          <GroupForm
            variant={{ kind: "member", canSubmit: page.role === "representative", currentLogo: page.logoFile || undefined, groupName: name }}
            districts={page.districts}
            today={page.today}
            defaults={page.values}
            server={result}
            busy={navigation.state === "submitting"}
          />
        </>
      ) : (
        <p>{t(page.editable === "locked" ? "groupForm.edit.locked" : "groupForm.edit.closed")}</p>
      )}
      <p>
        <Link to={`/my/groups/${page.group.id}`}>{t("groupForm.edit.back")}</Link>
      </p>
    </>
  );
}
