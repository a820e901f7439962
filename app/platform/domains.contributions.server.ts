/**
 * The registry of every domain's contributes.server.ts (decision 0017): dashboard cards, the
 * account export and deletion, scheduled jobs, open-data files, the entries of home blocks. Found
 * by Vite's glob, like domains.contributions.ts.
 */
import { byDomain, inOrder, type AccountActivity, type AccountDataContribution, type DashboardCard, type HomeEntries, type OpenDataFile, type ServerContributions } from "./contributions.ts";
import type { Job } from "./jobs/scheduler.server.ts";

const found = import.meta.glob<ServerContributions>("../*/contributes.server.ts", { eager: true, import: "contributions" });

function serverContributions(): ServerContributions[] {
  return byDomain(found).map(({ contributes }) => contributes);
}

/** Every domain's dashboard cards, in their order. */
export function dashboardCards(): DashboardCard[] {
  return inOrder(found, (c) => c.dashboard);
}

/** Each domain's block of a person's own activity on the account page, in their order. */
export function accountActivities(): AccountActivity[] {
  return accountDataParts()
    .flatMap((part) => (part.activity ? [part.activity] : []))
    .sort((a, b) => a.order - b.order);
}

/** Each domain's part of the account export and deletion. */
export function accountDataParts(): AccountDataContribution[] {
  return serverContributions().flatMap((c) => (c.account ? [c.account] : []));
}

export function domainJobs(): Job[] {
  return serverContributions().flatMap((c) => c.jobs ?? []);
}

export function openDataFiles(): OpenDataFile[] {
  return serverContributions().flatMap((c) => c.openData ?? []);
}

/** The entries of home blocks, by the id of the block (HomeSection) they fill. */
export function homeEntries(): Map<string, HomeEntries> {
  return new Map(serverContributions().flatMap((c) => (c.home ?? []).map((e) => [e.section, e] as const)));
}
