import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { GroupForm } from "../groups/ui/group-form.tsx";
import { translator, useT } from "../i18n/index.ts";
import { getLang } from "../i18n/lang.server.ts";
import { deleteLogoIfUnused, getGroupForEdit, listDistrictChoices, readGroupForm, saveGroupVersion } from "../groups/editor.server.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";
import { idParam } from "../platform/forms/params.ts";
import { pageTitle } from "../platform/meta.ts";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "groupForm.page.edit", args.data?.title);

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

async function load(request: Request, param: string | undefined) {
  const { session } = await requirePermission(request, "content:submit");
  const page = await getGroupForEdit(session.user.id, idParam(param));
  if (!page) throw notFound();
  return { session, page };
}

/** Representatives and editors of the group; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await load(request, params.id);
  const t = translator(getLang(request));
  return {
    ...page,
    title: t("groupForm.edit.title", { name: page.group.name || t("groupForm.my.untitled") }),
    districts: page.editable === "open" ? await listDistrictChoices() : [],
    today: tokyoDate(now()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, page } = await load(request, params.id);
  if (page.editable !== "open") return data({ errors: { _form: "groupForm.errors.notEditable" }, values: undefined }, { status: 409 });
  const read = await readGroupForm(request, tokyoDate(now()));
  if (!read.ok) return data({ errors: read.errors, values: read.values }, { status: read.status });
  const result = await saveGroupVersion(session.user.id, page.group.id, read.submission);
  if (!result.ok) {
    if (read.submission.logo.kind === "replace") await deleteLogoIfUnused(read.submission.logo.file);
    if ("notFound" in result) throw notFound();
    const error = "error" in result ? result.error : "groupForm.errors.notEditable";
    return data({ errors: { _form: error }, values: read.values }, { status: 409 });
  }
  return redirect(`/my/groups/${page.group.id}?notice=${result.submitted ? "submitted" : "draftSaved"}`);
}

export default function EditGroup() {
  const t = useT();
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
