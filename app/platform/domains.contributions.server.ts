/**
 * The registry of every domain's contributes.server.ts (decision 0017): dashboard cards, the
 * account export and deletion, scheduled jobs, open-data files. Found by Vite's glob, like
 * domains.contributions.ts.
 */
import { byDomain, type AccountDataContribution, type DashboardCard, type OpenDataFile, type ServerContributions } from "./contributions.ts";
import type { Job } from "./jobs/scheduler.server.ts";

const found = import.meta.glob<ServerContributions>("../*/contributes.server.ts", { eager: true, import: "contributions" });

export function serverContributions(): { domain: string; contributes: ServerContributions }[] {
  return byDomain(found);
}

/** Every domain's dashboard cards, in their order. */
export function dashboardCards(): DashboardCard[] {
  return serverContributions()
    .flatMap(({ contributes }) => contributes.dashboard ?? [])
    .sort((a, b) => a.order - b.order);
}

/** Each domain's part of the account export and deletion. */
export function accountDataParts(): { domain: string; part: AccountDataContribution }[] {
  return serverContributions().flatMap(({ domain, contributes }) => (contributes.account ? [{ domain, part: contributes.account }] : []));
}

export function domainJobs(): Job[] {
  return serverContributions().flatMap(({ contributes }) => contributes.jobs ?? []);
}

export function openDataFiles(): OpenDataFile[] {
  return serverContributions().flatMap(({ contributes }) => contributes.openData ?? []);
}
