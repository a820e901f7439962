/**
 * The admin dashboard. Each domain adds its cards in its contributes.server.ts, each shown to
 * those whose permission it names (decision 0017). What people wait for comes first, item by
 * item, oldest first, with the days each has waited; then the records staff keep in order;
 * then the figures they watch (decision 0028).
 */
import { can, type Actor } from "../auth/permissions.ts";
import type { DashboardCard, WaitingItem } from "../platform/contributions.ts";
import { dashboardCards } from "../platform/domains.contributions.server.ts";
import { now } from "../platform/clock.server.ts";
import { daysBetween, tokyoDate } from "../platform/dates.ts";
import type { AnyCountKey, AnyPlainKey } from "../i18n/index.ts";

export type QueueCard = {
  id: string;
  kind: DashboardCard["kind"];
  title: AnyPlainKey;
  href: string;
  count: number;
  /** The message showing the count with its unit. */
  countLabel: AnyCountKey;
  /** Waiting cards: the days the oldest item has waited (null when none waits). */
  oldestDays: number | null;
};

export type WaitingRow = { key: string; cardId: string; title: AnyPlainKey; name: string; href: string; since: Date; days: number };

/** How many waiting items the dashboard lists (the queues behind the cards hold all of them). */
export const WAITING_SHOWN = 20;

const KIND_ORDER: Record<DashboardCard["kind"], number> = { waiting: 0, upkeep: 1, figure: 2 };

/**
 * The dashboard for this person: the cards they may see (waiting ones first, the longest
 * wait first; then upkeep; then figures) and the oldest waiting items of every waiting card.
 */
export async function staffDashboard(actor: Actor, cards: readonly DashboardCard[] = dashboardCards(), at: Date = now()) {
  const today = tokyoDate(at);
  const visible = cards.filter((card) => can(actor, card.permission));
  type Result = { card: DashboardCard; items: WaitingItem[] | null; count: number };
  const results: Result[] = await Promise.all(
    visible.map(async (card): Promise<Result> => {
      if (card.kind !== "waiting") return { card, items: null, count: await card.count() };
      const items = [...(await card.waiting(actor))].sort((a, b) => a.since.getTime() - b.since.getTime());
      return { card, items, count: items.length };
    }),
  );
  const rows: WaitingRow[] = results
    .flatMap(({ card, items }) =>
      (items ?? []).map((item) => ({ ...item, key: `${card.id}:${item.key}`, cardId: card.id, title: card.title, days: daysBetween(tokyoDate(item.since), today) })),
    )
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.key.localeCompare(b.key));
  const queues = results.map(({ card, items, count }) => {
    const oldest = items?.[0]?.since ?? null;
    return {
      id: card.id,
      kind: card.kind,
      title: card.title,
      href: card.href,
      count,
      countLabel: card.kind === "waiting" ? "admin.dashboard.waitingCount" : (card.countLabel ?? "admin.dashboard.count"),
      oldestDays: oldest ? daysBetween(tokyoDate(oldest), today) : null,
      oldest: oldest?.getTime() ?? Number.POSITIVE_INFINITY,
      order: card.order,
    } satisfies QueueCard & { oldest: number; order: number };
  });
  queues.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.oldest - b.oldest || a.order - b.order);
  return {
    queues: queues.map(({ oldest: _oldest, order: _order, ...card }) => card),
    waiting: rows.slice(0, WAITING_SHOWN),
    waitingTotal: rows.length,
  };
}

/** The cards alone, in the dashboard's order. */
export async function waitingQueues(actor: Actor, cards: readonly DashboardCard[] = dashboardCards()): Promise<QueueCard[]> {
  return (await staffDashboard(actor, cards)).queues;
}
