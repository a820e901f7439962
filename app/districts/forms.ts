/**
 * Schemas of the districts' and centres' staff forms: each one is the action's truth and the
 * browser's mirror. The centre schema also validates every row of a CSV import, so a form and a
 * file obey the same rules.
 */
import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { isCorporateNumber, isHttpUrl, PHONE } from "../platform/forms/rules.ts";
import { halfWidth, list, optionalText, reason, text } from "../platform/forms/validation.ts";

const DECIMAL = /^-?\d{1,3}(?:\.\d{1,10})?$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function decimalIn(min: number, max: number, key: "admin.errors.latitude" | "admin.errors.longitude") {
  return halfWidth()
    .refine((v) => v === "" || (DECIMAL.test(v) && Number(v) >= min && Number(v) <= max), {
      error: encodeMessage(key, { min, max }),
    })
    .default("");
}

/** hh:mm, stored with two-digit hours. */
const time = () =>
  halfWidth()
    .refine((v) => v === "" || TIME.test(v), { error: encodeMessage("admin.errors.time") })
    .transform((v) => (v === "" ? v : v.padStart(5, "0")))
    .default("");

export const DISTRICT_FILTERS = ["", "no-center", "no-representative"] as const;
export const districtSearchSchema = z.object({
  q: text(100, { required: false }).default(""),
  filter: z.enum(DISTRICT_FILTERS).default(""),
});

export const centerSearchSchema = z.object({ q: text(100, { required: false }).default("") });

export const districtSchema = z.object({
  name: text(50),
  nameKana: text(100),
  area: optionalText(50),
  reason: reason({ required: false }),
});
export type DistrictInput = z.output<typeof districtSchema>;

export const centerSchema = z.object({
  name: text(100),
  nameKana: optionalText(100),
  alias: optionalText(100),
  poiCode: halfWidth().pipe(z.string().max(20)).default(""),
  address: optionalText(200),
  addressExtra: optionalText(100),
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
  organization: optionalText(100),
  availableDays: optionalText(50),
  openTime: time(),
  closeTime: time(),
  availabilityNote: optionalText(500),
  description: optionalText(2000),
  barrierFree: optionalText(500),
  url: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().max(500))
    .refine((v) => v === "" || isHttpUrl(v), { error: encodeMessage("admin.errors.url") })
    .default(""),
  note: optionalText(1000),
  districtIds: list(z.string().regex(/^\d{1,9}$/)).pipe(z.array(z.string()).max(500)),
  reason: reason({ required: false }),
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
export const centerImportSchema = z.object({ reason: reason({ required: false }) });
export const CENTER_IMPORT_MAX_BYTES = 1024 * 1024;
