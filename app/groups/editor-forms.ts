/**
 * Forms of the representative's pages: the profile form (groupProfileSchema plus consent on
 * submission), invitations, role changes and withdrawal. Plain module: the pages validate in
 * the browser with exactly what the actions use.
 */
import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { groupConsentSchema, groupProfileSchema, type GroupProfileInput } from "./forms.ts";
import { email, parseForm, text, type FieldErrors } from "../platform/forms/validation.ts";

export const GROUP_FORM_INTENTS = ["draft", "submit"] as const;
export type GroupFormIntent = (typeof GROUP_FORM_INTENTS)[number];

/** Values kept for the form shown again are cut to this length (a 1 MB paste is not echoed back). */
const KEPT_VALUE_MAX = 10_000;

export function intentOf(formData: FormData): GroupFormIntent {
  return formData.get("intent") === "submit" ? "submit" : "draft";
}

export type GroupFormValidation = { ok: true; data: GroupProfileInput } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * The profile by groupProfileSchema; submitting also needs the consent box. A draft must be a
 * valid profile too (only the consent waits for the submission).
 */
export function validateGroupForm(formData: FormData, today: string, intent: GroupFormIntent): GroupFormValidation {
  const profile = parseForm(groupProfileSchema(today), formData);
  const consent = intent === "submit" ? parseForm(groupConsentSchema, formData) : null;
  if (profile.ok && (!consent || consent.ok)) return { ok: true, data: profile.data };
  const errors = { ...(profile.ok ? {} : profile.errors), ...(consent && !consent.ok ? consent.errors : {}) };
  return { ok: false, errors, values: keptValues(formData) };
}

/** The posted text fields as the form shows them again (lists joined by line breaks, as parseForm keeps them). */
export function keptValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name === "intent") continue;
    const kept = value.slice(0, KEPT_VALUE_MAX);
    values[name] = name in values ? `${values[name]}\n${kept}` : kept;
  }
  return values;
}

export const GROUP_ROLES = ["representative", "editor"] as const;
const groupRole = z.enum(GROUP_ROLES);

export const inviteSchema = z.object({ email: email(), role: groupRole });

export const memberRoleSchema = z.object({ userId: z.string().min(1).max(100), role: groupRole });

export const WITHDRAW_REASON_MAX = 1000;

export const withdrawSchema = z.object({
  reason: text(WITHDRAW_REASON_MAX, { required: false }).default(""),
  confirm: z.literal("on", { error: encodeMessage("groupForm.errors.confirmWithdraw") }),
});

/** Notices a redirect may ask a group page to show (?notice=…); anything else is ignored. */
export const GROUP_NOTICES = [
  "created",
  "submitted",
  "draftSaved",
  "invited",
  "invitationCancelled",
  "roleChanged",
  "removed",
  "left",
  "withdrawn",
  "joined",
] as const;
export type GroupNotice = (typeof GROUP_NOTICES)[number];

export function groupNoticeFrom(url: string): GroupNotice | null {
  const value = new URL(url).searchParams.get("notice");
  return (GROUP_NOTICES as readonly string[]).includes(value ?? "") ? (value as GroupNotice) : null;
}

/** The :id of a group page, or null for anything that is not a plain positive integer. */
export function groupIdFrom(param: string | undefined): number | null {
  if (!param || !/^[1-9]\d{0,9}$/.test(param)) return null;
  const id = Number(param);
  return id <= 2_147_483_647 ? id : null;
}
