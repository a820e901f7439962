import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import crypto from "node:crypto";
import { hashPassword } from "../auth/password.server.ts";
import type { Role } from "../auth/permissions.ts";
import { now } from "../platform/clock.server.ts";
import { db } from "../platform/db.server.ts";
import { normalizeEmail } from "../platform/forms/rules.ts";

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: normalizeEmail(email) } });
}

export async function findUserById(id: string) {
  return db.user.findUnique({ where: { id } });
}

export async function createUser(input: {
  email: string;
  password: string;
  displayName: string;
  role?: Role;
  verified?: boolean;
  isDemo?: boolean;
  totpSecret?: string;
}) {
  const at = now();
  return db.user.create({
    data: {
      id: crypto.randomUUID(),
      email: normalizeEmail(input.email),
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role ?? "resident",
      emailVerifiedAt: input.verified ? at : null,
      isDemo: input.isDemo ?? false,
      totpSecret: input.totpSecret ?? null,
      totpEnabledAt: input.totpSecret ? at : null,
      passwordChangedAt: at,
      createdAt: at,
    },
  });
}

export type TokenKind = "verify-email" | "reset-password" | "change-email";

export const TOKEN_LIFETIME_MS: Record<TokenKind, number> = {
  "verify-email": 24 * 60 * 60 * 1000,
  "change-email": 24 * 60 * 60 * 1000,
  "reset-password": 60 * 60 * 1000,
};

function hashToken(token: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Issues a single-use link token; only its hash is stored. Earlier unused tokens of the kind lapse. */
export async function issueToken(userId: string, kind: TokenKind, email: string): Promise<string> {
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  const at = now();
  await db.$transaction([
    db.userToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: at } }),
    db.userToken.create({
      data: {
        id: crypto.randomUUID(),
        userId,
        kind,
        tokenHash: hashToken(token),
        email: normalizeEmail(email),
        expiresAt: new Date(at.getTime() + TOKEN_LIFETIME_MS[kind]),
        createdAt: at,
      },
    }),
  ]);
  return token;
}

/** Looks a token up without using it (for the confirmation page a GET shows). */
export async function peekToken(token: string, kind: TokenKind) {
  const row = await db.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.kind !== kind || row.usedAt || row.expiresAt.getTime() <= now().getTime()) return null;
  return row;
}

/** Uses a token once: the conditional update makes a second use (or a race) fail. */
export async function consumeToken(token: string, kind: TokenKind) {
  const row = await peekToken(token, kind);
  if (!row) return null;
  const { count } = await db.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now() } });
  return count === 1 ? row : null;
}

export type TokenInspection =
  | { state: "valid"; token: NonNullable<Awaited<ReturnType<typeof peekToken>>> }
  | { state: "spent" }
  | { state: "unknown" };

/**
 * What a link page needs to say: the token is usable, was used or has expired ("spent"), or
 * was never issued for these kinds. Reads only; the page's POST consumes it.
 */
export async function inspectToken(token: string, kinds: readonly TokenKind[]): Promise<TokenInspection> {
  if (token.length > 100) return { state: "unknown" };
  const row = await db.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || !(kinds as readonly string[]).includes(row.kind)) return { state: "unknown" };
  if (row.usedAt || row.expiresAt.getTime() <= now().getTime()) return { state: "spent" };
  return { state: "valid", token: row };
}
