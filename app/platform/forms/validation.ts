import { z } from "zod";
import { encodeMessage } from "../../i18n/index.ts";

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

export type FieldErrors = Record<string, string>;

export type ParseResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Parses form data with a schema. On failure returns the first message per field and
 * the submitted values (minus passwords) so the form can be shown again as typed.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  { keep = () => true }: { keep?: (name: string) => boolean } = {},
): ParseResult<z.output<S>> {
  const raw: Record<string, string | string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = raw[name];
    if (existing === undefined) raw[name] = value;
    else raw[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const result = schema.safeParse(raw, { error: catalogueErrorMap });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    errors[field] ??= issue.message;
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (keep(name) && !/password/i.test(name)) values[name] = Array.isArray(value) ? value.join("\n") : value;
  }
  return { ok: false, errors, values };
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
