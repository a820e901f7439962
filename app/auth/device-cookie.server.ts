/**
 * The device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * full log-in (password, and the second factor where set up) the browser gets `portal_device`,
 * "<account id>.<random nonce>.<HMAC of both>". A log-in try for that same account carrying a
 * valid cookie is counted against that cookie's own allowance instead of the per-address and
 * per-client-address limits, so a stranger's flood of wrong passwords cannot keep the owner out
 * of a browser that has logged in before; a new browser stays under the shared limits. See
 * docs/decisions/0021-per-account-second-factor-limit-and-device-cookies.md.
 *
 * The HMAC key is APP_SECRET when set; otherwise a random key made once and kept in AppSecret,
 * so that every app server on one database signs and checks alike.
 */
import crypto from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { db } from "../platform/db.server.ts";
import { getEnv } from "../platform/env.server.ts";
import { now } from "../platform/clock.server.ts";
import { singleton } from "../platform/singleton.server.ts";

export const DEVICE_COOKIE = "portal_device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;
const STORED_SECRET_ID = "device-cookie";

const stored = singleton<{ key?: Promise<string> }>("app-secret", () => ({}));

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** The secret kept in the database, made by the first server that needs it (the others read that one). */
async function storedSecret(): Promise<string> {
  const existing = await db.appSecret.findUnique({ where: { id: STORED_SECRET_ID } });
  if (existing) return existing.value;
  const value = crypto.randomBytes(32).toString("base64url");
  try {
    await db.appSecret.create({ data: { id: STORED_SECRET_ID, value, createdAt: now() } });
    return value;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await db.appSecret.findUniqueOrThrow({ where: { id: STORED_SECRET_ID } })).value;
  }
}

async function signingKey(): Promise<string> {
  const configured = getEnv().APP_SECRET;
  if (configured) return configured;
  stored.key ??= storedSecret().catch((error: unknown) => {
    stored.key = undefined;
    throw error;
  });
  return stored.key;
}

/** For tests that change the database or APP_SECRET between cases. */
export function forgetStoredSecret() {
  stored.key = undefined;
}

async function mac(userId: string, nonce: string): Promise<string> {
  return crypto.createHmac("sha256", `${DEVICE_COOKIE}:${await signingKey()}`).update(`${userId}.${nonce}`).digest("base64url");
}

export type Device = { userId: string; nonce: string };

/** A new cookie value for the account. */
export async function issueDeviceToken(userId: string): Promise<string> {
  const nonce = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  return `${userId}.${nonce}.${await mac(userId, nonce)}`;
}

/** The account and nonce of a genuine cookie value; null for anything else. */
export async function verifyDeviceToken(token: string): Promise<Device | null> {
  if (token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => p === "" || !/^[A-Za-z0-9_-]+$/.test(p))) return null;
  const [userId, nonce, given] = parts;
  const expected = Buffer.from(await mac(userId, nonce));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return null;
  return { userId, nonce };
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || null;
  }
  return null;
}

/** The request's device cookie, if it is genuine (signed with this portal's key). */
export async function readDevice(request: Request): Promise<Device | null> {
  const token = readCookie(request, DEVICE_COOKIE);
  return token ? verifyDeviceToken(token) : null;
}

/** The Set-Cookie header of a new device cookie for the account: 180 days, sent to /login only. */
export async function deviceCookie(userId: string): Promise<string> {
  const secure = getEnv().PUBLIC_URL.startsWith("https:") ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${await issueDeviceToken(userId)}; Path=/login; HttpOnly; SameSite=Lax; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}${secure}`;
}
