/**
 * What a form posted, as the form shows it again after a refusal: every text value under its
 * name, a name posted several times (a checkbox group) as a list. Files, buttons and passwords
 * are never sent back, and each value is cut to KEPT_VALUE_MAX (a 1 MB paste is not echoed).
 * parseForm's refusals and the actions that refuse after validation (a rate limit, a conflict)
 * all use this one function.
 */
export type FormValues = Record<string, string | string[]>;

/** Twice the longest text any form takes (a 10,000-character comment): an overlong paste comes back whole, to be shortened. */
export const KEPT_VALUE_MAX = 20_000;

/** Names never kept: anything holding a password, and the submit buttons' intent. */
const NOT_KEPT = /password|^intent$/i;

export function keptValues(formData: FormData, { omit = [] }: { omit?: readonly string[] } = {}): FormValues {
  const values: FormValues = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || NOT_KEPT.test(name) || omit.includes(name)) continue;
    const kept = value.slice(0, KEPT_VALUE_MAX);
    const existing = values[name];
    values[name] = existing === undefined ? kept : Array.isArray(existing) ? [...existing, kept] : [existing, kept];
  }
  return values;
}

/** One value as a text input shows it (a name posted twice by a hand-made request: the first). */
export function textValue(values: FormValues | undefined, name: string): string {
  const value = values?.[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

/** The chosen values of a checkbox or radio group. */
export function listValue(values: FormValues | undefined, name: string): string[] {
  const value = values?.[name];
  return value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];
}
