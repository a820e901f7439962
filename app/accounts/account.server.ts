/**
 * A person's own account: sign-up, log-in, emailed links, password, second factor, sessions,
 * their data and its deletion. Routes call these functions and stay thin; every function acts
 * on the account it is given (the caller's own), never on one named by the request.
 *
 * Nothing here tells a caller whether an address is registered in a way that would reach
 * the visitor: sign-up, password reset and email change answer alike either way, and the
 * difference goes by mail to the address itself.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import crypto from "node:crypto";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "../auth/password.server.ts";
import { isStaff, type Role } from "../auth/permissions.ts";
import {
  createSession,
  describeDevice,
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  markSessionTwoFactorVerified,
  revokeOwnSession,
  sessionCookie,
  sessionMaxAgeFor,
} from "../auth/session.server.ts";
import type { Device } from "../auth/device-cookie.server.ts";
import { generateRecoveryCodes, hashRecoveryCode, totpStepOf } from "../auth/totp.server.ts";
import { lookupMessage, translator, type AnyPlainKey, type Lang, type MessageArgs } from "../i18n/index.ts";
import { accountMessages } from "./messages.ts";
import { now } from "../platform/clock.server.ts";
import { db } from "../platform/db.server.ts";
import { enqueueMail, portalLink } from "../platform/mail.server.ts";
import { hit, limitedCheck, type RateLimitRule } from "../platform/rate-limit.server.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { accountDataParts } from "../platform/domains.contributions.server.ts";
import { consumeToken, createUser, findUserByEmail, inspectToken, issueToken } from "./user.server.ts";
import { normalizeEmail } from "../platform/forms/rules.ts";
import { withRedirectTo } from "../platform/redirect.ts";

// ---------------------------------------------------------------------------------------
// Limits. Counted in the database (every app server sees the same numbers).

const FIFTEEN_MINUTES = 15 * 60;
/**
 * Failed log-ins per normalised address, from browsers without the account's device cookie.
 * A stranger can use these up; the owner's browsers that logged in before have their own
 * (LOGIN_DEVICE_RULE), so the account is never locked for its owner.
 */
export const LOGIN_EMAIL_RULE: RateLimitRule = { bucket: "login-email", limit: 10, windowSeconds: FIFTEEN_MINUTES };
/** Failed log-ins per client address, whatever the account. */
export const LOGIN_ADDRESS_RULE: RateLimitRule = { bucket: "login-address", limit: 30, windowSeconds: FIFTEEN_MINUTES };
/** Failed log-ins per device cookie (app/auth/device-cookie.server.ts), for the account it names. */
export const LOGIN_DEVICE_RULE: RateLimitRule = { bucket: "login-device", limit: 10, windowSeconds: FIFTEEN_MINUTES };
/**
 * Wrong second-factor codes per account, whatever the session or client address: logging in
 * again does not give more guesses.
 */
export const TWO_FACTOR_RULE: RateLimitRule = { bucket: "two-factor-account", limit: 10, windowSeconds: FIFTEEN_MINUTES };
/** At this many wrong codes in a window the owner is mailed (once per window) and it is audit-logged. */
export const TWO_FACTOR_WARN_AT = 3;
/** Markers that make the warning mail and the "limited" audit entry happen once per window. */
const TWO_FACTOR_WARNED_RULE: RateLimitRule = { bucket: "two-factor-warned", limit: 1, windowSeconds: FIFTEEN_MINUTES };
const TWO_FACTOR_LIMITED_RULE: RateLimitRule = { bucket: "two-factor-limited", limit: 1, windowSeconds: FIFTEEN_MINUTES };
/** Wrong current passwords or codes on /account per person (a stolen session cannot guess on). */
export const REAUTH_RULE: RateLimitRule = { bucket: "reauth", limit: 10, windowSeconds: FIFTEEN_MINUTES };
/** Posts of the public account forms per client address. */
export const SIGNUP_RULE: RateLimitRule = { bucket: "signup", limit: 10, windowSeconds: 600 };
export const PASSWORD_FORGOT_RULE: RateLimitRule = { bucket: "password-forgot", limit: 10, windowSeconds: 600 };
/** Verification mails a person may ask for again. */
export const VERIFY_RESEND_RULE: RateLimitRule = { bucket: "verify-resend", limit: 5, windowSeconds: 3600 };
/**
 * Mails that anyone can cause to be sent to an address (reset links, "already registered",
 * email-change links): beyond this, they are silently not sent, so the portal cannot be
 * used to flood someone's mailbox, and the visitor learns nothing either way.
 */
export const UNSOLICITED_MAIL_RULE: RateLimitRule = { bucket: "account-mail", limit: 5, windowSeconds: 3600 };

/** Counter keys never hold an address: its SHA-256 stands in. */
function addressKey(email: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalizeEmail(email))));
}

export type Limited = { limited: true; retryAfterSeconds: number };

// ---------------------------------------------------------------------------------------
// Mail. Plain text in the language of the request; no names in the body, only the link.

type MailKind =
  | "verify"
  | "alreadyRegistered"
  | "reset"
  | "changeEmail"
  | "changeEmailTaken"
  | "changeEmailNotice"
  | "passwordChanged";

type MailTo = { to: string; lang: Lang; /** the token in the mail's link, which the outbox does not keep */ secret?: string };

/** The parameters are checked against the body of `kind` at the call; here the key is picked at run time. */
async function sendAccountMail<K extends MailKind>(kind: K, { to, lang, secret }: MailTo, ...params: MessageArgs<typeof accountMessages, `account.mail.${K}.body`>) {
  const t = translator(lang, accountMessages);
  const body = lookupMessage(t, `account.mail.${kind}.body`, params[0]);
  await enqueueMail({
    to,
    subject: lookupMessage(t, `account.mail.${kind}.subject`) ?? kind,
    text: `${body}\n\n${t("account.mail.footer", { home: portalLink("/") })}\n`,
    secrets: secret ? [secret] : [],
  });
}

/** True when another mail nobody asked for from this mailbox may still go to it this hour. */
async function mayMail(to: string): Promise<boolean> {
  return (await hit(UNSOLICITED_MAIL_RULE, addressKey(to))).allowed;
}

// ---------------------------------------------------------------------------------------
// Sign-up and verification

/** By code, not class: the SQLite and PostgreSQL clients have error classes of their own. */
function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Registers a resident and mails the verification link. For an address already registered
 * no account is made and the address is told that someone tried; the caller shows the same
 * page either way, and the password is hashed either way so the timing matches too.
 */
/** `redirectTo`: the same-site path the person was on their way to; the mailed links lead back there. */
export async function registerResident(input: { displayName: string; email: string; password: string }, lang: Lang, redirectTo = "/") {
  const existing = await findUserByEmail(input.email);
  if (!existing) {
    try {
      const user = await createUser({ ...input, role: "resident" });
      await sendVerificationMail(user, lang, redirectTo);
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // registered a moment ago by a parallel request
    }
  } else {
    await hashPassword(input.password);
  }
  const to = normalizeEmail(input.email);
  if (await mayMail(to)) {
    await sendAccountMail("alreadyRegistered", { to, lang }, { loginLink: portalLink(withRedirectTo("/login", redirectTo)), resetLink: portalLink("/password/forgot") });
  }
}

async function sendVerificationMail(user: { id: string; email: string }, lang: Lang, redirectTo = "/") {
  const token = await issueToken(user.id, "verify-email", user.email);
  await sendAccountMail("verify", { to: user.email, lang, secret: token }, { link: portalLink(withRedirectTo(`/verify-email/${token}`, redirectTo)) });
}

/** "Send the link again" from /account. */
export async function resendVerificationMail(userId: string, lang: Lang): Promise<{ sent: true } | { alreadyVerified: true } | Limited> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true } });
  if (user.emailVerifiedAt) return { alreadyVerified: true };
  const limit = await hit(VERIFY_RESEND_RULE, user.id);
  if (!limit.allowed) return { limited: true, retryAfterSeconds: limit.retryAfterSeconds };
  await sendVerificationMail(user, lang);
  return { sent: true };
}

/** The kinds of link /verify-email/:token serves. */
const EMAIL_LINK_KINDS = ["verify-email", "change-email"] as const;

/** For the GET of a link page: valid (and of which kind), spent, or unknown. Changes nothing. */
export function inspectEmailLink(token: string) {
  return inspectToken(token, EMAIL_LINK_KINDS);
}

export type EmailLinkResult =
  | { ok: true; userId: string; kind: "verify-email" | "change-email" }
  | { ok: false; reason: "spent" | "unknown" | "taken" };

/**
 * The POST of /verify-email/:token. A verify-email link confirms the address it was sent to,
 * if that is still the account's address. A change-email link switches the account to the new
 * address (unless another account took it meanwhile), ends every other session of the account
 * (keepSessionId is kept only if it is the account's own), and lapses open reset links, which
 * went to the old address.
 */
export async function confirmEmailLink(token: string, keepSessionId: string | null): Promise<EmailLinkResult> {
  const inspected = await inspectEmailLink(token);
  if (inspected.state !== "valid") return { ok: false, reason: inspected.state };
  const kind = inspected.token.kind as "verify-email" | "change-email";
  const row = await consumeToken(token, kind);
  if (!row) return { ok: false, reason: "spent" };
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user) return { ok: false, reason: "spent" };
  const at = now();

  if (kind === "verify-email") {
    if (user.email !== row.email) return { ok: false, reason: "spent" };
    if (!user.emailVerifiedAt) await db.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: at } });
    return { ok: true, userId: row.userId, kind };
  }

  const holder = await findUserByEmail(row.email);
  if (holder && holder.id !== row.userId) return { ok: false, reason: "taken" };
  try {
    await db.$transaction([
      db.user.update({ where: { id: row.userId }, data: { email: row.email, emailVerifiedAt: at } }),
      db.userToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: at } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
  await invalidateUserSessions(row.userId, keepSessionId ? { except: keepSessionId } : {});
  return { ok: true, userId: row.userId, kind };
}

// ---------------------------------------------------------------------------------------
// Log-in

export type LoginUser = { id: string; role: string; totpEnabledAt: Date | null };
export type LoginResult = { ok: true; user: LoginUser } | { ok: false; reason: "invalid" } | ({ ok: false; reason: "limited" } & Limited);

/**
 * Checks an email and password within the limits (limitedCheck): over either, the password is
 * not even checked, and only failures stay counted. An unknown address costs the same hashing
 * time as a known one, and a deactivated account gets the same answer as a wrong password.
 * A try carrying a genuine device cookie of this very account counts against that cookie's
 * allowance only (LOGIN_DEVICE_RULE); every other try against the address's and the client
 * address's (LOGIN_EMAIL_RULE, LOGIN_ADDRESS_RULE).
 */
export async function attemptLogin(email: string, password: string, clientAddress: string, device: Device | null = null): Promise<LoginResult> {
  let user: Awaited<ReturnType<typeof findUserByEmail>> = device ? await findUserByEmail(email) : null;
  const knownDevice = device !== null && user !== null && user.id === device.userId;
  const limits: [RateLimitRule, string][] = knownDevice
    ? [[LOGIN_DEVICE_RULE, `${device.userId}:${device.nonce}`]]
    : [
        [LOGIN_EMAIL_RULE, addressKey(email)],
        [LOGIN_ADDRESS_RULE, clientAddress],
      ];
  const result = await limitedCheck(limits, async () => {
    user ??= await findUserByEmail(email);
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    return Boolean(user && valid && user.active);
  });
  if (result.limited) return { ok: false, reason: "limited", limited: true, retryAfterSeconds: result.retryAfterSeconds };
  if (!result.ok || !user) return { ok: false, reason: "invalid" };
  const found: LoginUser = user;
  return { ok: true, user: { id: found.id, role: found.role, totpEnabledAt: found.totpEnabledAt } };
}

/**
 * Where a log-in leads when no page was asked for: staff to their morning's work (/admin),
 * residents to the home page.
 */
export function landingPathFor(user: { role: string }): string {
  return isStaff(user) ? "/admin" : "/";
}

/**
 * A new session for a person whose password was right; the browser's previous session (if
 * any) ends. With TOTP set up, the session waits for the second factor (the guards treat it
 * as logged out until then).
 */
export async function startSession(user: LoginUser, userAgent: string | null, previousSessionId?: string) {
  if (previousSessionId) await invalidateSession(previousSessionId);
  const needsSecondFactor = user.totpEnabledAt !== null;
  const { token } = await createSession(user.id, { twoFactorVerified: !needsSecondFactor, device: describeDevice(userAgent) });
  return { cookie: sessionCookie(token, sessionMaxAgeFor(user.role, now())), needsSecondFactor };
}

/** Uses one recovery code: the conditional update makes a second use (or a race) fail. */
async function spendRecoveryCode(userId: string, code: string): Promise<boolean> {
  const row = await db.recoveryCode.findFirst({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null } });
  if (!row) return false;
  const { count } = await db.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now() } });
  return count === 1;
}

/** A TOTP code (six digits) or an unused recovery code of the account. */
async function checkSecondFactor(userId: string, code: string): Promise<boolean> {
  if (/^\d{6}$/.test(code)) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
    if (!user?.totpSecret || !user.totpEnabledAt) return false;
    const step = totpStepOf(user.totpSecret, code);
    if (step === null) return false;
    // Good once: a code seen (or shoulder-surfed) cannot be used again in its 90 seconds.
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1;
  }
  return spendRecoveryCode(userId, code);
}

/**
 * The second step of a log-in: a code, within TWO_FACTOR_RULE's wrong tries per account and 15
 * minutes (counted atomically, so parallel tries cannot slip past). At the third wrong code of a
 * window the owner is mailed and the entry "account.second_factor_failures" is written; when the
 * limit refuses a try, "account.second_factor_limited" — each once per window.
 */
export async function completeSecondFactor(session: { id: string; userId: string; email: string }, code: string): Promise<{ ok: boolean } | Limited> {
  const result = await limitedCheck([[TWO_FACTOR_RULE, session.userId]], () => checkSecondFactor(session.userId, code));
  if (result.limited) {
    if ((await hit(TWO_FACTOR_LIMITED_RULE, session.userId)).allowed) {
      await recordAudit({
        actor: null,
        action: "account.second_factor_limited",
        targetType: "user",
        targetId: session.userId,
        details: { limit: TWO_FACTOR_RULE.limit, windowSeconds: TWO_FACTOR_RULE.windowSeconds },
      });
    }
    return { limited: true, retryAfterSeconds: result.retryAfterSeconds };
  }
  if (!result.ok) {
    const failures = result.counts[0];
    if (failures >= TWO_FACTOR_WARN_AT && (await hit(TWO_FACTOR_WARNED_RULE, session.userId)).allowed) {
      await recordAudit({ actor: null, action: "account.second_factor_failures", targetType: "user", targetId: session.userId, details: { failures } });
      await sendSecondFactorWarning(session.email, failures);
    }
    return { ok: false };
  }
  await markSessionTwoFactorVerified(session.id);
  return { ok: true };
}

/**
 * "Someone entered your password but not your code", in Japanese and then English: the
 * account keeps no language, and the request's language is the guesser's, not the owner's.
 */
async function sendSecondFactorWarning(to: string, failures: number) {
  const params = { count: failures, limit: TWO_FACTOR_RULE.limit, resetLink: portalLink("/password/forgot") };
  const [ja, en] = (["ja", "en"] as const).map((lang) => translator(lang, accountMessages));
  const part = (t: typeof ja) =>
    `${t("account.mail.secondFactorFailures.body", params)}\n\n${t("account.mail.footer", { home: portalLink("/") })}`;
  await enqueueMail({
    to,
    subject: `${ja("account.mail.secondFactorFailures.subject")} / ${en("account.mail.secondFactorFailures.subject")}`,
    text: `${part(ja)}\n\n==========\n\n${part(en)}\n`,
  });
}

// ---------------------------------------------------------------------------------------
// Password reset

/** Mails a one-hour reset link if the address belongs to an active account; says nothing either way. */
export async function requestPasswordReset(email: string, lang: Lang) {
  const user = await findUserByEmail(email);
  if (!user || !user.active) return;
  if (!(await mayMail(user.email))) return;
  const token = await issueToken(user.id, "reset-password", user.email);
  await sendAccountMail("reset", { to: user.email, lang, secret: token }, { link: portalLink(`/password/reset/${token}`) });
}

export function inspectResetLink(token: string) {
  return inspectToken(token, ["reset-password"]);
}

/** Uses the link once, sets the password and ends every session of the account. */
export async function resetPassword(token: string, password: string, lang: Lang): Promise<boolean> {
  const row = await consumeToken(token, "reset-password");
  if (!row) return false;
  const user = await db.user.update({
    where: { id: row.userId },
    data: { passwordHash: await hashPassword(password), passwordChangedAt: now() },
    select: { email: true },
  });
  await invalidateUserSessions(row.userId);
  await sendAccountMail("passwordChanged", { to: user.email, lang }, { resetLink: portalLink("/password/forgot") });
  return true;
}

// ---------------------------------------------------------------------------------------
// /account

export async function getAccount(userId: string) {
  const at = now();
  const [user, pendingEmail, sessions, recoveryCodesLeft] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, displayName: true, role: true, emailVerifiedAt: true, totpEnabledAt: true, createdAt: true },
    }),
    db.userToken.findFirst({
      where: { userId, kind: "change-email", usedAt: null, expiresAt: { gt: at } },
      orderBy: { createdAt: "desc" },
      select: { email: true },
    }),
    listUserSessions(userId),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { user, pendingEmail: pendingEmail?.email ?? null, sessions, recoveryCodesLeft };
}

/**
 * The current password, checked before a change that needs it. Wrong answers count towards
 * REAUTH_RULE; over it, nothing is checked until the window ends.
 */
export async function checkCurrentPassword(userId: string, password: string): Promise<{ ok: boolean } | Limited> {
  const result = await limitedCheck([[REAUTH_RULE, userId]], async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
    return verifyPassword(user.passwordHash, password);
  });
  return result.limited ? { limited: true, retryAfterSeconds: result.retryAfterSeconds } : { ok: result.ok };
}

export async function changeDisplayName(userId: string, displayName: string) {
  await db.user.update({ where: { id: userId }, data: { displayName } });
}

/**
 * Starts an email change: the new address gets a link (24 h) and the change happens only when
 * it is opened; the current address is told. If the new address belongs to another account,
 * that address is told instead of getting a link, and the person sees the same answer.
 */
export async function requestEmailChange(user: { id: string; email: string }, newEmail: string, lang: Lang): Promise<"sent" | "same"> {
  const to = normalizeEmail(newEmail);
  if (to === user.email) return "same";
  if (await mayMail(to)) {
    if (await findUserByEmail(to)) {
      await sendAccountMail("changeEmailTaken", { to, lang }, { loginLink: portalLink("/login"), resetLink: portalLink("/password/forgot") });
    } else {
      const token = await issueToken(user.id, "change-email", to);
      await sendAccountMail("changeEmail", { to, lang, secret: token }, { link: portalLink(`/verify-email/${token}`) });
    }
  }
  await sendAccountMail("changeEmailNotice", { to: user.email, lang }, { accountLink: portalLink("/account") });
  return "sent";
}

/** Sets a new password; every other session ends, this one stays. The address is told. */
export async function changePassword(userId: string, password: string, keepSessionId: string, lang: Lang) {
  const user = await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(password), passwordChangedAt: now() },
    select: { email: true },
  });
  await invalidateUserSessions(userId, { except: keepSessionId });
  await sendAccountMail("passwordChanged", { to: user.email, lang }, { resetLink: portalLink("/password/forgot") });
}

/** Ends one of the person's own sessions; an id of someone else's changes nothing. */
export function revokeSession(userId: string, sessionId: string) {
  return revokeOwnSession(userId, sessionId);
}

// ---------------------------------------------------------------------------------------
// Two-factor set-up

async function replaceRecoveryCodes(userId: string, client: Pick<typeof db, "recoveryCode"> = db): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await client.recoveryCode.deleteMany({ where: { userId } });
  await client.recoveryCode.createMany({
    data: codes.map((code) => ({ id: crypto.randomUUID(), userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}

/**
 * Turns TOTP on once the person proved their app has the key (a current code). Returns the
 * recovery codes, which are shown once and stored only hashed. Sessions opened before (which
 * never gave a second factor) end; this one counts as having given it.
 */
export async function enableTotp(userId: string, currentSessionId: string, secret: string, code: string): Promise<string[] | null> {
  const step = totpStepOf(secret, code);
  if (step === null) return null;
  const codes = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpSecret: secret, totpEnabledAt: now(), totpLastStep: step },
    });
    return count === 1 ? replaceRecoveryCodes(userId, tx) : null;
  });
  if (!codes) return null;
  await markSessionTwoFactorVerified(currentSessionId);
  await invalidateUserSessions(userId, { except: currentSessionId });
  return codes;
}

/** Ten new recovery codes (the old ones stop working), after a current code. */
export async function regenerateRecoveryCodes(userId: string, code: string): Promise<string[] | null | Limited> {
  const result = await limitedCheck([[REAUTH_RULE, userId]], () => checkSecondFactor(userId, code));
  if (result.limited) return { limited: true, retryAfterSeconds: result.retryAfterSeconds };
  if (!result.ok) return null;
  return db.$transaction((tx) => replaceRecoveryCodes(userId, tx));
}

export type DisableTotpResult = "disabled" | "staff" | "wrongPassword" | "wrongCode" | Limited;

/** Turns TOTP off with the password and a code. Staff and admins must keep it. */
export async function disableTotp(user: { id: string; role: string }, password: string, code: string): Promise<DisableTotpResult> {
  if (isStaff({ role: user.role as Role })) return "staff";
  const passwordCheck = await checkCurrentPassword(user.id, password);
  if ("limited" in passwordCheck) return passwordCheck;
  if (!passwordCheck.ok) return "wrongPassword";
  const codeCheck = await limitedCheck([[REAUTH_RULE, user.id]], () => checkSecondFactor(user.id, code));
  if (codeCheck.limited) return { limited: true, retryAfterSeconds: codeCheck.retryAfterSeconds };
  if (!codeCheck.ok) return "wrongCode";
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId: user.id } }),
  ]);
  return "disabled";
}

// ---------------------------------------------------------------------------------------
// Personal-data rights: export and deletion

/**
 * Everything the portal holds about the person, as JSON: their profile, sessions (without
 * secrets or ids), pending links (without tokens), how many recovery codes are left, the audit
 * entries of what they did, and each domain's part (its contributes.server.ts: district and
 * group memberships, …). Nothing about anyone else.
 */
export async function exportAccountData(userId: string, currentSessionId: string) {
  const [user, sessions, ...parts] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        emailVerifiedAt: true,
        displayName: true,
        role: true,
        active: true,
        totpEnabledAt: true,
        passwordChangedAt: true,
        createdAt: true,
        updatedAt: true,
        tokens: { select: { kind: true, email: true, createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: "asc" } },
        recoveryCodes: { select: { usedAt: true } },
        auditEntries: {
          select: { at: true, actorRole: true, action: true, targetType: true, targetId: true, reason: true, details: true },
          orderBy: { at: "asc" },
        },
      },
    }),
    listUserSessions(userId),
    ...accountDataParts().map((part) => part.export?.(userId) ?? {}),
  ]);
  const { tokens, recoveryCodes, auditEntries, totpEnabledAt, ...profile } = user;
  return {
    exportedAt: now().toISOString(),
    profile: { ...profile, twoFactorEnabledAt: totpEnabledAt },
    sessions: sessions.map((s) => ({
      device: s.device,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      current: s.id === currentSessionId,
    })),
    emailLinks: tokens,
    recoveryCodes: { total: recoveryCodes.length, unused: recoveryCodes.filter((c) => c.usedAt === null).length },
    auditEntriesAsActor: auditEntries.map((e) => ({ ...e, details: safeJson(e.details) })),
    ...Object.assign({}, ...parts),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export type DeleteAccountResult = { ok: true } | { ok: false; reason: AnyPlainKey };

/**
 * Deletes the account and, with it (cascade), sessions, links, recovery codes and memberships.
 * First every domain's deletion check (contributes.server.ts) may stop it, with what the person
 * must do first (the registry: the last representative of a group hands over or withdraws the
 * group). Then, in one transaction: the entry "account.deleted" naming only the id; each
 * domain's deletion step (the registry records each membership ending as "group.member_left",
 * by id, and deletes invitations to the person's addresses); mail in the outbox addressed to
 * the person (their account address, and any address they asked to change to), as the outbox
 * is a delivery queue, not an archive; and the account. Audit entries they made stay for the
 * city's records with the actor set to null.
 */
export async function deleteAccount(userId: string): Promise<DeleteAccountResult> {
  const parts = accountDataParts();
  for (const part of parts) {
    const reason = await part.deletionCheck?.(userId);
    if (reason) return { ok: false, reason };
  }
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, role: true, tokens: { select: { email: true } } } });
    const addresses = [...new Set([user.email, ...user.tokens.map((t) => t.email)])];
    await recordAudit({ actor: null, action: "account.deleted", targetType: "user", targetId: userId }, tx);
    for (const part of parts) await part.onDelete?.(tx, { id: userId, role: user.role, addresses });
    await tx.outboxMail.deleteMany({ where: { to: { in: addresses } } });
    await tx.user.delete({ where: { id: userId } });
  });
  return { ok: true };
}
