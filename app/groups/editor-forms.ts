/**
 * Forms of the representative's pages besides the profile (forms.ts): invitations, role changes
 * and withdrawal. Plain module: the pages validate in
 * the browser with exactly what the actions use.
 */
import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { email, text } from "../platform/forms/validation.ts";

export const GROUP_FORM_INTENTS = ["draft", "submit"] as const;
export type GroupFormIntent = (typeof GROUP_FORM_INTENTS)[number];

export function intentOf(formData: FormData): GroupFormIntent {
  return formData.get("intent") === "submit" ? "submit" : "draft";
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
