/**
 * Japanese catalogue (the default language), assembled from one module per area so that
 * each feature owns its messages: app/i18n/messages/<area>.ja.ts beside <area>.en.ts.
 */
import { account } from "./messages/account.ja.ts";
import { admin } from "./messages/admin.ja.ts";
import { common } from "./messages/common.ja.ts";
import { groups } from "./messages/groups.ja.ts";
import { groupForm } from "./messages/groupForm.ja.ts";
import { groupReview } from "./messages/groupReview.ja.ts";
import { groupDirectory } from "./messages/groupDirectory.ja.ts";
import { groupImport } from "./messages/groupImport.ja.ts";

export const ja = { ...common, ...account, ...admin, ...groups, ...groupForm, ...groupReview, ...groupDirectory, ...groupImport } as const;

export type MessageKey = keyof typeof ja;
