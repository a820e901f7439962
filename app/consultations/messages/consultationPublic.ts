import { defineMessages, type MessageKeyOf } from "../../i18n/index.ts";
import { consultationsMessages } from "./consultations.ts";
import { consultationPublic } from "./consultationPublic.ja.ts";
import { consultationPublicEn } from "./consultationPublic.en.ts";

/** The public pages of public comment: the list, a consultation with its form, the results, the feed. */
export const consultationPublicMessages = defineMessages(consultationPublic, consultationPublicEn, consultationsMessages);

export type MessageKey = MessageKeyOf<typeof consultationPublicMessages>;

declare module "../../i18n/messages.ts" {
  interface RegisteredCatalogues {
    consultationPublic: typeof consultationPublic;
  }
}
