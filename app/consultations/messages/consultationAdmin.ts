import { defineMessages, type MessageKeyOf } from "../../i18n/index.ts";
import { consultationsMessages } from "./consultations.ts";
import { consultationAdmin } from "./consultationAdmin.ja.ts";
import { consultationAdminEn } from "./consultationAdmin.en.ts";

/** The staff screens of public comment, with the words every screen of it shares. */
export const consultationAdminMessages = defineMessages(consultationAdmin, consultationAdminEn, consultationsMessages);

export type MessageKey = MessageKeyOf<typeof consultationAdminMessages>;

declare module "../../i18n/messages.ts" {
  interface RegisteredCatalogues {
    consultationAdmin: typeof consultationAdmin;
  }
}
