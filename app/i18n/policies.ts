import { defineMessages } from "./messages.ts";
import { policies } from "./policies.ja.ts";
import { policiesEn } from "./policies.en.ts";

/** The accessibility and privacy policy pages. */
export const policiesMessages = defineMessages(policies, policiesEn);

declare module "./messages.ts" {
  interface RegisteredCatalogues {
    policies: typeof policies;
  }
}
