import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { can } from "../auth/permissions.ts";
import { SelectField, TextField } from "../components/form.tsx";
import { districtSearchSchema } from "../districts/forms.ts";
import { queryFormData } from "../platform/forms/validation.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { districtsMessages } from "../districts/messages.ts";
import { listDistrictsForAdmin } from "../districts/centers.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [adminMessages, districtsMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.districts.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "district:manage:any");
  const linkUsers = can(actor, "user:manage:any");
  const parsed = parseForm(districtSearchSchema, queryFormData(request));
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, districts: [], linkUsers }, { status: 400 });
  const districts = await listDistrictsForAdmin(parsed.data);
  return { errors: undefined, values: { q: parsed.data.q, filter: parsed.data.filter }, districts, linkUsers };
}

export default function AdminDistricts() {
  const t = useT(...handle.messages);
  const { errors, values, districts, linkUsers } = useLoaderData<typeof loader>();
  const form = useValidatedForm(districtSearchSchema, { errors, values }, {}, { method: "get" });
  return (
    <>
      <h1>{t("admin.districts.title")}</h1>
      <p className="lead">{t("admin.districts.lead")}</p>
      <Form method="get" role="search" className="filter-form" noValidate onSubmit={form.onSubmit}>
        <TextField label={t("admin.districts.search")} error={form.errorFor("q")} type="search" maxLength={100} {...form.field("q")} />
        <SelectField
          label={t("admin.districts.show")}
          error={form.errorFor("filter")}
          options={[
            { value: "", label: t("admin.all") },
            { value: "no-center", label: t("admin.districts.show.noCenter") },
            { value: "no-representative", label: t("admin.districts.show.noRepresentative") },
          ]}
          {...form.field("filter")}
        />
        <button type="submit" className="button">
          {t("admin.filter")}
        </button>
      </Form>
      <p role="status">{t("admin.districts.count", { count: districts.length })}</p>
      {districts.length === 0 ? (
        <p>{t("admin.districts.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="districts-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="districts-table">{t("admin.districts.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("districts.code")}</th>
                <th scope="col">{t("districts.name")}</th>
                <th scope="col">{t("districts.area")}</th>
                <th scope="col">{t("districts.centers")}</th>
                <th scope="col">{t("admin.districts.representatives")}</th>
                <th scope="col">{t("admin.districts.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {districts.map((d) => (
                <tr key={d.id}>
                  <td>{d.code}</td>
                  <th scope="row">
                    <ruby>
                      {d.name}
                      <rp>（</rp>
                      <rt>{d.nameKana}</rt>
                      <rp>）</rp>
                    </ruby>
                  </th>
                  <td>{d.area}</td>
                  <td>
                    {d.centers.length === 0 ? (
                      t("districts.noCenter")
                    ) : (
                      <ul>
                        {d.centers.map((c) => (
                          <li key={c.id}>
                            <Link to={`/admin/centers/${c.id}`}>{c.name}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {d.representatives.length === 0 ? (
                      t("admin.districts.noRepresentative")
                    ) : (
                      <ul>
                        {d.representatives.map((u) => (
                          <li key={u.id}>
                            {linkUsers ? <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link> : u.displayName}
                            {u.active ? null : t("admin.districts.inactive")}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <Link to={`/admin/districts/${d.id}`}>{t("admin.districts.edit", { name: d.name })}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
