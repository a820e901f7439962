import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { auditActionLabel, Pagination, roleLabel, withQuery } from "../admin/ui.tsx";
import { SelectField, TextField } from "../components/form.tsx";
import { auditFilterSchema } from "../admin/forms.ts";
import { queryFormData } from "../platform/forms/validation.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { lookupMessage, useLang, useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { auditTargets } from "../platform/audit-actions.ts";
import { contributedMessages } from "../platform/domains.contributions.ts";
import { AUDIT_PAGE_SIZE, listAudit } from "../platform/audit.server.ts";
import { listAuditActors } from "../accounts/user-admin.server.ts";
import { formatInstant, tokyoInstant } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";
import { textValue } from "../platform/forms/values.ts";

export const handle = { messages: [adminMessages, ...contributedMessages()] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.audit.title"), ...handle.messages);

/** The day after an ISO date, so that "to" includes the whole of its Tokyo day. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "audit:read:any");
  const actors = await listAuditActors(actor);
  // Every domain's kinds of target (its contributes.ts): the filter's choices, each entry's label and page.
  const targets = auditTargets();
  const targetTypes = targets.map((target) => ({ type: target.type, label: target.label }));
  const parsed = parseForm(auditFilterSchema, queryFormData(request));
  if (!parsed.ok) {
    return data(
      { errors: parsed.errors, values: parsed.values, actors, targetTypes, log: { total: 0, page: 1, pageSize: AUDIT_PAGE_SIZE, entries: [], actions: [] as string[] } },
      { status: 400 },
    );
  }
  const f = parsed.data;
  const log = await listAudit({
    actorId: f.actor || undefined,
    action: f.action || undefined,
    targetType: f.targetType || undefined,
    from: f.from ? tokyoInstant(f.from) : undefined,
    to: f.to ? tokyoInstant(nextDay(f.to)) : undefined,
    page: f.page,
  });
  return {
    errors: undefined,
    values: { actor: f.actor, action: f.action, targetType: f.targetType, from: f.from, to: f.to },
    actors,
    targetTypes,
    log: {
      ...log,
      entries: log.entries.map((e) => ({
        id: e.id,
        at: e.at,
        actorId: e.actorId,
        actorName: e.actor?.displayName ?? null,
        actorRole: e.actorRole,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        targetPage: targets.find((target) => target.type === e.targetType)?.page?.(e.targetId) ?? null,
        reason: e.reason,
        details: parseDetails(e.details),
      })),
    },
  };
}

function parseDetails(json: string): [string, string][] {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== "object" || Array.isArray(value)) return [];
    return Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
  } catch {
    return [["details", json]];
  }
}

export default function AdminAudit() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { errors, values, actors, targetTypes, log } = useLoaderData<typeof loader>();
  const targetLabels = new Map<string, string>(targetTypes.map((target) => [target.type, target.label]));
  const targetLabel = (type: string) => {
    const label = targetLabels.get(type);
    return (label && lookupMessage(t, label)) || type;
  };
  const form = useValidatedForm(auditFilterSchema, { errors, values }, {}, { method: "get" });
  const chosen = textValue(values, "action");
  const actionChoices = [...new Set([...log.actions, ...(chosen ? [chosen] : [])])];
  return (
    <>
      <h1>{t("admin.audit.title")}</h1>
      <p className="lead">{t("admin.audit.lead")}</p>
      <Form method="get" role="search" className="filter-form" noValidate onSubmit={form.onSubmit}>
        <SelectField
          label={t("admin.audit.actor")}
          error={form.errorFor("actor")}
          options={[{ value: "", label: t("admin.all") }, ...actors.map((a) => ({ value: a.id, label: `${a.displayName} (${a.email})` }))]}
          {...form.field("actor")}
        />
        <SelectField
          label={t("admin.audit.action")}
          error={form.errorFor("action")}
          options={[{ value: "", label: t("admin.all") }, ...actionChoices.map((a) => ({ value: a, label: auditActionLabel(t, a) }))]}
          {...form.field("action")}
        />
        <SelectField
          label={t("admin.audit.targetType")}
          error={form.errorFor("targetType")}
          options={[{ value: "", label: t("admin.all") }, ...targetTypes.map((target) => ({ value: target.type, label: targetLabel(target.type) }))]}
          {...form.field("targetType")}
        />
        <TextField label={t("admin.audit.from")} hint={t("admin.audit.dateHint")} error={form.errorFor("from")} type="date" {...form.field("from")} />
        <TextField label={t("admin.audit.to")} hint={t("admin.audit.dateHint")} error={form.errorFor("to")} type="date" {...form.field("to")} />
        <button type="submit" className="button">
          {t("admin.filter")}
        </button>
      </Form>
      <p role="status">{t("admin.audit.count", { count: log.total })}</p>
      {log.entries.length === 0 ? (
        <p>{t("admin.audit.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="audit-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="audit-table">{t("admin.audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.at")}</th>
                <th scope="col">{t("admin.audit.actor")}</th>
                <th scope="col">{t("admin.audit.action")}</th>
                <th scope="col">{t("admin.audit.target")}</th>
                <th scope="col">{t("admin.audit.reason")}</th>
                <th scope="col">{t("admin.audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => {
                const target = `${targetLabel(e.targetType)} ${e.targetId}`;
                return (
                  <tr key={e.id}>
                    <td>{formatInstant(e.at, lang)}</td>
                    <td>
                      {e.actorId ? (
                        <Link to={`/admin/users/${e.actorId}`}>{e.actorName}</Link>
                      ) : e.actorRole === "system" ? (
                        roleLabel(t, "system")
                      ) : (
                        t("admin.audit.deletedAccount")
                      )}
                      {e.actorRole !== "system" ? <span className="tag">{roleLabel(t, e.actorRole)}</span> : null}
                    </td>
                    <th scope="row">{auditActionLabel(t, e.action)}</th>
                    <td>{e.targetPage ? <Link to={e.targetPage}>{target}</Link> : target}</td>
                    <td>{e.reason}</td>
                    <td>
                      {e.details.length > 0 ? (
                        <ul className="details">
                          {e.details.map(([k, v]) => (
                            <li key={k}>
                              {k}: {v}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={log.page} pageSize={log.pageSize} total={log.total} hrefFor={(page) => withQuery("/admin/audit", { ...values, page })} />
    </>
  );
}
