/**
 * Schemas of the staff area's own lists: the audit log's and the outbox's filters. Each one is
 * the loader's truth and the browser's mirror. The districts' and accounts' forms live with
 * their domains (districts/forms.ts, accounts/user-admin-forms.ts).
 */
import { z } from "zod";
import { encodeMessage } from "../i18n/index.ts";
import { isIsoDate } from "../platform/dates.ts";
import { halfWidth, page } from "../platform/forms/validation.ts";

const isoDate = halfWidth()
  .refine((v) => v === "" || isIsoDate(v), { error: encodeMessage("admin.errors.date") })
  .default("");

export const auditFilterSchema = z
  .object({
    actor: z.string().max(100).default(""),
    action: z.string().max(100).default(""),
    targetType: z.string().max(50).default(""),
    from: isoDate,
    to: isoDate,
    page: page(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: encodeMessage("admin.errors.dateOrder") });

export const OUTBOX_STATUSES = ["", "pending", "sending", "sent", "failed"] as const;
export const outboxFilterSchema = z.object({ status: z.enum(OUTBOX_STATUSES).default(""), page: page() });
