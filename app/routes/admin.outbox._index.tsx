import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { Pagination, withQuery } from "../admin/ui.tsx";
import { SelectField } from "../components/form.tsx";
import { OUTBOX_STATUSES, outboxFilterSchema } from "../admin/forms.ts";
import { queryFormData } from "../platform/forms/validation.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { lookupMessage, useLang, useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { listOutbox, OUTBOX_PAGE_SIZE } from "../platform/outbox.server.ts";
import { formatInstant } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [adminMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.outbox.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox:read:any");
  const parsed = parseForm(outboxFilterSchema, queryFormData(request));
  if (!parsed.ok) {
    return data({ errors: parsed.errors, values: parsed.values, outbox: { total: 0, page: 1, pageSize: OUTBOX_PAGE_SIZE, mails: [] } }, { status: 400 });
  }
  return { errors: undefined, values: { status: parsed.data.status }, outbox: await listOutbox(parsed.data) };
}

export default function AdminOutbox() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { errors, values, outbox } = useLoaderData<typeof loader>();
  const form = useValidatedForm(outboxFilterSchema, { errors, values }, {}, { method: "get" });
  const statusLabel = (status: string) => (lookupMessage(t, `admin.outbox.status.${status}`) ?? status);
  return (
    <>
      <h1>{t("admin.outbox.title")}</h1>
      <p className="lead">{t("admin.outbox.lead")}</p>
      <Form method="get" role="search" className="filter-form" noValidate onSubmit={form.onSubmit}>
        <SelectField
          label={t("admin.outbox.status")}
          error={form.errorFor("status")}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: s ? statusLabel(s) : t("admin.all") }))}
          {...form.field("status")}
        />
        <button type="submit" className="button">
          {t("admin.filter")}
        </button>
      </Form>
      <p role="status">{t("admin.outbox.count", { count: outbox.total })}</p>
      {outbox.mails.length === 0 ? (
        <p>{t("admin.outbox.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="outbox-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="outbox-table">{t("admin.outbox.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.outbox.subject")}</th>
                <th scope="col">{t("admin.outbox.to")}</th>
                <th scope="col">{t("admin.outbox.status")}</th>
                <th scope="col">{t("admin.outbox.attempts")}</th>
                <th scope="col">{t("admin.outbox.created")}</th>
                <th scope="col">{t("admin.outbox.sent")}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.mails.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/admin/outbox/${m.id}`}>{m.subject}</Link>
                  </th>
                  <td>{m.to}</td>
                  <td className={m.status === "failed" ? "status-refused" : undefined}>{statusLabel(m.status)}</td>
                  <td>{m.attempts}</td>
                  <td>{formatInstant(m.createdAt, lang)}</td>
                  <td>{m.sentAt ? formatInstant(m.sentAt, lang) : t("admin.outbox.notSent")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={outbox.page} pageSize={outbox.pageSize} total={outbox.total} hrefFor={(page) => withQuery("/admin/outbox", { ...values, page })} />
    </>
  );
}
