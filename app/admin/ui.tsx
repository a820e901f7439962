/** Pieces of the admin area's pages: sub-navigation entries, notices, pagination, the file field. */
import { describedBy, FieldMessages } from "../components/form.tsx";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { AdminNavEntry } from "../platform/contributions.ts";
import { adminNavEntries } from "../platform/domains.contributions.ts";
import { auditActionLabel as auditActionLabelKey } from "../platform/audit-actions.ts";
import { lookupMessage, useT, type AnyTranslate, type T } from "../i18n/index.ts";
import { adminMessages } from "./messages.ts";

/** The admin area's sections, from every domain's contributes.ts; the layout shows those the person's permissions allow. */
export const ADMIN_SECTIONS: readonly AdminNavEntry[] = adminNavEntries();

/** A path with a query, leaving out empty values and page 1. */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || (key === "page" && Number(value) === 1)) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** A confirmation after a change (announced by screen readers). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

/** An error about a form as a whole (not one field). */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error form-error" role="alert">
      {message}
    </p>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const t = useT(adminMessages);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("admin.pagination.label")}>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev">
              {t("admin.pagination.prev")}
            </Link>
          </li>
        ) : null}
        <li aria-current="page">{t("admin.pagination.status", { page, pages, total })}</li>
        {page < pages ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              {t("admin.pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A file input in the form field's shell (label, hint, error next to it). */
export function FileField({
  name,
  label,
  hint,
  error,
  accept,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  accept?: string;
}) {
  const t = useT(adminMessages);
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        <span className="required"> {t("form.required")}</span>
      </label>
      <FieldMessages name={name} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

/** The label of an audit action, as the domain that records it names it; an unknown one shows as recorded. */
export function auditActionLabel(t: AnyTranslate, action: string): string {
  const key = auditActionLabelKey(action);
  return (key && lookupMessage(t, key)) || action;
}

/** Role names for display. */
export function roleLabel(t: T<typeof adminMessages>, role: string): string {
  switch (role) {
    case "resident":
      return t("admin.role.resident");
    case "staff":
      return t("admin.role.staff");
    case "admin":
      return t("admin.role.admin");
    case "system":
      return t("admin.role.system");
    default:
      return role;
  }
}
