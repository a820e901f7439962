import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound } from "../auth/guards.server.ts";
import { requireGroupRole } from "../groups/access.server.ts";
import { FormAlert } from "../accounts/ui.tsx";
import { GroupNoticeBanner, GroupProfileView, GroupStatusText, MultilineText } from "../groups/ui/group-form.tsx";
import { groupNoticeFrom } from "../groups/editor-forms.ts";
import { lookupMessage, useLang, useT } from "../i18n/index.ts";
import { groupFormMessages } from "../groups/messages/groupForm.ts";
import { getGroupStatus, leaveGroup } from "../groups/editor.server.ts";
import { fiscalYearLabel, formatInstant, formatIsoDate, lastValidDay, tokyoDate } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [groupFormMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => args.data?.group.name || t("groupForm.my.untitled"), ...handle.messages);

/** Members only: for anyone else the group does not exist (404), drafts included. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, group } = await requireGroupRole(request, params.id, "group:read:own");
  const page = await getGroupStatus(actor, group.id);
  if (!page) throw notFound();
  return { ...page, notice: groupNoticeFrom(request.url) };
}

/** "Leave this group": the last representative of an open group is refused with a message. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, group } = await requireGroupRole(request, params.id, "group:leave:own");
  const result = await leaveGroup(actor, group.id);
  if (result.ok) return redirect("/my/groups?notice=left");
  if ("notFound" in result) throw notFound();
  return data({ error: "error" in result ? result.error : null }, { status: 409 });
}


export default function GroupStatusPage() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { group, role, status, change, editable } = page;
  const representative = role === "representative";
  const latestMessage = page.messages[0];
  const showLatest = latestMessage && (status === "changesRequested" || status === "rejected" || change === "changesRequested" || status === "cancelled");
  const name = group.name || t("groupForm.my.untitled");

  return (
    <>
      <h1>{name}</h1>
      <GroupNoticeBanner notice={page.notice} />
      <p>{t("groupForm.page.yourRole", { role: t(`groupForm.role.${role}`) })}</p>

      <section aria-labelledby="status-heading" className="status-box">
        <h2 id="status-heading">{t("groupForm.status.label")}</h2>
        <p className="status-box__state">
          <strong>
            <GroupStatusText status={status} change={change} />
          </strong>
        </p>
        <p>{t(`groupForm.status.explain.${status}`)}</p>
        {showLatest ? (
          <div className="message">
            <h3>{t("groupForm.messages.latest")}</h3>
            <p className="message__meta">
              {t("groupForm.message.meta", {
                kind: (lookupMessage(t, `groupForm.message.kind.${latestMessage.kind}`) ?? latestMessage.kind),
                date: formatInstant(latestMessage.createdAt, lang),
              })}
            </p>
            <p>
              <MultilineText text={latestMessage.body} />
            </p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t("groupForm.page.actions")}</h2>
        <ul className="actions">
          {editable === "open" ? (
            <li>
              <Link to={`/my/groups/${group.id}/edit`}>{t((status === "approved" || status === "lapsed") && change === null ? "groupForm.page.editChange" : "groupForm.page.edit")}</Link>
            </li>
          ) : null}
          {editable === "locked" ? <li>{t("groupForm.edit.locked")}</li> : null}
          {group.listed ? (
            <li>
              <Link to={`/groups/${group.id}`}>{t("groupForm.page.publicProfile")}</Link>
            </li>
          ) : null}
          {representative ? (
            <li>
              <Link to={`/my/groups/${group.id}/members`}>{t("groupForm.page.members")}</Link>
            </li>
          ) : null}
          {representative && (status === "approved" || status === "lapsed") ? (
            <li>
              <Link to={`/my/groups/${group.id}/renew`}>{t("groupForm.page.renew")}</Link>
            </li>
          ) : null}
          {representative && status !== "withdrawn" && status !== "cancelled" ? (
            <li>
              <Link to={`/my/groups/${group.id}/withdraw`}>{t("groupForm.page.withdraw")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/my/groups">{t("groupForm.page.backToList")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="registrations-heading">
        <h2 id="registrations-heading">{t("groupForm.registrations.title")}</h2>
        {page.registrations.length === 0 ? (
          <p>{t("groupForm.registrations.none")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("groupForm.registrations.fiscalYear")}</th>
                <th scope="col">{t("groupForm.registrations.kind")}</th>
                <th scope="col">{t("groupForm.registrations.status")}</th>
                <th scope="col">{t("groupForm.registrations.validity")}</th>
              </tr>
            </thead>
            <tbody>
              {page.registrations.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{fiscalYearLabel(r.fiscalYear, lang)}</th>
                  <td>{(lookupMessage(t, `groupForm.registration.kind.${r.kind}`) ?? r.kind)}</td>
                  <td>
                    {(lookupMessage(t, `groupForm.registration.status.${r.status}`) ?? r.status)}
                    {r.validNow ? (
                      <>
                        <br />
                        {t("groupForm.registrations.validNow")}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {r.validFrom
                      ? t("groupForm.registrations.validRange", {
                          from: formatIsoDate(tokyoDate(new Date(r.validFrom)), lang),
                          until: formatIsoDate(lastValidDay(r.validUntil), lang),
                        })
                      : t("groupForm.registrations.validUntil", { until: formatIsoDate(lastValidDay(r.validUntil), lang) })}
                    {r.endedAt && r.endReason ? (
                      <>
                        <br />
                        {t("groupForm.registrations.ended", {
                          date: formatIsoDate(tokyoDate(new Date(r.endedAt)), lang),
                          reason: (lookupMessage(t, `groupForm.registration.endReason.${r.endReason}`) ?? r.endReason),
                        })}
                      </>
                    ) : null}
                    {r.renewalPending ? (
                      <>
                        <br />
                        {t("groupForm.registrations.renewalPending")}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t("groupForm.messages.title")}</h2>
        {page.messages.length === 0 ? (
          <p>{t("groupForm.messages.none")}</p>
        ) : (
          <ol className="messages">
            {page.messages.map((m) => (
              <li key={m.id}>
                <p className="message__meta">
                  {t("groupForm.message.meta", { kind: (lookupMessage(t, `groupForm.message.kind.${m.kind}`) ?? m.kind), date: formatInstant(m.createdAt, lang) })}
                </p>
                <p>
                  <MultilineText text={m.body} />
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {page.profile ? (
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t(page.profileIsPublished ? "groupForm.page.publishedProfile" : "groupForm.page.profile")}</h2>
          <GroupProfileView profile={page.profile} />
        </section>
      ) : null}

      <section aria-labelledby="leave-heading">
        <h2 id="leave-heading">{t("groupForm.page.leave")}</h2>
        <p>{t("groupForm.page.leaveHint")}</p>
        <FormAlert message={result?.error ?? undefined} />
        <Form method="post">
          <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
            {t("groupForm.page.leave")}
          </button>
        </Form>
      </section>
    </>
  );
}
