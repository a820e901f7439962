import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { listConsultations } from "../consultations/admin.server.ts";
import { consultationAdminMessages } from "../consultations/messages/consultationAdmin.ts";
import { PeriodText, StatusBadge } from "../consultations/ui/admin-ui.tsx";
import { useT } from "../i18n/index.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [consultationAdminMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("consultationAdmin.title"), ...handle.messages);

/** Every consultation with its status now, its period and its number of comments. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  return { consultations: await listConsultations(actor) };
}

export default function ConsultationsAdmin() {
  const t = useT(...handle.messages);
  const { consultations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("consultationAdmin.title")}</h1>
      <p className="lead">{t("consultationAdmin.lead")}</p>
      <ul className="actions">
        <li>
          <Link to="/admin/consultations/new">{t("consultationAdmin.new")}</Link>
        </li>
      </ul>
      {consultations.length === 0 ? (
        <p>{t("consultationAdmin.none")}</p>
      ) : (
        <table className="stacked-table">
          <caption>{t("consultationAdmin.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("consultationAdmin.column.title")}</th>
              <th scope="col">{t("consultationAdmin.column.status")}</th>
              <th scope="col">{t("consultationAdmin.column.period")}</th>
              <th scope="col">{t("consultationAdmin.column.comments")}</th>
            </tr>
          </thead>
          <tbody>
            {consultations.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/admin/consultations/${c.id}`}>{c.title}</Link>
                </th>
                <td data-label={t("consultationAdmin.column.status")}>
                  <StatusBadge status={c.status} />
                </td>
                <td data-label={t("consultationAdmin.column.period")}>
                  <PeriodText period={c.period} />
                </td>
                <td data-label={t("consultationAdmin.column.comments")}>{t("consultationAdmin.commentCount", { count: c.commentCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
