/**
 * The admin dashboard: "what waits". Each domain adds its cards (groups to review, comments
 * to moderate, support requests…) in its contributes.server.ts, each shown to those whose
 * permission it names, with its own count and the page that works it (decision 0017).
 */
import { can, type Actor } from "../auth/permissions.ts";
import type { DashboardCard } from "../platform/contributions.ts";
import { dashboardCards } from "../platform/domains.contributions.server.ts";
import type { AnyPlainKey } from "../i18n/index.ts";

export type QueueCard = { id: string; title: AnyPlainKey; href: string; count: number };

/** The cards this person may see, with how many items wait in each. */
export async function waitingQueues(actor: Actor, cards: readonly DashboardCard[] = dashboardCards()): Promise<QueueCard[]> {
  const visible = cards.filter((card) => can(actor, card.permission));
  const counts = await Promise.all(visible.map((card) => card.count()));
  return visible.map((card, i) => ({ id: card.id, title: card.title, href: card.href, count: counts[i] }));
}
