import { defineMessages, type MessageKeyOf } from "../i18n/index.ts";
import { districts } from "./messages.ja.ts";
import { districtsEn } from "./messages.en.ts";

/** The public list of districts (行政区) and a community centre's page. */
export const districtsMessages = defineMessages(districts, districtsEn);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof districtsMessages>;

declare module "../i18n/messages.ts" {
  interface RegisteredCatalogues {
    districts: typeof districts;
  }
}
