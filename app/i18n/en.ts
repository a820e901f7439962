/** English catalogue: every key of ja.ts, checked by the types of each area module. */
import type { MessageKey } from "./ja.ts";
import { accountEn } from "../accounts/messages.en.ts";
import { adminEn } from "../admin/messages.en.ts";
import { commonEn } from "./common.en.ts";
import { groupsEn } from "../groups/messages/groups.en.ts";
import { groupFormEn } from "../groups/messages/groupForm.en.ts";
import { groupReviewEn } from "../groups/messages/groupReview.en.ts";
import { groupDirectoryEn } from "../groups/messages/groupDirectory.en.ts";
import { groupImportEn } from "../groups/messages/groupImport.en.ts";

export const en: Record<MessageKey, string> = { ...commonEn, ...accountEn, ...adminEn, ...groupsEn, ...groupFormEn, ...groupReviewEn, ...groupDirectoryEn, ...groupImportEn };
