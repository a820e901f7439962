import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { isIsoDate } from "../platform/dates.ts";
import {
  ACTIVITY_FIELDS,
  GROUP_KINDS,
  GROUP_LIMITS,
  isFurigana,
  isValidCorporateNumber,
  normalizeFurigana,
} from "./rules.ts";
import { email, text } from "../platform/forms/validation.ts";

/** A checkbox posts "on" when ticked and nothing otherwise. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

const asList = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

const httpUrl = text(GROUP_LIMITS.url, { required: false }).refine(
  (v) => {
    if (v === "") return true;
    try {
      const url = new URL(v);
      return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
    } catch {
      return false;
    }
  },
  { error: encodeMessage("groups.errors.url") },
);

/**
 * One schema for the group profile: the form's action, the browser's mirror and the CSV import
 * all validate with it. `today` (ISO date in Tokyo) bounds the founding date.
 */
export function groupProfileSchema(today: string) {
  return z
    .object({
      name: text(GROUP_LIMITS.name),
      nameKana: text(GROUP_LIMITS.nameKana)
        .transform(normalizeFurigana)
        .refine((v) => v === "" || isFurigana(v), { error: encodeMessage("groups.errors.furigana") }),
      kind: z.enum(GROUP_KINDS),
      corporateNumber: z
        .string()
        .optional()
        .default("")
        .transform((v) => v.normalize("NFKC").replace(/[\s-]/g, "")),
      mainOfficeInCity: checkbox,
      volunteerCenter: checkbox,
      representativeName: text(GROUP_LIMITS.representativeName),
      representativePublic: checkbox,
      phone: text(20, { required: false }).refine((v) => v === "" || /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v.normalize("NFKC")), {
        error: encodeMessage("groups.errors.phone"),
      }),
      email: email({ required: false }).default(""),
      website: httpUrl.default(""),
      sns: httpUrl.default(""),
      mainDistrictId: z.coerce
        .number({ error: encodeMessage("groups.errors.district") })
        .int({ error: encodeMessage("groups.errors.district") })
        .positive({ error: encodeMessage("groups.errors.district") }),
      districtIds: z.preprocess(asList, z.array(z.coerce.number().int().positive()).max(101)),
      activityFields: z.preprocess(
        asList,
        z
          .array(z.coerce.number().int())
          .refine((list) => list.length > 0, { error: encodeMessage("groups.errors.fieldsRequired") })
          .refine((list) => list.every((f) => ACTIVITY_FIELDS.includes(f)), { error: encodeMessage("errors.choice") }),
      ),
      purpose: text(GROUP_LIMITS.purpose),
      activities: text(GROUP_LIMITS.activities),
      foundedOn: z
        .string()
        .transform((v) => v.trim())
        .refine((v) => isIsoDate(v), { error: encodeMessage("groups.errors.date") })
        .refine((v) => v <= today, { error: encodeMessage("groups.errors.futureDate") }),
      memberCount: z.coerce
        .number({ error: encodeMessage("errors.number") })
        .int({ error: encodeMessage("errors.number") })
        .refine((n) => n >= GROUP_LIMITS.minMembers && n <= GROUP_LIMITS.maxMembers, {
          error: encodeMessage("groups.errors.members", { min: GROUP_LIMITS.minMembers, max: GROUP_LIMITS.maxMembers }),
        }),
      welcomesMembers: checkbox,
      welcomesVolunteers: checkbox,
      meetingPlace: text(GROUP_LIMITS.meetingPlace, { required: false }).default(""),
    })
    .superRefine((v, ctx) => {
      if (v.kind === "npo") {
        if (v.corporateNumber === "") {
          ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: encodeMessage("groups.errors.corporateNumberRequired") });
        } else if (!isValidCorporateNumber(v.corporateNumber)) {
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

/** The consent box is on the form (not in the CSV import, where the city holds the consent). */
export const groupConsentSchema = z.object({
  consent: z.literal("on", { error: encodeMessage("groups.errors.consent") }),
});
