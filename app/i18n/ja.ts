/**
 * Japanese catalogue (the default language), assembled from one module per area so that
 * each feature owns its messages: app/i18n/messages/<area>.ja.ts beside <area>.en.ts.
 */
import { account } from "./messages/account.ja.ts";
import { admin } from "./messages/admin.ja.ts";
import { common } from "./messages/common.ja.ts";

export const ja = { ...common, ...account, ...admin } as const;

export type MessageKey = keyof typeof ja;
