import { z } from "zod";
import { encodeMessage } from "../../i18n/index.ts";
import { isHttpUrl } from "./rules.ts";
import { keptValues, type FormValues } from "./values.ts";

/**
 * zod's own issues (too long, wrong type, bad email…) mapped to catalogue keys. Passed to
 * every parse, so a message is rendered in the reader's language rather than one global map.
 */
export const catalogueErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return issue.minimum === 1 ? encodeMessage("errors.required") : encodeMessage("errors.tooShort", { min: Number(issue.minimum) });
      }
      if (issue.origin === "number") return encodeMessage("errors.tooSmall", { min: Number(issue.minimum) });
      return encodeMessage("errors.required");
    case "too_big":
      if (issue.origin === "string") return encodeMessage("errors.tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "number") return encodeMessage("errors.tooBig", { max: Number(issue.maximum) });
      return encodeMessage("errors.invalid");
    case "invalid_format":
      return issue.format === "email" ? encodeMessage("errors.email") : encodeMessage("errors.invalid");
    case "invalid_value":
      return encodeMessage("errors.choice");
    case "invalid_type":
      if (issue.expected === "number") return encodeMessage("errors.number");
      return issue.input === undefined || issue.input === null ? encodeMessage("errors.required") : encodeMessage("errors.invalid");
    default:
      return encodeMessage("errors.invalid");
  }
};

/**
 * The HTML5 rule browsers apply to <input type=email>: it accepts the dotted local parts
 * (a..b@, a.@) that older Japanese mobile carriers issued, which RFC-strict checks refuse.
 */
export const HTML5_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text: trimmed, NFC, no control characters other than line breaks and tabs. */
export function text(max: number, { required = true }: { required?: boolean } = {}) {
  const base = z
    .string()
    .transform((v) => v.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(max)
        .refine((v) => !CONTROL.test(v), { error: encodeMessage("errors.controlChars") }),
    );
  return required
    ? base.pipe(z.string().min(1, { error: encodeMessage("errors.required") }))
    : base;
}

export function email({ required = true }: { required?: boolean } = {}) {
  const base = z
    .string()
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .max(254)
        .refine((v) => v === "" || HTML5_EMAIL.test(v), { error: encodeMessage("errors.email") }),
    );
  return required ? base.pipe(z.string().min(1, { error: encodeMessage("errors.required") })) : base;
}

/** Optional free text: "" when absent. */
export const optionalText = (max: number) => text(max, { required: false }).default("");

/** Why a member of staff decided something (kept in the audit log). */
export const REASON_MAX = 500;
export const reason = ({ required }: { required: boolean }) => (required ? text(REASON_MAX) : optionalText(REASON_MAX));

/** Codes, numbers and times: full-width digits and letters typed with a Japanese IME become half-width. */
export const halfWidth = () => z.string().transform((v) => v.normalize("NFKC").trim());

/**
 * A checkbox: "on" when ticked, nothing otherwise (react-hook-form reads an unticked box as
 * false, and a hand-made post may say "true" or "1").
 */
export const checkbox = () =>
  z
    .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** A name that may be absent, posted once, or several times (a checkbox group), as a list. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** An optional http(s) address (never javascript:, data: …), with its own message. */
export const httpUrl = (max: number, error: string) =>
  text(max, { required: false })
    .refine((v) => v === "" || isHttpUrl(v), { error })
    .default("");

/** A page number; anything else is the first page (a list's query never fails on it). */
export const page = () =>
  z
    .string()
    .transform((v) => {
      const n = Number(v.normalize("NFKC"));
      return Number.isSafeInteger(n) && n >= 1 ? n : 1;
    })
    .default(1);

export type FieldErrors = Record<string, string>;

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * The posted values as a schema reads them: one string per name, a list where a name is posted
 * several times, and a chosen file as a File (an empty file input is no value).
 */
export function formDataValues(formData: FormData): Record<string, string | string[] | File> {
  const raw: Record<string, string | string[] | File> = {};
  for (const [name, value] of formData.entries()) {
    const existing = raw[name];
    if (typeof value !== "string") {
      if (existing === undefined && (value.size > 0 || value.name !== "")) raw[name] = value;
    } else if (existing === undefined) raw[name] = value;
    else if (typeof existing === "string" || Array.isArray(existing)) raw[name] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return raw;
}

/**
 * Parses form data with a schema. On failure returns the first message per field and the
 * submitted values (keptValues: no passwords, no files) so the form can be shown again as typed.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  { keep = () => true }: { keep?: (name: string) => boolean } = {},
): ParseResult<z.output<S>> {
  const result = schema.safeParse(formDataValues(formData), { error: catalogueErrorMap });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrorsOf(result.error.issues), values: Object.fromEntries(Object.entries(keptValues(formData)).filter(([name]) => keep(name))) };
}

/** The first message per field ("_form" for the whole form); a list item's issue belongs to its list. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A GET query as form data, so that search forms go through parseForm like any other form. */
export function queryFormData(request: Request): FormData {
  const formData = new FormData();
  for (const [key, value] of new URL(request.url).searchParams) formData.append(key, value);
  return formData;
}

/**
 * The posted form, or a 400 when the body is not one (no form Content-Type, a broken body):
 * request.formData() throws a TypeError there, which would otherwise surface as a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
}
