import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { TextField } from "../components/form.tsx";
import { centerSearchSchema } from "../districts/forms.ts";
import { queryFormData } from "../platform/forms/validation.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { listCentersForAdmin } from "../districts/centers.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [adminMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.centers.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "district:manage:any");
  const parsed = parseForm(centerSearchSchema, queryFormData(request));
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, centers: [] }, { status: 400 });
  return { errors: undefined, values: { q: parsed.data.q }, centers: await listCentersForAdmin(parsed.data.q) };
}

export default function AdminCenters() {
  const t = useT(...handle.messages);
  const { errors, values, centers } = useLoaderData<typeof loader>();
  const form = useValidatedForm(centerSearchSchema, { errors, values }, {}, { method: "get" });
  return (
    <>
      <h1>{t("admin.centers.title")}</h1>
      <p className="lead">{t("admin.centers.lead")}</p>
      <ul className="actions">
        <li>
          <Link to="/admin/centers/new">{t("admin.centers.new")}</Link>
        </li>
        <li>
          <Link to="/admin/centers/import">{t("admin.centers.import")}</Link>
        </li>
        <li>
          <a href="/admin/centers/export" download>
            {t("admin.centers.export")}
          </a>
        </li>
      </ul>
      <Form method="get" role="search" className="filter-form" noValidate onSubmit={form.onSubmit}>
        <TextField label={t("admin.centers.search")} error={form.errorFor("q")} type="search" maxLength={100} {...form.field("q")} />
        <button type="submit" className="button">
          {t("admin.filter")}
        </button>
      </Form>
      <p role="status">{t("admin.centers.count", { count: centers.length })}</p>
      {centers.length === 0 ? (
        <p>{t("admin.centers.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="centers-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="centers-table">{t("admin.centers.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.center.field.name")}</th>
                <th scope="col">{t("admin.center.field.address")}</th>
                <th scope="col">{t("admin.center.field.phone")}</th>
                <th scope="col">{t("admin.center.field.districtIds")}</th>
              </tr>
            </thead>
            <tbody>
              {centers.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/admin/centers/${c.id}`} aria-label={t("admin.centers.edit", { name: c.name })}>
                      {c.name}
                    </Link>
                  </th>
                  <td>{c.address}</td>
                  <td>{c.phone}</td>
                  <td>{c.districts.map((d) => `${d.code} ${d.name}`).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
