/** Pieces of the admin area's pages: sub-navigation entries, notices, pagination, district checkboxes, the centre form. */
import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Permission } from "../auth/permissions.ts";
import { centerSchema } from "./forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { isMessageKey, translator, useT, type Lang, type MessageKey, type Params } from "../i18n/index.ts";
import { pageTitle } from "../platform/meta.ts";
import { ErrorSummary, TextArea, TextField } from "../components/form.tsx";
import { listValue, type FormValues } from "../platform/forms/values.ts";

/** The admin area's sections; the layout shows those the person's permissions allow. */
export const ADMIN_SECTIONS: readonly { to: string; label: MessageKey; permission: Permission; end?: boolean }[] = [
  { to: "/admin", label: "admin.nav.dashboard", permission: "admin:access", end: true },
  { to: "/admin/groups", label: "groupReview.nav", permission: "admin:access" },
  { to: "/admin/districts", label: "admin.nav.districts", permission: "districts:manage" },
  { to: "/admin/centers", label: "admin.nav.centers", permission: "districts:manage" },
  { to: "/admin/users", label: "admin.nav.users", permission: "users:manage" },
  { to: "/admin/audit", label: "admin.nav.audit", permission: "audit:read" },
  { to: "/admin/outbox", label: "admin.nav.outbox", permission: "outbox:read" },
];

/** <title> of a page whose heading has parameters ("Account: {name}"). */
export function titleWith(args: Parameters<typeof pageTitle>[0], key: MessageKey, params: Params) {
  const root = args.matches.find((m) => m.id === "root")?.data as { lang?: Lang } | undefined;
  return pageTitle(args, null, translator(root?.lang ?? "ja")(key, params));
}

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
  const t = useT();
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

export type DistrictChoice = { id: number; code: string; name: string; area: string };

/**
 * Every district as a checkbox, grouped by area. Plain inputs (not registered with
 * react-hook-form): the browser posts the checked ones, and the server checks them.
 */
export function DistrictCheckboxes({
  name,
  legend,
  hint,
  error,
  districts,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  districts: DistrictChoice[];
  checked: ReadonlySet<string>;
}) {
  const areas = new Map<string, DistrictChoice[]>();
  for (const d of districts) areas.set(d.area, [...(areas.get(d.area) ?? []), d]);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const boxes = (list: DistrictChoice[]) => (
    <ul className="checkbox-list">
      {list.map((d) => (
        <li key={d.id}>
          <input type="checkbox" id={`${name}-${d.id}`} name={name} value={String(d.id)} defaultChecked={checked.has(String(d.id))} />
          <label htmlFor={`${name}-${d.id}`}>
            {d.code} {d.name}
          </label>
        </li>
      ))}
    </ul>
  );
  return (
    <fieldset className="field checkbox-group" id={name} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {[...areas].map(([area, list]) =>
        area ? (
          <fieldset key={area} className="checkbox-area">
            <legend>{area}</legend>
            {boxes(list)}
          </fieldset>
        ) : (
          <div key="">{boxes(list)}</div>
        ),
      )}
    </fieldset>
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
  const t = useT();
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        <span className="required"> {t("form.required")}</span>
      </label>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** The label of an audit action (admin.audit.action.<action>); an unknown one shows as recorded. */
export function auditActionLabel(t: ReturnType<typeof useT>, action: string): string {
  const key = `admin.audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** Role names for display. */
export function roleLabel(t: ReturnType<typeof useT>, role: string): string {
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

type ServerResult = { errors?: Record<string, string>; values?: FormValues } | undefined;

const CENTER_SECTIONS: { legend: MessageKey; fields: { name: string; long?: boolean; required?: boolean; type?: string; maxLength: number }[] }[] = [
  {
    legend: "admin.center.section.basic",
    fields: [
      { name: "name", required: true, maxLength: 100 },
      { name: "nameKana", maxLength: 100 },
      { name: "alias", maxLength: 100 },
      { name: "poiCode", maxLength: 20 },
    ],
  },
  {
    legend: "admin.center.section.place",
    fields: [
      { name: "address", maxLength: 200 },
      { name: "addressExtra", maxLength: 100 },
      { name: "latitude", maxLength: 20 },
      { name: "longitude", maxLength: 20 },
    ],
  },
  {
    legend: "admin.center.section.contact",
    fields: [
      { name: "phone", type: "tel", maxLength: 20 },
      { name: "extension", maxLength: 6 },
      { name: "organization", maxLength: 100 },
      { name: "corporateNumber", maxLength: 13 },
      { name: "url", type: "url", maxLength: 500 },
    ],
  },
  {
    legend: "admin.center.section.use",
    fields: [
      { name: "availableDays", maxLength: 50 },
      { name: "openTime", maxLength: 5 },
      { name: "closeTime", maxLength: 5 },
      { name: "availabilityNote", long: true, maxLength: 500 },
      { name: "barrierFree", long: true, maxLength: 500 },
    ],
  },
  {
    legend: "admin.center.section.other",
    fields: [
      { name: "description", long: true, maxLength: 2000 },
      { name: "note", long: true, maxLength: 1000 },
    ],
  },
];

const CENTER_HINTS: Record<string, MessageKey> = {
  latitude: "admin.center.hint.latitude",
  longitude: "admin.center.hint.longitude",
  phone: "admin.center.hint.phone",
  openTime: "admin.center.hint.time",
  closeTime: "admin.center.hint.time",
  corporateNumber: "admin.center.hint.corporateNumber",
  url: "admin.center.hint.url",
};

/** The centre form (new and edit): every 公共施設一覧 field, the districts served, and a reason. */
export function CenterForm({
  server,
  defaults,
  checked,
  districts,
  submitLabel,
}: {
  server: ServerResult;
  defaults: FormValues;
  checked: readonly string[];
  districts: DistrictChoice[];
  submitLabel: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const form = useValidatedForm(centerSchema, server, defaults);
  const labelOf = (name: string) => t(`admin.center.field.${name}` as MessageKey);
  const names = [...CENTER_SECTIONS.flatMap((s) => s.fields.map((f) => f.name)), "districtIds", "reason"];
  const labels = Object.fromEntries(names.map((n) => [n, n === "reason" ? t("admin.reasonOptional") : labelOf(n)]));
  const errors = Object.fromEntries(names.map((n) => [n, form.errorFor(n)]));
  const keptDistricts = server?.values ? listValue(server.values, "districtIds") : checked;
  return (
    <>
      {server?.errors ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        {CENTER_SECTIONS.map((section) => (
          <fieldset key={section.legend} className="form-section">
            <legend>{t(section.legend)}</legend>
            {section.fields.map((f) => {
              const hint = CENTER_HINTS[f.name] ? t(CENTER_HINTS[f.name]) : undefined;
              const common = { label: labels[f.name], hint, error: errors[f.name], required: f.required, maxLength: f.maxLength };
              return f.long ? (
                <TextArea key={f.name} rows={4} {...common} {...form.field(f.name)} />
              ) : (
                <TextField key={f.name} type={f.type ?? "text"} {...common} {...form.field(f.name)} />
              );
            })}
          </fieldset>
        ))}
        <DistrictCheckboxes
          name="districtIds"
          legend={labels.districtIds}
          hint={t("admin.center.hint.districtIds")}
          error={errors.districtIds}
          districts={districts}
          checked={new Set(keptDistricts)}
        />
        <TextArea label={labels.reason} hint={t("admin.reasonHint")} error={errors.reason} rows={3} maxLength={500} {...form.field("reason")} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
