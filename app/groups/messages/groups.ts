import { defineMessages, type KeySuffix, type MessageKeyOf, type T } from "../../i18n/index.ts";
import { groups } from "./groups.ja.ts";
import { groupsEn } from "./groups.en.ts";

/** The registry's kinds, activity fields, field labels and validation messages, shown by every group page. */
export const groupsMessages = defineMessages(groups, groupsEn);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof groupsMessages>;

type ActivityFieldKey = `groups.field.${KeySuffix<keyof typeof groups, "groups.field.">}`;
function isActivityFieldKey(key: string): key is ActivityFieldKey {
  return key.startsWith("groups.field.") && Object.prototype.hasOwnProperty.call(groups, key);
}

/** The name of activity field `n` (rules.ts numbers them 1–20); a number the catalogue lacks shows as itself. */
export function activityFieldLabel(t: T<typeof groupsMessages>, n: number): string {
  const key = `groups.field.${n}`;
  return isActivityFieldKey(key) ? t(key) : String(n);
}

declare module "../../i18n/messages.ts" {
  interface RegisteredCatalogues {
    groups: typeof groups;
  }
}
