import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound } from "../auth/guards.server.ts";
import { requireGroupRole } from "../groups/access.server.ts";
import { FormAlert } from "../accounts/ui.tsx";
import { ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { GroupNoticeBanner } from "../groups/ui/group-form.tsx";
import { GROUP_ROLES, groupNoticeFrom, inviteSchema, memberRoleSchema } from "../groups/editor-forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData, type FieldErrors } from "../platform/forms/validation.ts";
import { encodeMessage, translator, useLang, useT } from "../i18n/index.ts";
import { groupFormMessages } from "../groups/messages/groupForm.ts";
import { getLang } from "../i18n/lang.server.ts";
import {
  cancelInvitation,
  changeMemberRole,
  getMembersPage,
  inviteMember,
  removeMember,
  type Failure,
} from "../groups/editor.server.ts";
import { formatInstant, formatIsoDate, tokyoDate } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";
import type { FormValues } from "../platform/forms/values.ts";

export const handle = { messages: [groupFormMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => args.data?.title ?? t("groupForm.page.members"), ...handle.messages);

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** Representatives only: an editor of the group gets 403, anyone else 404. */
async function load(request: Request, param: string | undefined) {
  const { actor, group } = await requireGroupRole(request, param, "group:members:own");
  const page = await getMembersPage(actor, group.id);
  if (!page) throw notFound();
  return { actor, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await load(request, params.id);
  const t = translator(getLang(request), ...handle.messages);
  return { ...page, title: t("groupForm.members.title", { name: page.group.name || t("groupForm.my.untitled") }), notice: groupNoticeFrom(request.url) };
}

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = ["invite", "cancel", "role", "remove"] as const;
type Intent = (typeof INTENTS)[number];

function refused(intent: Intent, result: Failure, values: FormValues = {}) {
  if ("notFound" in result) throw notFound();
  if ("limited" in result) {
    const minutes = Math.max(1, Math.ceil(result.limited / 60));
    return data(
      { intent, errors: { _form: encodeMessage("groupForm.errors.tooManyInvitations", { minutes }) } as FieldErrors, values },
      { status: 429, headers: { "Retry-After": String(result.limited) } },
    );
  }
  return data({ intent, errors: { _form: result.error } as FieldErrors, values }, { status: 409 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, page } = await load(request, params.id);
  const groupId = page.group.id;
  const formData = await readFormData(request);
  const back = (notice: string) => redirect(`/my/groups/${groupId}/members?notice=${notice}`);
  switch (formData.get("intent")) {
    case "invite": {
      const parsed = parseForm(inviteSchema, formData);
      if (!parsed.ok) return data({ intent: "invite" as Intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      const result = await inviteMember(actor, groupId, parsed.data);
      if (!result.ok) {
        if ("error" in result && result.error === "groupForm.errors.alreadyMember") {
          return data({ intent: "invite" as Intent, errors: { email: result.error } as FieldErrors, values: parsed.data }, { status: 409 });
        }
        return refused("invite", result, parsed.data);
      }
      return back("invited");
    }
    case "cancel": {
      const id = formData.get("invitationId");
      if (typeof id !== "string" || id.length > 100) throw new Response("Bad Request", { status: 400 });
      const result = await cancelInvitation(actor, groupId, id);
      return result.ok ? back("invitationCancelled") : refused("cancel", result);
    }
    case "role": {
      const parsed = parseForm(memberRoleSchema, formData);
      if (!parsed.ok) throw new Response("Bad Request", { status: 400 });
      const result = await changeMemberRole(actor, groupId, parsed.data.userId, parsed.data.role);
      if (!result.ok) return refused("role", result);
      // A representative who made themself an editor can no longer see this page.
      if (parsed.data.userId === actor.id && parsed.data.role === "editor") return redirect(`/my/groups/${groupId}?notice=roleChanged`);
      return back("roleChanged");
    }
    case "remove": {
      const target = formData.get("userId");
      if (typeof target !== "string" || target.length > 100) throw new Response("Bad Request", { status: 400 });
      const result = await removeMember(actor, groupId, target);
      if (result.ok) return target === actor.id ? redirect("/my/groups?notice=left") : back("removed");
      return refused("remove", result);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function GroupMembers() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const inviteServer = result?.intent === "invite" ? result : undefined;
  const invite = useValidatedForm(inviteSchema, inviteServer, { role: "editor" });
  const roleOptions = GROUP_ROLES.map((role) => ({ value: role, label: t(`groupForm.role.${role}`) }));
  const inviteLabels = { email: t("groupForm.members.email"), role: t("groupForm.members.inviteRole") };
  const inviteErrors = { email: invite.errorFor("email"), role: invite.errorFor("role") };
  const tableAlert = result && result.intent !== "invite" ? result.errors._form : undefined;

  return (
    <>
      <h1>{page.title}</h1>
      <GroupNoticeBanner notice={page.notice} />
      <p>{t("groupForm.members.lead")}</p>
      <p>{t("groupForm.role.hint")}</p>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("groupForm.members.listTitle")}</h2>
        <FormAlert message={tableAlert} />
        <table>
          <thead>
            <tr>
              <th scope="col">{t("groupForm.members.name")}</th>
              <th scope="col">{t("groupForm.members.role")}</th>
              <th scope="col">{t("groupForm.members.since")}</th>
              <th scope="col">{t("groupForm.members.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {page.members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.self ? t("groupForm.members.you", { name: m.displayName }) : m.displayName}</th>
                <td>{t(`groupForm.role.${m.role}`)}</td>
                <td>{formatIsoDate(tokyoDate(new Date(m.since)), lang)}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <label htmlFor={`role-${m.userId}`} className="visually-hidden">
                      {t("groupForm.members.changeRoleFor", { name: m.displayName })}
                    </label>
                    <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" className="link-button" disabled={busy}>
                      {t("groupForm.members.save")}
                      <span className="visually-hidden"> {t("groupForm.members.changeRoleFor", { name: m.displayName })}</span>
                    </button>
                  </Form>
                  {m.self ? null : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button type="submit" className="link-button" disabled={busy}>
                        {t("groupForm.members.remove")}
                        <span className="visually-hidden"> {t("groupForm.members.removeWhich", { name: m.displayName })}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t("groupForm.members.pendingTitle")}</h2>
        {page.invitations.length === 0 ? (
          <p>{t("groupForm.members.pendingNone")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("groupForm.members.invitedEmail")}</th>
                <th scope="col">{t("groupForm.members.role")}</th>
                <th scope="col">{t("groupForm.members.expires")}</th>
                <th scope="col">{t("groupForm.members.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {page.invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{t(`groupForm.role.${i.role}`)}</td>
                  <td>{formatInstant(i.expiresAt, lang)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="cancel" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="link-button" disabled={busy}>
                        {t("groupForm.members.cancel")}
                        <span className="visually-hidden"> {t("groupForm.members.cancelWhich", { email: i.email })}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {page.group.closed ? null : (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t("groupForm.members.inviteTitle")}</h2>
          <p>{t("groupForm.members.inviteLead")}</p>
          <FormAlert message={inviteServer?.errors._form} />
          {inviteServer ? <ErrorSummary errors={inviteErrors} labels={inviteLabels} /> : null}
          <Form method="post" noValidate onSubmit={invite.onSubmit}>
            <input type="hidden" name="intent" value="invite" />
            <TextField label={inviteLabels.email} error={inviteErrors.email} required type="email" autoComplete="off" maxLength={254} {...invite.field("email")} />
            <SelectField label={inviteLabels.role} error={inviteErrors.role} required options={roleOptions} {...invite.field("role")} />
            <button type="submit" className="button" disabled={busy}>
              {t("groupForm.members.invite")}
            </button>
          </Form>
        </section>
      )}

      <p>
        <Link to={`/my/groups/${page.group.id}`}>{t("groupForm.edit.back")}</Link>
      </p>
    </>
  );
}
