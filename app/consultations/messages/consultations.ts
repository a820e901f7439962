import { defineMessages, type MessageKeyOf } from "../../i18n/index.ts";
import { consultations } from "./consultations.ja.ts";
import { consultationsEn } from "./consultations.en.ts";

/** Words every screen of public comment shares: states, channels, who may comment, sections, figures. */
export const consultationsMessages = defineMessages(consultations, consultationsEn);

export type MessageKey = MessageKeyOf<typeof consultationsMessages>;

declare module "../../i18n/messages.ts" {
  interface RegisteredCatalogues {
    consultations: typeof consultations;
  }
}
