import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { isIsoDate } from "../platform/dates.ts";
import { isCorporateNumber, PHONE } from "../platform/forms/rules.ts";
import { checkbox, email, httpUrl, list, optionalText, text } from "../platform/forms/validation.ts";
import type { UploadFormLimits } from "../platform/uploads/kinds.ts";
import { GROUP_FIELD_NAMES, GROUP_FIELDS, type GroupField, type GroupFieldSpec } from "./fields.ts";
import { ACTIVITY_FIELDS, GROUP_KINDS, GROUP_LIMITS, isFurigana, normalizeFurigana } from "./rules.ts";

const districtError = { error: encodeMessage("groups.errors.district") };
const districtId = () => z.coerce.number(districtError).int(districtError).positive(districtError);
const memberCount = () =>
  z.coerce
    .number({ error: encodeMessage("errors.number") })
    .int({ error: encodeMessage("errors.number") })
    .refine((n) => n >= GROUP_LIMITS.minMembers && n <= GROUP_LIMITS.maxMembers, {
      error: encodeMessage("groups.errors.members", { min: GROUP_LIMITS.minMembers, max: GROUP_LIMITS.maxMembers }),
    });
const activityFieldList = () => list(z.coerce.number().int()).refine((fields) => fields.every((f) => ACTIVITY_FIELDS.includes(f)), { error: encodeMessage("errors.choice") });
const furigana = (text: z.ZodType<string>) =>
  text.transform(normalizeFurigana).refine((v) => v === "" || isFurigana(v), { error: encodeMessage("groups.errors.furigana") });
const isoDate = (today: string) =>
  z
    .string()
    .transform((v) => v.trim())
    .refine((v) => isIsoDate(v), { error: encodeMessage("groups.errors.date") })
    .refine((v) => v <= today, { error: encodeMessage("groups.errors.futureDate") });
/** An answer a draft may leave out: empty or absent is null, anything else must pass `rule`. */
const unanswered = <T extends z.ZodType>(rule: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), rule.optional()).transform((v) => v ?? null);

/** The rule of each kind of field for a profile to be submitted (fields.ts says which kind a field is). */
const KIND_SCHEMAS = {
  text: (f: GroupFieldSpec) => (f.required ? text(f.max!) : optionalText(f.max!)),
  longText: (f: GroupFieldSpec) => (f.required ? text(f.max!) : optionalText(f.max!)),
  kana: (f: GroupFieldSpec) => furigana(text(f.max!)),
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
  district: () => districtId(),
  districts: () => list(z.coerce.number().int().positive()).pipe(z.array(z.number()).max(101)),
  activityFields: () => activityFieldList().refine((fields) => fields.length > 0, { error: encodeMessage("groups.errors.fieldsRequired") }),
  date: (_f: GroupFieldSpec, today: string) => isoDate(today),
  count: () => memberCount(),
};

/**
 * The rules of a draft: only what fields.ts marks `requiredInDraft` (the name) must be given;
 * every answer that is given still meets its field's own format and limits.
 */
const DRAFT_KIND_SCHEMAS = {
  ...KIND_SCHEMAS,
  text: (f: GroupFieldSpec) => (f.requiredInDraft ? text(f.max!) : optionalText(f.max!)),
  longText: (f: GroupFieldSpec) => optionalText(f.max!),
  kana: (f: GroupFieldSpec) => furigana(optionalText(f.max!)),
  kind: () => z.enum(["", ...GROUP_KINDS]).optional().default(""),
  district: () => unanswered(districtId()),
  activityFields: () => activityFieldList(),
  date: (_f: GroupFieldSpec, today: string) => isoDate(today).or(z.literal("").optional().transform(() => "")),
  count: () => unanswered(memberCount()),
};

type Kinds = typeof KIND_SCHEMAS | typeof DRAFT_KIND_SCHEMAS;
type ShapeOf<K extends Kinds> = { [F in GroupField]: ReturnType<K[(typeof GROUP_FIELDS)[F]["kind"]]> };

function profileShape<K extends Kinds>(kinds: K, today: string): ShapeOf<K> {
  return Object.fromEntries(
    GROUP_FIELD_NAMES.map((name) => {
      const spec: GroupFieldSpec = GROUP_FIELDS[name];
      return [name, (kinds[spec.kind] as (f: GroupFieldSpec, today: string) => z.ZodType)(spec, today)];
    }),
  ) as ShapeOf<K>;
}

type ProfileCore = { kind: string; corporateNumber: string; mainOfficeInCity: boolean; districtIds: number[]; activityFields: number[] };

/**
 * The rules across fields, the same for drafts and submissions: a 法人番号 is required of an
 * NPO法人 (when submitting) and refused for any other kind once a kind is chosen.
 */
function checkCorporateNumber(v: ProfileCore, ctx: z.RefinementCtx, { submitting }: { submitting: boolean }) {
  // Also run when other fields failed (see ALWAYS): then a value may still be as posted.
  if (typeof v.corporateNumber !== "string") return;
  if (v.kind === "npo" || v.kind === "") {
    if (v.corporateNumber === "") {
      if (submitting && v.kind === "npo") ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: encodeMessage("groups.errors.corporateNumberRequired") });
    } else if (!isCorporateNumber(v.corporateNumber)) {
      ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: encodeMessage("groups.errors.corporateNumber") });
    }
  } else if (v.corporateNumber !== "") {
    ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: encodeMessage("groups.errors.corporateNumberNotNpo") });
  }
}

/** The 法人番号 is judged together with the other fields, not only once they all pass. */
const ALWAYS = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

function normalized<T extends ProfileCore>(v: T): T {
  return {
    ...v,
    // Only an NPO法人 has a main office in the legal sense.
    mainOfficeInCity: v.kind === "npo" ? v.mainOfficeInCity : false,
    districtIds: [...new Set(v.districtIds)],
    activityFields: [...new Set(v.activityFields)].sort((a, b) => a - b),
  };
}

/**
 * One schema for the group profile, built from the field table: the form's action, the
 * browser's mirror, the staff correction and the CSV import all validate with it. `today`
 * (ISO date in Tokyo) bounds the founding date.
 */
export function groupProfileSchema(today: string) {
  return z
    .object(profileShape(KIND_SCHEMAS, today))
    .superRefine((v, ctx) => checkCorporateNumber(v, ctx, { submitting: true }), ALWAYS)
    .transform(normalized);
}

export type GroupProfileInput = z.output<ReturnType<typeof groupProfileSchema>>;

const formExtras = {
  logo: z
    .instanceof(File)
    .optional()
    .refine((file) => !file || file.size <= GROUP_LIMITS.logoBytes, { error: encodeMessage("groupForm.errors.logoSize") }),
};

/**
 * The profile form's body: its logo, and room for the text fields (each also has its own
 * limit). Its routes declare maxBodyBytes of it as their body limit.
 */
export const GROUP_FORM_LIMITS = { files: { logo: "logo" }, maxTextBytes: 2 * 1024 * 1024 } as const satisfies UploadFormLimits;

/**
 * The representative's form. A draft saves whatever is typed (the draft rules above); pressing
 * "submit" asks for the whole profile and the consent box. The logo's size is judged here, its
 * bytes on the server by decoding them. Any intent other than "submit" is a draft.
 */
export function groupFormSchema(today: string) {
  const submission = z.object({
    ...profileShape(KIND_SCHEMAS, today),
    ...formExtras,
    intent: z.literal("submit"),
    consent: z.literal("on", { error: encodeMessage("groups.errors.consent") }),
  });
  const draft = z.object({ ...profileShape(DRAFT_KIND_SCHEMAS, today), ...formExtras, intent: z.literal("draft"), consent: z.string().optional() });
  return z
    .preprocess(
      (v) => (v && typeof v === "object" ? { ...v, intent: (v as { intent?: unknown }).intent === "submit" ? "submit" : "draft" } : v),
      z.discriminatedUnion("intent", [submission, draft]),
    )
    .superRefine((v, ctx) => checkCorporateNumber(v, ctx, { submitting: v.intent === "submit" }), ALWAYS)
    .transform(normalized);
}

/** What the form saves: a whole profile when submitted, a draft's answers (nulls unanswered) otherwise. */
export type GroupFormOutput = z.output<ReturnType<typeof groupFormSchema>>;
export type GroupDraftInput = Omit<Extract<GroupFormOutput, { intent: "draft" }>, "intent" | "consent" | "logo">;
