import { defineMessages, type MessageKeyOf } from "../i18n/index.ts";
import { contact } from "./messages.ja.ts";
import { contactEn } from "./messages.en.ts";

/** The contact form and the mail it sends. */
export const contactMessages = defineMessages(contact, contactEn);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof contactMessages>;

declare module "../i18n/messages.ts" {
  interface RegisteredCatalogues {
    contact: typeof contact;
  }
}
