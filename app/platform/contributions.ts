/**
 * What a domain may add to the screens and processes every domain shares, declared in the
 * domain's own files (docs/decisions/0017-domain-contributions.md):
 *
 *   app/<domain>/contributes.ts          DomainContributions (plain data, the browser may load it)
 *   app/<domain>/contributes.server.ts   ServerContributions (counts, export, deletion, jobs, open data)
 *
 * The registries (domains.contributions*.ts) find those files by name; adding a domain adds
 * its own files and edits no list here.
 */
import type { Actor, Permission } from "../auth/permissions.ts";
import type { AnyCountKey, AnyPlainKey, Lang, Messages } from "../i18n/index.ts";
import type { Prisma } from "./db.server.ts";
import type { Job } from "./jobs/scheduler.server.ts";

/** A section of the staff area's navigation; `order` places it among every domain's (lower first). */
export type AdminNavEntry = { to: string; label: AnyPlainKey; permission: Permission; order: number; end?: boolean };

/** A kind of thing audit entries name: its label, and its staff page when an id has one. */
export type AuditTarget = { type: string; label: AnyPlainKey; page?: (id: string) => string | null };

/**
 * A block of the home page: what a resident can do with the domain. "main" blocks are the big
 * ones at the top (find a group, register one, and as they arrive: comment on consultations,
 * join events), "more" ones a row of smaller entries below; `order` places each among every
 * domain's (lower first: the most used first).
 */
export type HomeSection = {
  id: string;
  size: "main" | "more";
  order: number;
  title: AnyPlainKey;
  body: AnyPlainKey;
  /** The page the title leads to. */
  href: string;
  /** A search box that sends its words as `name` to `action` (GET): a plain label, examples in its hint. */
  search?: { action: string; name: string; label: AnyPlainKey; hint?: AnyPlainKey; button: AnyPlainKey };
  /**
   * Entries from the records listed in the block (open consultations, events soon), which the
   * domain's server part gives (ServerContributions.home, under this block's id): the list's
   * heading, the one line shown when there is none, and the link to all of them (to `href`).
   */
  entries?: { heading: AnyPlainKey; none: AnyPlainKey; all: AnyPlainKey };
};

/** An entry a home block lists: a link and one line of facts, in the reader's language. */
export type HomeEntry = { key: string; title: string; href: string; note: string };

/** At most this many entries in a home block; its link to all of them leads to the rest. */
export const HOME_ENTRIES_MAX = 3;

/**
 * The entries of a home block (the HomeSection whose id is `section`), read when the home page
 * loads: the first `limit` in the domain's own order at the instant `at`.
 */
export type HomeEntries = { section: string; entries: (args: { lang: Lang; at: Date; limit: number }) => Promise<HomeEntry[]> };

export type DomainContributions = {
  /**
   * The catalogues that hold the labels below and those of the domain's server contributions
   * (dashboard cards, deletion refusals, open-data titles): the shared screens that show them load
   * these, so no page lists another domain's catalogue.
   */
  messages?: readonly Messages[];
  /** Every action the domain records in the audit log, with its label (the domain's message). */
  auditActions?: Readonly<Record<string, AnyPlainKey>>;
  auditTargets?: readonly AuditTarget[];
  adminNav?: readonly AdminNavEntry[];
  home?: readonly HomeSection[];
};

/** One thing a person is waiting for staff to act on (an application, a request), and since when. */
export type WaitingItem = { key: string; name: string; href: string; since: Date };

type CardBase = {
  id: string;
  permission: Permission;
  /** Message of the card's title. */
  title: AnyPlainKey;
  href: string;
  order: number;
};

/**
 * A card on the staff dashboard, of one of three kinds (decision 0028):
 * - "waiting": people wait for staff (applications, requests). The card gives its items with
 *   the date each began waiting, oldest first; the dashboard lists every card's items together,
 *   oldest first, with the days each has waited.
 * - "upkeep": records staff keep in order (districts without a representative, failed mail):
 *   nobody is waiting, so a count only, after what people wait for.
 * - "figure": a figure staff watch (an indicator), with its unit.
 */
export type DashboardCard =
  | (CardBase & { kind: "waiting"; waiting: (actor: Actor) => Promise<WaitingItem[]> })
  | (CardBase & {
      kind: "upkeep" | "figure";
      /** Message showing the count with its unit ({count}); upkeep defaults to "{count} 件". */
      countLabel?: AnyCountKey;
      count: () => Promise<number>;
    });

/** The account being deleted, as the deletion steps see it (the row still exists). */
export type AccountBeingDeleted = { id: string; role: string; addresses: readonly string[] };

/** One thing the person did in a domain, as their account page lists it (a comment sent, a place booked). */
export type AccountActivityItem = {
  /** Where the thing is seen (the consultation, the event). */
  href: string;
  title: string;
  /** When it was done: an ISO instant. */
  at: string;
  /** Its reference as the domain gave it (a receipt number). */
  reference: string;
  /** A message of the domain saying where it stands (received, results published), if any. */
  state?: AnyPlainKey;
  /** A short excerpt of what the person wrote, if anything. */
  excerpt?: string;
};

/** A block of the account page: what the person did in one domain, newest first. */
export type AccountActivity = {
  id: string;
  order: number;
  title: AnyPlainKey;
  /** Said when the list is empty. */
  empty: AnyPlainKey;
  /** Names the reference ("受付番号"). */
  referenceLabel: AnyPlainKey;
  list: (userId: string) => Promise<AccountActivityItem[]>;
};

export type AccountDataContribution = {
  /** What the person did in the domain, shown on their account page (and nobody else's). */
  activity?: AccountActivity;
  /** The person's data the domain holds, under keys of the export that no other domain uses. */
  export?: (userId: string) => Promise<Record<string, unknown>>;
  /**
   * A rule that may stop a deletion for now: the message telling the person what to do first,
   * or null. A read only; every domain's check runs before anything changes.
   */
  deletionCheck?: (userId: string) => Promise<AnyPlainKey | null>;
  /** Runs inside deleteAccount's transaction, before the account row (and what cascades with it) goes. */
  onDelete?: (tx: Prisma.TransactionClient, account: AccountBeingDeleted) => Promise<void>;
};

/** An open-data file served at /opendata/<file>. */
export type OpenDataFile = {
  file: string;
  format: "csv" | "json";
  /** Message naming the data set, for lists of the portal's open data. */
  title: AnyPlainKey;
  respond: (at: Date) => Promise<Response>;
};

export type ServerContributions = {
  dashboard?: readonly DashboardCard[];
  home?: readonly HomeEntries[];
  account?: AccountDataContribution;
  jobs?: readonly Job[];
  openData?: readonly OpenDataFile[];
};

/**
 * The registries' view of a glob result: one entry per domain folder, in name order (so every
 * process lists them alike). `../groups/contributes.ts` belongs to "groups".
 */
export function byDomain<C>(modules: Record<string, C>): { domain: string; contributes: C }[] {
  return Object.entries(modules)
    .map(([file, contributes]) => ({ domain: file.split("/").at(-2) ?? file, contributes }))
    .sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}

/** One kind of contribution from every domain, placed by the `order` each entry declares. */
export function inOrder<C, T extends { order: number }>(modules: Record<string, C>, pick: (contributes: C) => readonly T[] | undefined): T[] {
  return byDomain(modules)
    .flatMap(({ contributes }) => pick(contributes) ?? [])
    .sort((a, b) => a.order - b.order);
}
