/**
 * Japanese catalogue (the default language), assembled from one module per area so that
 * each feature owns its messages: each domain's messages.ja.ts beside messages.en.ts.
 */
import { account } from "../accounts/messages.ja.ts";
import { admin } from "../admin/messages.ja.ts";
import { common } from "./common.ja.ts";
import { groups } from "../groups/messages/groups.ja.ts";
import { groupForm } from "../groups/messages/groupForm.ja.ts";
import { groupReview } from "../groups/messages/groupReview.ja.ts";
import { groupDirectory } from "../groups/messages/groupDirectory.ja.ts";
import { groupImport } from "../groups/messages/groupImport.ja.ts";

export const ja = { ...common, ...account, ...admin, ...groups, ...groupForm, ...groupReview, ...groupDirectory, ...groupImport } as const;

export type MessageKey = keyof typeof ja;
