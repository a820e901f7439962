import { z } from "zod";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../auth/password-policy.ts";
import { encodeMessage } from "../i18n/index.ts";
import { email, text } from "../platform/forms/validation.ts";

/**
 * The account forms: one schema per form, the action's truth and the browser's mirror.
 * Field names are unique across /account (several forms share that page, and a field's
 * name is its element id); every field holding a password has "password" in its name,
 * so parseForm never sends it back.
 */
export const DISPLAY_NAME_MAX = 50;

const required = encodeMessage("errors.required");

/** A password being chosen: at least 10 characters and not a common one (NIST SP 800-63B). Not trimmed. */
function newPassword() {
  return z
    .string()
    .min(1, { error: required })
    .min(PASSWORD_MIN_LENGTH)
    .max(PASSWORD_MAX_LENGTH)
    .refine((v) => !isCommonPassword(v), { error: encodeMessage("account.errors.commonPassword") });
}

/** A password being typed to prove who one is: only its size is checked here. */
function currentPassword() {
  return z.string().min(1, { error: required }).max(PASSWORD_MAX_LENGTH);
}

/** Spaces and hyphens are how people copy codes; they are not part of the code. */
function code(pattern: RegExp, message: string) {
  return z
    .string()
    .max(40)
    .transform((v) => v.replace(/[\s-]/g, "").toLowerCase())
    .pipe(z.string().min(1, { error: required }).regex(pattern, { error: message }));
}

/** Six digits from an authenticator app. */
const totpCode = () => code(/^\d{6}$/, encodeMessage("account.errors.totpFormat"));
/** One of the ten recovery codes: ten characters of a–z and 2–7 ("abcde-fgh23"). */
const recoveryCode = () => code(/^[a-z2-7]{10}$/, encodeMessage("account.errors.recoveryFormat"));
/** Either of the two, where one field accepts both. */
const secondFactor = () => code(/^(\d{6}|[a-z2-7]{10})$/, encodeMessage("account.errors.secondFactorFormat"));

export const signupSchema = z.object({
  displayName: text(DISPLAY_NAME_MAX),
  email: email(),
  password: newPassword(),
  consent: z.literal("yes", { error: encodeMessage("account.errors.consent") }),
});

export const loginSchema = z.object({
  email: email(),
  password: currentPassword(),
});

export const totpLoginSchema = z.object({ code: totpCode() });
export const recoveryLoginSchema = z.object({ recoveryCode: recoveryCode() });

export const forgotPasswordSchema = z.object({ email: email() });
export const resetPasswordSchema = z.object({ password: newPassword() });

export const profileSchema = z.object({ displayName: text(DISPLAY_NAME_MAX) });
export const emailChangeSchema = z.object({ newEmail: email(), emailPassword: currentPassword() });
export const passwordChangeSchema = z.object({ currentPassword: currentPassword(), newPassword: newPassword() });
export const deleteAccountSchema = z.object({ deletePassword: currentPassword() });

export const totpEnableSchema = z.object({
  /** The key shown on the set-up page travels with the form: nothing is stored before it is confirmed. */
  secret: z.string().regex(/^[A-Z2-7]{32}$/, { error: encodeMessage("account.errors.totpSecret") }),
  code: totpCode(),
});
export const totpDisableSchema = z.object({ disablePassword: currentPassword(), disableCode: secondFactor() });
export const recoveryRegenerateSchema = z.object({ regenerateCode: secondFactor() });

/** The intents of the forms on /account. */
export const ACCOUNT_INTENTS = ["profile", "email", "password", "resend", "revoke", "delete"] as const;
export type AccountIntent = (typeof ACCOUNT_INTENTS)[number];

/** Notices a redirect may ask a page to show (?notice=…); anything else is ignored. */
export const NOTICES = [
  "verified",
  "emailChanged",
  "passwordReset",
  "loggedOut",
  "profileSaved",
  "emailChangeSent",
  "passwordChanged",
  "verificationSent",
  "sessionRevoked",
  "twoFactorDisabled",
] as const;
export type Notice = (typeof NOTICES)[number];

/**
 * Why the log-in page is shown, keyed by where the person was going (the guard's redirectTo):
 * registering a group says so; any other page behind log-in gets the general reason.
 */
export type LoginReason = "registerGroup" | "required";

export function loginReasonFor(redirectTo: string): LoginReason | null {
  const path = redirectTo.split(/[?#]/, 1)[0];
  if (path === "/groups/new") return "registerGroup";
  // Nothing asked for ("" since staff land on /admin and residents on the home page): no reason.
  return path === "/" || path === "" ? null : "required";
}

export function noticeFrom(url: string): Notice | null {
  const value = new URL(url).searchParams.get("notice");
  return (NOTICES as readonly string[]).includes(value ?? "") ? (value as Notice) : null;
}
