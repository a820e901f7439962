import { defineMessages, type MessageKeyOf } from "../../i18n/index.ts";
import { groupsMessages } from "./groups.ts";
import { groupReview } from "./groupReview.ja.ts";
import { groupReviewEn } from "./groupReview.en.ts";

/** The staff review: queue, decisions, corrections, renewal, the 6-1 indicator and the registry's mails. */
export const groupReviewMessages = defineMessages(groupReview, groupReviewEn, groupsMessages);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof groupReviewMessages>;

declare module "../../i18n/messages.ts" {
  interface RegisteredCatalogues {
    groupReview: typeof groupReview;
  }
}
