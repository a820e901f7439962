/**
 * The admin dashboard: "what waits". Each queue is one entry below, shown to those whose
 * permission it names; a later feature adds its queue (groups to review, comments to
 * moderate, support requests…) as one more entry, with its own count and the page that works it.
 */
import { can, type Actor, type Permission } from "../auth/permissions.ts";
import type { AnyPlainKey } from "../i18n/index.ts";
import { groupsRegisteredCount } from "../indicators/groups-registered.server.ts";
import { now } from "../platform/clock.server.ts";
import { db } from "../platform/db.server.ts";
import { countWaiting } from "../groups/review.server.ts";

export type Queue = {
  id: string;
  permission: Permission;
  /** Catalogue key of the card's title; the count is passed as {count}. */
  title: AnyPlainKey;
  /** Where the waiting items are listed. */
  href: string;
  count: () => Promise<number>;
};

export const QUEUES: readonly Queue[] = [
  {
    id: "districts-without-center",
    permission: "districts:manage",
    title: "admin.dashboard.districtsWithoutCenter",
    href: "/admin/districts?filter=no-center",
    count: () => db.district.count({ where: { centers: { none: {} } } }),
  },
  {
    id: "districts-without-representative",
    permission: "districts:manage",
    title: "admin.dashboard.districtsWithoutRepresentative",
    href: "/admin/districts?filter=no-representative",
    count: () => db.district.count({ where: { members: { none: {} } } }),
  },
  {
    id: "users-unverified",
    permission: "users:manage",
    title: "admin.dashboard.usersUnverified",
    href: "/admin/users?status=unverified",
    count: () => db.user.count({ where: { emailVerifiedAt: null, active: true } }),
  },
  {
    id: "outbox-pending",
    permission: "outbox:read",
    title: "admin.dashboard.outboxPending",
    href: "/admin/outbox?status=pending",
    count: () => db.outboxMail.count({ where: { status: "pending" } }),
  },
  {
    id: "outbox-failed",
    permission: "outbox:read",
    title: "admin.dashboard.outboxFailed",
    href: "/admin/outbox?status=failed",
    count: () => db.outboxMail.count({ where: { status: "failed" } }),
  },
  {
    id: "groups-new",
    permission: "admin:access",
    title: "groupReview.dashboard.new",
    href: "/admin/groups?kind=new",
    count: () => countWaiting("new"),
  },
  {
    id: "groups-change",
    permission: "admin:access",
    title: "groupReview.dashboard.change",
    href: "/admin/groups?kind=change",
    count: () => countWaiting("change"),
  },
  {
    id: "groups-renewal",
    permission: "admin:access",
    title: "groupReview.dashboard.renewal",
    href: "/admin/groups?kind=renewal",
    count: () => countWaiting("renewal"),
  },
  {
    // Not a queue but the figure staff watch: indicator 6-1 as of now, with the groups it counts.
    id: "groups-registered",
    permission: "admin:access",
    title: "groupReview.dashboard.indicator",
    href: "/admin/indicators/groups",
    count: () => groupsRegisteredCount(now()),
  },
];

export type QueueCard = { id: string; title: AnyPlainKey; href: string; count: number };

/** The queues this person may work, with how many items wait in each. */
export async function waitingQueues(actor: Actor, queues: readonly Queue[] = QUEUES): Promise<QueueCard[]> {
  const visible = queues.filter((q) => can(actor, q.permission));
  const counts = await Promise.all(visible.map((q) => q.count()));
  return visible.map((q, i) => ({ id: q.id, title: q.title, href: q.href, count: counts[i] }));
}
