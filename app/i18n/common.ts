import { defineMessages } from "./messages.ts";
import { common } from "./common.ja.ts";
import { commonEn } from "./common.en.ts";

/** The layout, error pages and form messages: every page shows some of them. */
export const commonMessages = defineMessages(common, commonEn);

declare module "./messages.ts" {
  interface RegisteredCatalogues {
    common: typeof common;
  }
}
