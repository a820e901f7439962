/**
 * The registry of every domain's contributes.ts (decision 0017). Vite expands the glob when it
 * builds or serves the app, and so does vitest; a module that tsx loads on its own never
 * imports this file (the server takes the jobs from the app build instead).
 */
import type { AnyPlainKey, Messages } from "../i18n/index.ts";
import { byDomain, inOrder, type AdminNavEntry, type AuditTarget, type DomainContributions, type HomeSection } from "./contributions.ts";

const found = import.meta.glob<DomainContributions>("../*/contributes.ts", { eager: true, import: "contributions" });

export function domainContributions(): { domain: string; contributes: DomainContributions }[] {
  return byDomain(found);
}

/** Every domain's catalogues of contributed labels, for the handle of a shared screen that shows them. */
export function contributedMessages(): Messages[] {
  return [...new Set(domainContributions().flatMap(({ contributes }) => contributes.messages ?? []))];
}

/** Every domain's sections of the staff area, in their order. */
export function adminNavEntries(): AdminNavEntry[] {
  return inOrder(found, (c) => c.adminNav);
}

/** Audit action → the message that labels it, from every domain. */
export function auditActionLabels(): Map<string, AnyPlainKey> {
  return new Map(domainContributions().flatMap(({ contributes }) => Object.entries(contributes.auditActions ?? {})));
}

/** The kinds of target audit entries name, from every domain. */
export function auditTargets(): AuditTarget[] {
  return domainContributions().flatMap(({ contributes }) => contributes.auditTargets ?? []);
}

/** Every domain's blocks of the home page, most used first. */
export function homeSections(): HomeSection[] {
  return inOrder(found, (c) => c.home);
}
