import { defineMessages, type MessageKeyOf } from "../../i18n/index.ts";
import { groupsMessages } from "./groups.ts";
import { groupDirectory } from "./groupDirectory.ja.ts";
import { groupDirectoryEn } from "./groupDirectory.en.ts";

/** The public directory, a group's public page and open data. */
export const groupDirectoryMessages = defineMessages(groupDirectory, groupDirectoryEn, groupsMessages);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof groupDirectoryMessages>;

declare module "../../i18n/messages.ts" {
  interface RegisteredCatalogues {
    groupDirectory: typeof groupDirectory;
  }
}
