import { defineMessages, type MessageKeyOf } from "../../i18n/index.ts";
import { groupsMessages } from "./groups.ts";
import { groupForm } from "./groupForm.ja.ts";
import { groupFormEn } from "./groupForm.en.ts";

/** The representative's pages: the profile form, my groups, members, invitations, withdrawal. */
export const groupFormMessages = defineMessages(groupForm, groupFormEn, groupsMessages);

/** A key a function of this catalogue's domain may return for a page to show (no parameters). */
export type MessageKey = MessageKeyOf<typeof groupFormMessages>;

declare module "../../i18n/messages.ts" {
  interface RegisteredCatalogues {
    groupForm: typeof groupForm;
  }
}
