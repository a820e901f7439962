/**
 * Rules of the group registry that the form, the import and the review share. Plain module:
 * the browser uses it to validate as the server does.
 */
import { UPLOAD_KINDS } from "../platform/uploads/kinds.ts";

export const GROUP_KINDS = ["npo", "volunteer", "other"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The 20 activity fields of NPO法 別表 (labels in the catalogue: groups.field.N). */
export const ACTIVITY_FIELDS = Array.from({ length: 20 }, (_, i) => i + 1);

/**
 * 法人番号 check digit (国税庁): the first of 13 digits is 9 − (Σ Pn·Qn mod 9) over the
 * 12-digit base, n counted from the right, Qn = 1 for odd n and 2 for even n.
 */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const base = value.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return Number(value[0]) === 9 - (sum % 9);
}

/** Computes the check digit for a 12-digit base (demo data and tests). */
export function withCheckDigit(base12: string): string {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base12[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${base12}`;
}

/**
 * Furigana: hiragana or katakana (full- or half-width), long vowel mark, middle dot and spaces.
 * Stored as full-width katakana.
 */
export function normalizeFurigana(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

export function isFurigana(normalized: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB\u3000 ]+$/.test(normalized);
}

/** The identity of a group without 法人番号: NFKC name and furigana, spaces removed. */
export function identityKeyOf(name: string, nameKana: string): string {
  const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return `${fold(name)}|${fold(normalizeFurigana(nameKana))}`;
}

export const GROUP_LIMITS = {
  name: 100,
  nameKana: 100,
  representativeName: 50,
  purpose: 2000,
  activities: 4000,
  meetingPlace: 200,
  url: 500,
  /** Municipal registration rules usually require at least five members. */
  minMembers: 5,
  maxMembers: 99_999,
  logoBytes: UPLOAD_KINDS.logo.maxBytes,
} as const;
