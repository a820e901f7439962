import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { isIsoDate } from "../platform/dates.ts";
import { isCorporateNumber, PHONE } from "../platform/forms/rules.ts";
import { checkbox, email, httpUrl, list, optionalText, text } from "../platform/forms/validation.ts";
import type { UploadFormLimits } from "../platform/uploads/kinds.ts";
import { GROUP_FIELD_NAMES, GROUP_FIELDS, type GroupField, type GroupFieldSpec } from "./fields.ts";
import { ACTIVITY_FIELDS, GROUP_KINDS, GROUP_LIMITS, isFurigana, normalizeFurigana } from "./rules.ts";

const districtError = { error: encodeMessage("groups.errors.district") };

/** The rule of each kind of field (fields.ts says which kind a field is). */
const KIND_SCHEMAS = {
  text: (f: GroupFieldSpec) => (f.required ? text(f.max!) : optionalText(f.max!)),
  longText: (f: GroupFieldSpec) => (f.required ? text(f.max!) : optionalText(f.max!)),
  kana: (f: GroupFieldSpec) =>
    text(f.max!)
      .transform(normalizeFurigana)
      .refine((v) => v === "" || isFurigana(v), { error: encodeMessage("groups.errors.furigana") }),
  kind: () => z.enum(GROUP_KINDS),
  // Checked against the kind below: required for an NPO法人, refused for the others.
  corporateNumber: () =>
    z
      .string()
      .optional()
      .default("")
      .transform((v) => v.normalize("NFKC").replace(/[\s-]/g, "")),
  checkbox: () => checkbox(),
  phone: (f: GroupFieldSpec) =>
    optionalText(f.max!)
      .transform((v) => v.normalize("NFKC"))
      .refine((v) => v === "" || PHONE.test(v), { error: encodeMessage("groups.errors.phone") }),
  email: () => email({ required: false }).default(""),
  url: (f: GroupFieldSpec) => httpUrl(f.max!, encodeMessage("groups.errors.url")),
  district: () => z.coerce.number(districtError).int(districtError).positive(districtError),
  districts: () => list(z.coerce.number().int().positive()).pipe(z.array(z.number()).max(101)),
  activityFields: () =>
    list(z.coerce.number().int())
      .refine((fields) => fields.length > 0, { error: encodeMessage("groups.errors.fieldsRequired") })
      .refine((fields) => fields.every((f) => ACTIVITY_FIELDS.includes(f)), { error: encodeMessage("errors.choice") }),
  date: (_f: GroupFieldSpec, today: string) =>
    z
      .string()
      .transform((v) => v.trim())
      .refine((v) => isIsoDate(v), { error: encodeMessage("groups.errors.date") })
      .refine((v) => v <= today, { error: encodeMessage("groups.errors.futureDate") }),
  count: () =>
    z.coerce
      .number({ error: encodeMessage("errors.number") })
      .int({ error: encodeMessage("errors.number") })
      .refine((n) => n >= GROUP_LIMITS.minMembers && n <= GROUP_LIMITS.maxMembers, {
        error: encodeMessage("groups.errors.members", { min: GROUP_LIMITS.minMembers, max: GROUP_LIMITS.maxMembers }),
      }),
};

type Shape = { [F in GroupField]: ReturnType<(typeof KIND_SCHEMAS)[(typeof GROUP_FIELDS)[F]["kind"]]> };

/**
 * One schema for the group profile, built from the field table: the form's action, the
 * browser's mirror, the staff correction and the CSV import all validate with it. `today`
 * (ISO date in Tokyo) bounds the founding date.
 */
export function groupProfileSchema(today: string) {
  const shape = Object.fromEntries(
    GROUP_FIELD_NAMES.map((name) => {
      const spec: GroupFieldSpec = GROUP_FIELDS[name];
      return [name, KIND_SCHEMAS[spec.kind](spec, today)];
    }),
  ) as Shape;
  return z
    .object(shape)
    .superRefine((v, ctx) => {
      if (v.kind === "npo") {
        if (v.corporateNumber === "") {
          ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: encodeMessage("groups.errors.corporateNumberRequired") });
        } else if (!isCorporateNumber(v.corporateNumber)) {
          ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: encodeMessage("groups.errors.corporateNumber") });
        }
      } else if (v.corporateNumber !== "") {
        ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: encodeMessage("groups.errors.corporateNumberNotNpo") });
      }
    })
    .transform((v) => ({
      ...v,
      // Only an NPO法人 has a main office in the legal sense.
      mainOfficeInCity: v.kind === "npo" ? v.mainOfficeInCity : false,
      districtIds: [...new Set(v.districtIds)],
      activityFields: [...new Set(v.activityFields)].sort((a, b) => a - b),
    }));
}

export type GroupProfileInput = z.output<ReturnType<typeof groupProfileSchema>>;

/**
 * The profile form's body: its logo, and room for the text fields (each also has its own
 * limit). Its routes declare maxBodyBytes of it as their body limit.
 */
export const GROUP_FORM_LIMITS = { files: { logo: "logo" }, maxTextBytes: 2 * 1024 * 1024 } as const satisfies UploadFormLimits;

/**
 * The representative's form: the profile, the logo's size (the bytes are judged on the server
 * by decoding them) and, when the "submit" button was pressed, the consent box. A draft must be
 * a valid profile too; only the consent waits for the submission.
 */
export function groupFormSchema(today: string) {
  return z.intersection(
    groupProfileSchema(today),
    z
      .object({
        intent: z.enum(["draft", "submit"]).catch("draft"),
        consent: z.string().optional(),
        logo: z
          .instanceof(File)
          .optional()
          .refine((file) => !file || file.size <= GROUP_LIMITS.logoBytes, { error: encodeMessage("groupForm.errors.logoSize") }),
      })
      .refine((v) => v.intent !== "submit" || v.consent === "on", { path: ["consent"], error: encodeMessage("groups.errors.consent") }),
  );
}
