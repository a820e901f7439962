/** The staff area's own dashboard cards (decision 0017): mail waiting in the outbox, and mail that failed. */
import type { ServerContributions } from "../platform/contributions.ts";
import { db } from "../platform/db.server.ts";

export const contributions = {
  dashboard: [
    {
      id: "outbox-pending",
      kind: "upkeep",
      permission: "outbox:read:any",
      title: "admin.dashboard.outboxPending",
      href: "/admin/outbox?status=pending",
      order: 30,
      count: () => db.outboxMail.count({ where: { status: "pending" } }),
    },
    {
      id: "outbox-failed",
      kind: "upkeep",
      permission: "outbox:read:any",
      title: "admin.dashboard.outboxFailed",
      href: "/admin/outbox?status=failed",
      order: 31,
      count: () => db.outboxMail.count({ where: { status: "failed" } }),
    },
  ],
} satisfies ServerContributions;
