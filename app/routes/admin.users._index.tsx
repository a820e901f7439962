import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { ROLES } from "../auth/permissions.ts";
import { Pagination, roleLabel, withQuery } from "../admin/ui.tsx";
import { SelectField, TextField } from "../components/form.tsx";
import { USER_PAGE_SIZE, userSearchSchema } from "../accounts/user-admin-forms.ts";
import { queryFormData } from "../platform/forms/validation.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { useLang, useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { listUsers } from "../accounts/user-admin.server.ts";
import { formatInstant } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [adminMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.users.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "user:manage:any");
  const parsed = parseForm(userSearchSchema, queryFormData(request));
  if (!parsed.ok) {
    return data(
      { errors: parsed.errors, values: parsed.values, result: { total: 0, page: 1, pageSize: USER_PAGE_SIZE, users: [] } },
      { status: 400 },
    );
  }
  const { q, role, status, page } = parsed.data;
  return { errors: undefined, values: { q, role, status }, result: await listUsers(actor, { q, role, status, page }) };
}

export default function AdminUsers() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { errors, values, result } = useLoaderData<typeof loader>();
  const form = useValidatedForm(userSearchSchema, { errors, values }, {}, { method: "get" });
  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      <p className="lead">{t("admin.users.lead")}</p>
      <Form method="get" role="search" className="filter-form" noValidate onSubmit={form.onSubmit}>
        <TextField label={t("admin.users.q")} error={form.errorFor("q")} type="search" maxLength={100} {...form.field("q")} />
        <SelectField
          label={t("admin.users.role")}
          error={form.errorFor("role")}
          options={[{ value: "", label: t("admin.all") }, ...ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))]}
          {...form.field("role")}
        />
        <SelectField
          label={t("admin.users.status")}
          error={form.errorFor("status")}
          options={[
            { value: "", label: t("admin.all") },
            { value: "active", label: t("admin.users.status.active") },
            { value: "inactive", label: t("admin.users.status.inactive") },
            { value: "unverified", label: t("admin.users.status.unverified") },
          ]}
          {...form.field("status")}
        />
        <button type="submit" className="button">
          {t("admin.search")}
        </button>
      </Form>
      <p role="status">{t("admin.users.count", { count: result.total })}</p>
      {result.users.length === 0 ? (
        <p>{t("admin.users.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="users-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="users-table">{t("admin.users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.users.name")}</th>
                <th scope="col">{t("admin.users.email")}</th>
                <th scope="col">{t("admin.users.role")}</th>
                <th scope="col">{t("admin.users.status")}</th>
                <th scope="col">{t("admin.users.districts")}</th>
                <th scope="col">{t("admin.users.created")}</th>
              </tr>
            </thead>
            <tbody>
              {result.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link>
                    {u.isDemo ? <span className="tag">{t("admin.users.demo")}</span> : null}
                  </th>
                  <td>{u.email}</td>
                  <td>{roleLabel(t, u.role)}</td>
                  <td>
                    {u.active ? t("admin.users.status.active") : t("admin.users.status.inactive")}
                    {u.emailVerified ? null : (
                      <>
                        <br />
                        {t("admin.users.status.unverified")}
                      </>
                    )}
                  </td>
                  <td>{u.districts.map((d) => `${d.code} ${d.name}`).join(", ")}</td>
                  <td>{formatInstant(u.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        hrefFor={(page) => withQuery("/admin/users", { ...values, page })}
      />
    </>
  );
}
