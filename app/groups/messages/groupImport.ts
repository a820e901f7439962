import { defineMessages, type MessageKeyOf } from "../../i18n/index.ts";
import { groupsMessages } from "./groups.ts";
import { groupImport } from "./groupImport.ja.ts";
import { groupImportEn } from "./groupImport.en.ts";

/** The group-list import's report and refusals. */
export const groupImportMessages = defineMessages(groupImport, groupImportEn, groupsMessages);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof groupImportMessages>;

declare module "../../i18n/messages.ts" {
  interface RegisteredCatalogues {
    groupImport: typeof groupImport;
  }
}
