/**
 * Schemas of the admins' account forms (/admin/users). Field names differ per form: the user
 * page shows several at once, and a field's name is its element id.
 */
import { z } from "zod";
import { ROLES } from "../auth/permissions.ts";
import { encodeMessage } from "../i18n/index.ts";
import { page, reason, text } from "../platform/forms/validation.ts";

export const roleChangeSchema = z.object({
  role: z.enum(ROLES),
  roleReason: reason({ required: true }),
});

export const activeChangeSchema = z.object({ statusReason: reason({ required: true }) });

const districtId = () => z.string().regex(/^\d{1,9}$/, { error: encodeMessage("errors.choice") });

export const representativeAddSchema = z.object({ linkDistrictId: districtId(), linkReason: reason({ required: true }) });
export const representativeRemoveSchema = z.object({ unlinkDistrictId: districtId(), unlinkReason: reason({ required: true }) });

export const USER_STATUSES = ["", "active", "inactive", "unverified"] as const;
export const USER_PAGE_SIZE = 50;

export const userSearchSchema = z.object({
  q: text(100, { required: false }).default(""),
  role: z.enum(["", ...ROLES]).default(""),
  status: z.enum(USER_STATUSES).default(""),
  page: page(),
});
