/**
 * Sessions after Lucia's current guide (lucia-auth.com, 2025): the cookie holds
 * "<id>.<secret>"; the database holds the id and the SHA-256 of the secret, compared in
 * constant time. Residents' sessions end after 30 days without use; staff and admin
 * sessions end 12 hours after log-in whatever the use. A session still waiting for its second
 * factor ends 10 minutes after the password was given. Log-out, password change and
 * revocation delete the row. See docs/decisions/0005-sessions.md.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import crypto from "node:crypto";
import { db } from "../platform/db.server.ts";
import { now } from "../platform/clock.server.ts";
import { getEnv } from "../platform/env.server.ts";

export const SESSION_COOKIE = "portal_session";
const RESIDENT_INACTIVITY_MS = 30 * 24 * 60 * 60 * 1000;
const STAFF_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** A half-finished log-in (password given, second factor not yet) lasts this long. */
export const PENDING_SECOND_FACTOR_MS = 10 * 60 * 1000;
/** lastUsedAt is written at most this often, so reads do not turn into writes. */
const ACTIVITY_WRITE_INTERVAL_MS = 60 * 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  emailVerified: boolean;
  displayName: string;
  role: "resident" | "staff" | "admin";
  totpEnabled: boolean;
  districtIds: number[];
};

export type AuthSession = {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  twoFactorVerified: boolean;
  user: SessionUser;
};

function randomSecret(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(24)));
}

function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

function isStaffRole(role: string) {
  return role === "staff" || role === "admin";
}

/**
 * When a session ends, given its role: staff absolute, residents by inactivity; one waiting
 * for its second factor (`pendingSecondFactor`) 10 minutes after it was made, whatever the role.
 */
export function sessionExpiresAt(session: { createdAt: Date; lastUsedAt: Date }, role: string, pendingSecondFactor = false): Date {
  if (pendingSecondFactor) return new Date(session.createdAt.getTime() + PENDING_SECOND_FACTOR_MS);
  return isStaffRole(role)
    ? new Date(session.createdAt.getTime() + STAFF_ABSOLUTE_MS)
    : new Date(session.lastUsedAt.getTime() + RESIDENT_INACTIVITY_MS);
}

/** A short device label from the user agent; the full string is not kept. */
export function describeDevice(userAgent: string | null): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Chrome\//.test(ua)
      ? "Chrome"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Safari\//.test(ua)
          ? "Safari"
          : "";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return [browser, os].filter(Boolean).join(" / ");
}

export async function createSession(
  userId: string,
  { twoFactorVerified, device }: { twoFactorVerified: boolean; device: string },
): Promise<{ token: string; id: string }> {
  const id = randomSecret();
  const secret = randomSecret();
  const at = now();
  await db.session.create({
    data: { id, secretHash: hashSecret(secret), userId, createdAt: at, lastUsedAt: at, twoFactorVerified, device },
  });
  return { token: `${id}.${secret}`, id };
}

/** Validates a cookie token; returns null for anything wrong, deleting expired sessions. */
export async function validateSessionToken(token: string): Promise<AuthSession | null> {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 200) return null;
  const [id, secret] = parts;
  const row = await db.session.findUnique({
    where: { id },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          emailVerifiedAt: true,
          displayName: true,
          role: true,
          active: true,
          totpEnabledAt: true,
          districtMemberships: { select: { districtId: true } },
        },
      },
    },
  });
  if (!row) return null;
  const given = new TextEncoder().encode(hashSecret(secret));
  const stored = new TextEncoder().encode(row.secretHash);
  if (given.length !== stored.length || !constantTimeEqual(given, stored)) return null;
  const at = now();
  const pending = row.user.totpEnabledAt !== null && !row.twoFactorVerified;
  if (!row.user.active || sessionExpiresAt(row, row.user.role, pending).getTime() <= at.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  let lastUsedAt = row.lastUsedAt;
  if (at.getTime() - row.lastUsedAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
    lastUsedAt = at;
    await db.session.update({ where: { id }, data: { lastUsedAt } });
  }
  return {
    id: row.id,
    createdAt: row.createdAt,
    lastUsedAt,
    twoFactorVerified: row.twoFactorVerified,
    user: {
      id: row.user.id,
      email: row.user.email,
      emailVerified: row.user.emailVerifiedAt !== null,
      displayName: row.user.displayName,
      role: row.user.role as SessionUser["role"],
      totpEnabled: row.user.totpEnabledAt !== null,
      districtIds: row.user.districtMemberships.map((m) => m.districtId),
    },
  };
}

export async function markSessionTwoFactorVerified(sessionId: string) {
  await db.session.update({ where: { id: sessionId }, data: { twoFactorVerified: true } });
}

export async function invalidateSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: string, { except }: { except?: string } = {}) {
  await db.session.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
}

export async function listUserSessions(userId: string) {
  return db.session.findMany({
    where: { userId },
    select: { id: true, createdAt: true, lastUsedAt: true, device: true },
    orderBy: { lastUsedAt: "desc" },
  });
}

/** Revokes one of the person's own sessions; a foreign id changes nothing. */
export async function revokeOwnSession(userId: string, sessionId: string) {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  return count === 1;
}

export async function deleteExpiredSessions() {
  const at = now().getTime();
  const { count: residents } = await db.session.deleteMany({
    where: { user: { role: "resident" }, lastUsedAt: { lt: new Date(at - RESIDENT_INACTIVITY_MS) } },
  });
  const { count: staff } = await db.session.deleteMany({
    where: { user: { role: { in: ["staff", "admin"] } }, createdAt: { lt: new Date(at - STAFF_ABSOLUTE_MS) } },
  });
  const { count: pending } = await db.session.deleteMany({
    where: { twoFactorVerified: false, user: { totpEnabledAt: { not: null } }, createdAt: { lt: new Date(at - PENDING_SECOND_FACTOR_MS) } },
  });
  return residents + staff + pending;
}

function cookieSecure(): boolean {
  return getEnv().PUBLIC_URL.startsWith("https:");
}

export function sessionCookie(token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now().getTime()) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${cookieSecure() ? "; Secure" : ""}`;
}

export function blankSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${cookieSecure() ? "; Secure" : ""}`;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === SESSION_COOKIE) return part.slice(index + 1).trim() || null;
  }
  return null;
}

export function sessionMaxAgeFor(role: string, createdAt: Date): Date {
  return sessionExpiresAt({ createdAt, lastUsedAt: createdAt }, role);
}
