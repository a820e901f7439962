/** English catalogue: every key of ja.ts, checked by the types of each area module. */
import type { MessageKey } from "./ja.ts";
import { accountEn } from "./messages/account.en.ts";
import { adminEn } from "./messages/admin.en.ts";
import { commonEn } from "./messages/common.en.ts";
import { groupsEn } from "./messages/groups.en.ts";
import { groupFormEn } from "./messages/groupForm.en.ts";
import { groupReviewEn } from "./messages/groupReview.en.ts";
import { groupDirectoryEn } from "./messages/groupDirectory.en.ts";
import { groupImportEn } from "./messages/groupImport.en.ts";

export const en: Record<MessageKey, string> = { ...commonEn, ...accountEn, ...adminEn, ...groupsEn, ...groupFormEn, ...groupReviewEn, ...groupDirectoryEn, ...groupImportEn };
