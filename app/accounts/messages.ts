import { defineMessages, type MessageKeyOf } from "../i18n/index.ts";
import { account } from "./messages.ja.ts";
import { accountEn } from "./messages.en.ts";

/** Accounts: sign-up, log-in, two-factor, the account page and its mails. */
export const accountMessages = defineMessages(account, accountEn);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof accountMessages>;

declare module "../i18n/messages.ts" {
  interface RegisteredCatalogues {
    account: typeof account;
  }
}
