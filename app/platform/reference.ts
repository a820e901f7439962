/**
 * A reference a person can read out on the phone: 8 characters from an alphabet without the
 * look-alikes 0/O, 1/I/L and U/V, grouped 4-4 ("K7Q2-9XMP"). Each request gets one (the error
 * page shows it, the log lines carry it); 29^8 ≈ 5 × 10^11 values make a repeat among the
 * log's lines of a few days unlikely enough for support to find the right one.
 */
import { randomInt } from "node:crypto";

export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

export function shortReference(): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
