/** Districts' server-side contributions (decision 0017): two dashboard cards and the person's district memberships in their data export. */
import type { ServerContributions } from "../platform/contributions.ts";
import { db } from "../platform/db.server.ts";

export const contributions = {
  dashboard: [
    {
      id: "districts-without-center",
      kind: "upkeep",
      permission: "district:manage:any",
      title: "admin.dashboard.districtsWithoutCenter",
      href: "/admin/districts?filter=no-center",
      order: 10,
      count: () => db.district.count({ where: { centers: { none: {} } } }),
    },
    {
      id: "districts-without-representative",
      kind: "upkeep",
      permission: "district:manage:any",
      title: "admin.dashboard.districtsWithoutRepresentative",
      href: "/admin/districts?filter=no-representative",
      order: 11,
      count: () => db.district.count({ where: { members: { none: {} } } }),
    },
  ],
  account: {
    export: async (userId) => {
      const memberships = await db.districtMembership.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { role: true, createdAt: true, district: { select: { id: true, code: true, name: true } } },
      });
      return { districtMemberships: memberships.map((m) => ({ district: m.district, role: m.role, since: m.createdAt })) };
    },
  },
} satisfies ServerContributions;
