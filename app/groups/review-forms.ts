/**
 * Schemas of the staff review's forms (decisions, cancel, correct, the 6-1 date) and of the
 * representative's renewal: each is the action's truth and the browser's mirror. Also the list of
 * profile items a diff is made of, with their labels, for the server and the page alike.
 */
import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import type { MessageKey } from "./messages/groupReview.ts";
import { isIsoDate } from "../platform/dates.ts";
import { fieldSpec, GROUP_FIELD_NAMES, GROUP_FIELDS, type GroupField } from "./fields.ts";
import { groupProfileSchema } from "./forms.ts";
import { text } from "../platform/forms/validation.ts";
import { urlEncodedFormBytes } from "../platform/body-limit.ts";

export const REVIEW_TEXT_MAX = 1000;

export const REVIEW_KINDS = ["new", "change", "renewal"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const queueFilterSchema = z.object({
  kind: z.enum(["", ...REVIEW_KINDS]).optional().default(""),
  q: text(100, { required: false }).optional().default(""),
});

/** Text that must be given, with its own message when missing (a reason, a message to the group). */
const requiredText = (key: MessageKey) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    text(REVIEW_TEXT_MAX, { required: false }).pipe(z.string().min(1, { error: encodeMessage(key) })),
  );

/** The decisions a page can post, each with the text it needs (none, a reason, a message). */
export const approveSchema = z.object({ note: text(REVIEW_TEXT_MAX, { required: false }).optional().default("") });
export const rejectSchema = z.object({ reason: requiredText("groupReview.errors.reasonRequired") });
export const requestChangesSchema = z.object({ message: requiredText("groupReview.errors.messageRequired") });
/** The renewal forms sit on the same page as the version forms: their fields have names of their own. */
export const approveRenewalSchema = z.object({ renewalNote: text(REVIEW_TEXT_MAX, { required: false }).optional().default("") });
export const rejectRenewalSchema = z.object({ renewalReason: requiredText("groupReview.errors.reasonRequired") });
export const cancelSchema = rejectSchema;

/** The correction's body at most: every field of the profile filled to its limit, and the reason. */
export const CORRECTION_BODY_LIMIT = urlEncodedFormBytes(GROUP_FIELD_NAMES.reduce((sum, name) => sum + (fieldSpec(name).max ?? 0), REVIEW_TEXT_MAX));

/** The staff correction: the whole profile (the same rules as the form), which version it corrects, and why. */
export function correctionSchema(today: string) {
  return z.intersection(
    groupProfileSchema(today),
    z.object({
      reason: requiredText("groupReview.errors.reasonRequired"),
      publishedVersionId: z.coerce.number().int().positive(),
    }),
  );
}

export const renewalConfirmSchema = z.object({
  confirm: z.literal("on", { error: encodeMessage("groupReview.renew.confirmError") }),
});

export const indicatorDateSchema = z.object({
  date: z
    .string()
    .optional()
    .default("")
    .transform((v) => v.normalize("NFKC").trim())
    .refine((v) => v === "" || isIsoDate(v), { error: encodeMessage("groupReview.indicator.dateError") }),
});

/** The items of a profile a diff is made of: the field table's fields and the logo. */
export const PROFILE_FIELDS = [...GROUP_FIELD_NAMES, "logoFile"] as const;
export type ProfileField = GroupField | "logoFile";

/**
 * Items whose values an audit entry may hold (fields.ts `audited`). The others (the
 * representative's name, contact details, free texts that may name people, the logo) are
 * recorded by name only.
 */
export const VALUE_AUDITED_FIELDS: ReadonlySet<ProfileField> = new Set<ProfileField>(GROUP_FIELD_NAMES.filter((name) => GROUP_FIELDS[name].audited));

export function profileFieldLabel(field: ProfileField): MessageKey {
  return field === "logoFile" ? "groups.label.logo" : GROUP_FIELDS[field].label;
}
