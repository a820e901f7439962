/**
 * The password rules, in a plain module so that the browser's copy of a form schema applies
 * the same rules as the server (password.server.ts re-exports them beside the hashing).
 */
import { COMMON_PASSWORDS } from "./common-passwords.ts";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** NIST SP 800-63B: length and a blocklist, no composition rules. */
export function isCommonPassword(password: string): boolean {
  const folded = password.normalize("NFKC").toLowerCase();
  return COMMON_PASSWORDS.has(folded);
}
