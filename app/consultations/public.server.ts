/**
 * What anyone may see of public comment: the list by where each consultation stands, one
 * consultation with its draft and how to comment, and the published results (Art. 43).
 *
 * Nothing here selects a commenter's name, address, email or account: the public pages cannot
 * show what they never load. A draft (not yet announced) does not exist for the public.
 */
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";
import { db, Prisma } from "../platform/db.server.ts";
import { quickRead } from "../platform/quick-read.server.ts";
import { markdownToHtml, renderDraft, type RenderedDraft } from "./draft.server.ts";
import { countComments, daysLeft, parseEligible, periodDays, periodDaysOf, publishedText, statusAt, type Status } from "./rules.ts";

const LISTED = { id: true, title: true, summary: true, section: true, state: true, opensAt: true, closesAt: true, resultsPublishedAt: true, withdrawnAt: true, withdrawalNotice: true } as const;

type Listed = {
  id: number;
  title: string;
  summary: string;
  section: string;
  state: string;
  opensAt: Date | null;
  closesAt: Date | null;
  resultsPublishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalNotice: string;
};

function periodOf(c: { opensAt: Date | null; closesAt: Date | null }) {
  if (!c.opensAt || !c.closesAt) return null;
  const days = periodDaysOf({ opensAt: c.opensAt, closesAt: c.closesAt });
  return { ...days, days: periodDays(days.firstDay, days.lastDay) };
}

function shapeListed(c: Listed, at: Date) {
  const status = statusAt(c, at);
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    section: c.section,
    status,
    period: periodOf(c),
    daysLeft: status === "open" && c.closesAt ? daysLeft({ closesAt: c.closesAt }, at) : null,
    resultsPublishedOn: c.resultsPublishedAt ? tokyoDate(c.resultsPublishedAt) : null,
    withdrawnOn: c.withdrawnAt ? tokyoDate(c.withdrawnAt) : null,
    withdrawalNotice: status === "withdrawn" ? c.withdrawalNotice : "",
  };
}

export type ListedConsultation = ReturnType<typeof shapeListed>;

/** The announced consultations by where they stand: open (closing first), upcoming, awaiting results, results, withdrawn. */
export async function publicConsultations(at: Date = now()) {
  const rows = await db.consultation.findMany({ where: { state: { not: "draft" } }, select: LISTED, orderBy: [{ closesAt: "desc" }, { id: "desc" }] });
  const all = rows.map((c) => shapeListed(c, at));
  const by = (status: Status) => all.filter((c) => c.status === status);
  return {
    open: by("open").sort((a, b) => (a.period && b.period ? a.period.lastDay.localeCompare(b.period.lastDay) : 0)),
    scheduled: by("scheduled").sort((a, b) => (a.period && b.period ? a.period.firstDay.localeCompare(b.period.firstDay) : 0)),
    closed: by("closed"),
    published: by("published"),
    withdrawn: by("withdrawn"),
  };
}

/**
 * The consultations taking comments at `at` (the home page's), closing soonest first: the same
 * rule as statusAt's "open" — announced, opened, not yet closed — in the query.
 */
export async function openConsultations(at: Date = now(), limit?: number) {
  const rows = await db.consultation.findMany({
    where: { state: "scheduled", opensAt: { lte: at }, closesAt: { gt: at } },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, title: true, opensAt: true, closesAt: true },
  });
  return rows.map((c) => ({ id: c.id, title: c.title, lastDay: periodDaysOf({ opensAt: c.opensAt!, closesAt: c.closesAt! }).lastDay, daysLeft: daysLeft({ closesAt: c.closesAt! }, at) }));
}

/**
 * Rendered drafts by consultation, kept while the draft's text is the same (the page is read far
 * more than edited). Judged by the text itself, not by the consultation's updatedAt, which every
 * comment's receipt counter moves: comparing two equal strings is far cheaper than rendering.
 */
const rendered = new Map<number, { draft: string; html: RenderedDraft }>();
const RENDERED_KEPT = 64;

function renderedDraft(id: number, draft: string): RenderedDraft {
  const hit = rendered.get(id);
  if (hit && hit.draft === draft) return hit.html;
  const html = renderDraft(draft);
  rendered.delete(id);
  if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value as number);
  rendered.set(id, { draft, html });
  return html;
}

const PUBLIC_SELECT = {
  ...LISTED,
  contact: true,
  draft: true,
  eligible: true,
  identityRequired: true,
  shortPeriodReason: true,
  files: { select: { id: true, kind: true, title: true, bytes: true }, orderBy: [{ kind: "asc" as const }, { position: "asc" as const }, { id: "asc" as const }] },
  _count: { select: { sections: true } },
} satisfies Prisma.ConsultationSelect;

type PublicRow = Listed & {
  contact: string;
  draft: string;
  eligible: string;
  identityRequired: boolean;
  shortPeriodReason: string;
  files: { id: number; kind: string; title: string; bytes: number }[];
  _count: { sections: number };
};

/**
 * What changes when anything the public page shows changes, read by one small statement: the
 * row's updatedAt (every edit by staff goes through Prisma's update, which sets it; taking a
 * comment raises the receipt counter by plain SQL, which does not) and its files (added and
 * removed without touching the row). Null when there is no such consultation. A quick read
 * (quick-read.server.ts): on SQLite it costs microseconds.
 */
async function publicVersion(id: number): Promise<{ version: string; updatedAt: number } | null> {
  const rows = await quickRead<{ updatedAt: Date | string; files: number | bigint; lastFile: number | bigint | null }>(Prisma.sql`
    SELECT c."updatedAt",
      (SELECT COUNT(*) FROM "ConsultationFile" f WHERE f."consultationId" = c."id") AS "files",
      (SELECT MAX(f."id") FROM "ConsultationFile" f WHERE f."consultationId" = c."id") AS "lastFile"
    FROM "Consultation" c WHERE c."id" = ${id}`);
  const row = rows[0];
  if (!row) return null;
  const updatedAt = new Date(row.updatedAt).getTime();
  return { version: `${updatedAt}:${Number(row.files)}:${Number(row.lastFile ?? 0)}`, updatedAt };
}

/**
 * A kept copy is trusted only once it was read well after the row's last edit: an edit stamps
 * updatedAt when Prisma builds it, so one committed a moment later — or two edits within one
 * millisecond — could carry the stamp the copy already has. For this long after an edit the row
 * is read again on every request (servers' clocks may differ a little too).
 */
const SETTLED_MS = 10_000;

/**
 * Consultations as their public page and comment form need them, kept per server while their
 * version (above) stays the same — the page is read, and its form posted, far more often than
 * staff edit it — so that a request costs one small statement instead of reading the draft, its
 * files and sections. Every request checks the version, so an edit on any server shows on the
 * next request everywhere; what depends on the instant (open or closed, days left) is worked out
 * per request from the kept row.
 */
const kept = new Map<number, { version: string; row: PublicRow; draft: RenderedDraft; trusted: boolean }>();
const KEPT = 64;

async function keptConsultation(id: number) {
  const read = await publicVersion(id);
  if (read === null) return null;
  const hit = kept.get(id);
  if (hit && hit.trusted && hit.version === read.version) return hit;
  const row = await db.consultation.findUnique({ where: { id }, select: PUBLIC_SELECT });
  if (!row) return null;
  // Kept under the version read before the row: a change in between makes the next request read again.
  const entry = { version: read.version, row, draft: renderedDraft(row.id, row.draft), trusted: Date.now() - read.updatedAt > SETTLED_MS };
  kept.delete(id);
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value as number);
  kept.set(id, entry);
  return entry;
}

/**
 * What the comment form of an announced consultation is checked against (who may comment, whether
 * name and address are required, its sections), from the kept consultation. Null for a draft or
 * none. Whether it is open is decided where the comment is stored (comments.server.ts).
 */
export async function commentRulesOf(id: number) {
  const c = (await keptConsultation(id))?.row;
  if (!c || c.state === "draft") return null;
  return { id: c.id, identityRequired: c.identityRequired, eligible: parseEligible(c.eligible), sectionCount: c._count.sections };
}

/** One announced consultation as its public page shows it, or null (not found, or still a draft). */
export async function publicConsultation(id: number, at: Date = now()) {
  const entry = await keptConsultation(id);
  if (!entry || entry.row.state === "draft") return null;
  const { row: c, draft } = entry;
  return {
    ...shapeListed(c, at),
    contact: c.contact,
    eligible: parseEligible(c.eligible),
    identityRequired: c.identityRequired,
    shortPeriodReason: c.shortPeriodReason,
    draft,
    sections: draft.sections.map((s) => ({ number: s.number, heading: s.heading })),
    files: c.files,
  };
}

export type PublicConsultation = NonNullable<Awaited<ReturnType<typeof publicConsultation>>>;

/**
 * Art. 43: the published results — title, the draft's publication date, the period, the number
 * of people and of comments and how many came by each channel, the summarised opinions with the
 * city's responses section by section and the comments under them (withheld passages replaced),
 * the changes with their reasons, the final text or its link. Null until published.
 */
export async function consultationResults(id: number, { preview = false }: { preview?: boolean } = {}) {
  const c = await db.consultation.findUnique({
    where: { id },
    select: {
      ...LISTED,
      finalText: true,
      finalTextUrl: true,
      sections: { select: { number: true, heading: true }, orderBy: { number: "asc" } },
      opinions: { select: { id: true, sectionNumber: true, summary: true, response: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
      changes: { select: { id: true, sectionNumber: true, change: true, reason: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!c || (c.state !== "published" && !preview)) return null;
  const comments = await db.consultationComment.findMany({
    where: { consultationId: id },
    select: { id: true, receiptNumber: true, channel: true, sectionNumber: true, body: true, duplicateOfId: true, identicalToId: true, opinionId: true, withholdings: { select: { passage: true } } },
    orderBy: { id: "asc" },
  });
  const counts = countComments(comments);
  const identicalCount = new Map<number, number>();
  for (const k of comments) if (k.identicalToId !== null && k.duplicateOfId === null) identicalCount.set(k.identicalToId, (identicalCount.get(k.identicalToId) ?? 0) + 1);
  const shown = comments
    .filter((k) => k.duplicateOfId === null && k.identicalToId === null)
    .map((k) => ({ id: k.id, opinionId: k.opinionId, sectionNumber: k.sectionNumber, text: publishedText(k.body, k.withholdings), identical: identicalCount.get(k.id) ?? 0 }));
  const groups = [...c.sections.map((s) => s.number), null].map((number) => ({
    number,
    heading: number === null ? null : (c.sections.find((s) => s.number === number)?.heading ?? ""),
    opinions: c.opinions
      .filter((o) => o.sectionNumber === number)
      .map((o) => ({ id: o.id, summary: o.summary, response: o.response, comments: shown.filter((k) => k.opinionId === o.id).map((k) => ({ text: k.text, identical: k.identical })) })),
    changes: c.changes.filter((ch) => ch.sectionNumber === number).map((ch) => ({ id: ch.id, change: ch.change, reason: ch.reason })),
  }));
  return {
    ...shapeListed(c, now()),
    counts,
    sections: groups.filter((g) => g.opinions.length > 0 || g.changes.length > 0),
    finalTextHtml: c.finalText ? markdownToHtml(c.finalText) : "",
    finalTextUrl: c.finalTextUrl,
  };
}

export type ConsultationResults = NonNullable<Awaited<ReturnType<typeof consultationResults>>>;
