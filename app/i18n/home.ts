import { defineMessages } from "./messages.ts";
import { home } from "./home.ja.ts";
import { homeEn } from "./home.en.ts";

/** The home page. */
export const homeMessages = defineMessages(home, homeEn);

declare module "./messages.ts" {
  interface RegisteredCatalogues {
    home: typeof home;
  }
}
