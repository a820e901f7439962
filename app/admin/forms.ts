/**
 * Schemas of the admin area's forms: each one is the action's truth and the browser's mirror.
 * The centre schema also validates every row of a CSV import, so a form and a file obey the
 * same rules.
 */
import { z } from "zod";
import { ROLES } from "../auth/permissions.ts";
import { encodeMessage } from "../i18n/index.ts";
import { isIsoDate } from "../platform/dates.ts";
import { text } from "../platform/forms/validation.ts";

/** Optional free text: "" when absent. */
const optional = (max: number) => text(max, { required: false }).default("");

/** Codes, numbers and times: full-width digits and letters typed with a Japanese IME become half-width. */
const halfWidth = () => z.string().transform((v) => v.normalize("NFKC").trim());

const DECIMAL = /^-?\d{1,3}(?:\.\d{1,10})?$/;

function decimalIn(min: number, max: number, key: "admin.errors.latitude" | "admin.errors.longitude") {
  return halfWidth()
    .refine((v) => v === "" || (DECIMAL.test(v) && Number(v) >= min && Number(v) <= max), {
      error: encodeMessage(key, { min, max }),
    })
    .default("");
}

/** Japanese numbers as written: 027-382-1111, 0273821111, 090-1234-5678. */
export const PHONE = /^0\d{1,4}-\d{1,4}-\d{3,4}$|^0\d{9,10}$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** 法人番号: 13 digits whose first is the check digit 9 − (Σ Pn·Qn mod 9), Qn = 1 for odd n, 2 for even. */
export function isCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const base = value.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(value[0]) === 9 - (sum % 9);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A form value that may be absent, one string, or several (checkboxes) as a list. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const optionalReason = () => optional(500);
const requiredReason = () => text(500);

// ---------------------------------------------------------------------------------------
// Districts and centres

export const DISTRICT_FILTERS = ["", "no-center", "no-representative"] as const;
export const districtSearchSchema = z.object({
  q: text(100, { required: false }).default(""),
  filter: z.enum(DISTRICT_FILTERS).default(""),
});

export const centerSearchSchema = z.object({ q: text(100, { required: false }).default("") });

export const districtSchema = z.object({
  name: text(50),
  nameKana: text(100),
  area: optional(50),
  reason: optionalReason(),
});
export type DistrictInput = z.output<typeof districtSchema>;

export const centerSchema = z.object({
  name: text(100),
  nameKana: optional(100),
  alias: optional(100),
  poiCode: halfWidth().pipe(z.string().max(20)).default(""),
  address: optional(200),
  addressExtra: optional(100),
  latitude: decimalIn(-90, 90, "admin.errors.latitude"),
  longitude: decimalIn(-180, 180, "admin.errors.longitude"),
  phone: halfWidth()
    .refine((v) => v === "" || PHONE.test(v), { error: encodeMessage("admin.errors.phone") })
    .default(""),
  extension: halfWidth()
    .refine((v) => v === "" || /^\d{1,6}$/.test(v), { error: encodeMessage("admin.errors.extension") })
    .default(""),
  corporateNumber: halfWidth()
    .refine((v) => v === "" || isCorporateNumber(v), { error: encodeMessage("admin.errors.corporateNumber") })
    .default(""),
  organization: optional(100),
  availableDays: optional(50),
  openTime: halfWidth()
    .refine((v) => v === "" || TIME.test(v), { error: encodeMessage("admin.errors.time") })
    .transform((v) => (v === "" ? v : v.padStart(5, "0")))
    .default(""),
  closeTime: halfWidth()
    .refine((v) => v === "" || TIME.test(v), { error: encodeMessage("admin.errors.time") })
    .transform((v) => (v === "" ? v : v.padStart(5, "0")))
    .default(""),
  availabilityNote: optional(500),
  description: optional(2000),
  barrierFree: optional(500),
  url: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().max(500))
    .refine((v) => v === "" || isHttpUrl(v), { error: encodeMessage("admin.errors.url") })
    .default(""),
  note: optional(1000),
  districtIds: list(z.string().regex(/^\d{1,9}$/)).pipe(z.array(z.string()).max(500)),
  reason: optionalReason(),
});
export type CenterInput = z.output<typeof centerSchema>;
/** The centre's own fields (what the table stores), without the districts and the reason. */
export type CenterFields = Omit<CenterInput, "districtIds" | "reason">;
export const CENTER_FIELDS = [
  "name",
  "nameKana",
  "alias",
  "poiCode",
  "address",
  "addressExtra",
  "latitude",
  "longitude",
  "phone",
  "extension",
  "corporateNumber",
  "organization",
  "availableDays",
  "openTime",
  "closeTime",
  "availabilityNote",
  "description",
  "barrierFree",
  "url",
  "note",
] as const satisfies readonly (keyof CenterFields)[];

/** Both steps of the CSV import post a reason (optional); the file itself is checked apart. */
export const centerImportSchema = z.object({ reason: optionalReason() });

// ---------------------------------------------------------------------------------------
// Accounts (admins only). Field names differ per form: the user page shows several at once.

export const roleChangeSchema = z.object({
  role: z.enum(ROLES),
  roleReason: requiredReason(),
});

export const activeChangeSchema = z.object({ statusReason: requiredReason() });

export const representativeAddSchema = z.object({
  linkDistrictId: z.string().regex(/^\d{1,9}$/, { error: encodeMessage("errors.choice") }),
  linkReason: requiredReason(),
});

export const representativeRemoveSchema = z.object({
  unlinkDistrictId: z.string().regex(/^\d{1,9}$/, { error: encodeMessage("errors.choice") }),
  unlinkReason: requiredReason(),
});

export const USER_STATUSES = ["", "active", "inactive", "unverified"] as const;
export const USER_PAGE_SIZE = 50;

/** A page number; anything else is the first page (a list's query never fails on it). */
const page = z
  .string()
  .transform((v) => {
    const n = Number(v.normalize("NFKC"));
    return Number.isSafeInteger(n) && n >= 1 ? n : 1;
  })
  .default(1);

export const userSearchSchema = z.object({
  q: text(100, { required: false }).default(""),
  role: z.enum(["", ...ROLES]).default(""),
  status: z.enum(USER_STATUSES).default(""),
  page,
});

const isoDate = halfWidth()
  .refine((v) => v === "" || isIsoDate(v), { error: encodeMessage("admin.errors.date") })
  .default("");

export const auditFilterSchema = z
  .object({
    actor: z.string().max(100).default(""),
    action: z.string().max(100).default(""),
    targetType: z.string().max(50).default(""),
    from: isoDate,
    to: isoDate,
    page,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: encodeMessage("admin.errors.dateOrder") });

export const OUTBOX_STATUSES = ["", "pending", "sending", "sent", "failed"] as const;
export const outboxFilterSchema = z.object({ status: z.enum(OUTBOX_STATUSES).default(""), page });

/** What was posted, as parseForm keeps it, for a form refused by a rule after validation passed. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    values[name] = name in values ? `${values[name]}\n${value}` : value;
  }
  return values;
}

/** A GET query as form data, so that search forms go through parseForm like any other form. */
export function queryFormData(request: Request): FormData {
  const formData = new FormData();
  for (const [key, value] of new URL(request.url).searchParams) formData.append(key, value);
  return formData;
}
