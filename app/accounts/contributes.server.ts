/** Accounts' server-side contributions (decision 0017): the card of accounts that have not confirmed their address. */
import type { ServerContributions } from "../platform/contributions.ts";
import { db } from "../platform/db.server.ts";

export const contributions = {
  dashboard: [
    {
      id: "users-unverified",
      kind: "upkeep",
      permission: "user:manage:any",
      title: "admin.dashboard.usersUnverified",
      href: "/admin/users?status=unverified",
      order: 20,
      count: () => db.user.count({ where: { emailVerifiedAt: null, active: true } }),
    },
  ],
} satisfies ServerContributions;
