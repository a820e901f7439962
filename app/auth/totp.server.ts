/**
 * Second factor: TOTP (RFC 6238, the authenticator-app kind) and single-use recovery codes.
 * Time is read through the app's clock, so tests can set it; a code of the step before or
 * after the current one is accepted for phones whose clocks drift.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import {
  decodeBase32IgnorePadding,
  encodeBase32LowerCaseNoPadding,
  encodeBase32UpperCaseNoPadding,
  encodeHexLowerCase,
} from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from "@oslojs/otp";
import crypto from "node:crypto";
import QRCode from "qrcode";
import { city } from "../config/city.ts";
import { now } from "../platform/clock.server.ts";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;

/** 20 random bytes (RFC 4226's recommended 160 bits), base32 as authenticator apps expect. */
export function generateTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

function counterAt(at: Date): bigint {
  return BigInt(Math.floor(at.getTime() / (TOTP_PERIOD_SECONDS * 1000)));
}

/** The code an authenticator app shows at `at` (tests, and the demo's documentation). */
export function totpCodeAt(secret: string, at: Date = now()): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), counterAt(at), TOTP_DIGITS);
}

/**
 * The 30-second step whose code this is — the current step, or the one just before or after —
 * or null. The caller makes a code good once by accepting only steps after the last one used.
 */
export function totpStepOf(secret: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = decodeBase32IgnorePadding(secret);
  const counter = counterAt(now());
  let matched: number | null = null;
  // All three steps are checked (no early return), so timing does not say which matched.
  for (const step of [-1n, 0n, 1n]) {
    if (verifyHOTP(key, counter + step, TOTP_DIGITS, code)) matched = Number(counter + step);
  }
  return matched;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpKeyUri(accountName: string, secret: string): string {
  return createTOTPKeyURI(city.siteName.ja, accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The QR code of the URI as an SVG data URL (the CSP allows data: images; no script needed). */
export async function totpQrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** Ten codes such as "k3jd8-…": 50 random bits each, grouped for reading aloud and typing. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(7))).slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** Codes are compared without spaces, hyphens or case; only the SHA-256 is stored. */
export function hashRecoveryCode(code: string): string {
  const normalized = code.replace(/[\s-]/g, "").toLowerCase();
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalized)));
}
