/**
 * Rules for the Japanese data formats that several domains' forms check (groups, centres,
 * accounts): plain functions, so the browser checks exactly what the server does.
 */

/** Japanese numbers as written: 027-382-1111, 0273821111, 090-1234-5678 (after NFKC). */
export const PHONE = /^0\d{1,4}-\d{1,4}-\d{3,4}$|^0\d{9,10}$/;

/**
 * 法人番号 (国税庁): 13 digits whose first is the check digit 9 − (Σ Pn·Qn mod 9) over the
 * 12-digit base, n counted from the right, Qn = 1 for odd n and 2 for even n.
 */
export function isCorporateNumber(value: string): boolean {
  return /^\d{13}$/.test(value) && value === withCheckDigit(value.slice(1));
}

/** The 法人番号 of a 12-digit base, check digit first (demo data and tests). */
export function withCheckDigit(base12: string): string {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base12[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${base12}`;
}

/** An absolute http(s) address with a host: the only links the portal ever renders. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Addresses are compared trimmed and lower-cased (domain and local part alike, as carriers do). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
