import { defineMessages, type MessageKeyOf } from "../i18n/index.ts";
import { admin } from "./messages.ja.ts";
import { adminEn } from "./messages.en.ts";

/** The staff area: its shell, dashboard, users, districts and centres, outbox and audit log. */
export const adminMessages = defineMessages(admin, adminEn);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof adminMessages>;

declare module "../i18n/messages.ts" {
  interface RegisteredCatalogues {
    admin: typeof admin;
  }
}
