import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actorOf, requireSession } from "../auth/guards.server.ts";
import { GroupNoticeBanner, GroupStatusText } from "../groups/ui/group-form.tsx";
import { groupNoticeFrom } from "../groups/editor-forms.ts";
import { useT } from "../i18n/index.ts";
import { groupFormMessages } from "../groups/messages/groupForm.ts";
import { listMyGroups } from "../groups/editor.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [groupFormMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("groupForm.my.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  return { groups: await listMyGroups(actorOf(session)), notice: groupNoticeFrom(request.url) };
}

export default function MyGroups() {
  const t = useT(...handle.messages);
  const { groups, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("groupForm.my.title")}</h1>
      <GroupNoticeBanner notice={notice} />
      <p>{t("groupForm.my.lead")}</p>
      {groups.length === 0 ? (
        <p>{t("groupForm.my.none")}</p>
      ) : (
        <table className="stacked-table">
          <caption className="visually-hidden">{t("groupForm.my.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("groupForm.my.name")}</th>
              <th scope="col">{t("groupForm.my.role")}</th>
              <th scope="col">{t("groupForm.my.status")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  <Link to={`/my/groups/${g.id}`}>{g.name || t("groupForm.my.untitled")}</Link>
                </th>
                <td data-label={t("groupForm.my.role")}>{t(`groupForm.role.${g.role}`)}</td>
                <td data-label={t("groupForm.my.status")}>
                  <GroupStatusText status={g.status} change={g.change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/groups/new" className="button">
          {t("groupForm.my.register")}
        </Link>
      </p>
    </>
  );
}
