/**
 * The rules of public comment (パブリックコメント), modelled on 行政手続法 Art. 39–43 as the city's
 * 要綱 applies them (../shared/docs/domain.md, README "Public comment and the law"). Plain
 * module: the staff form in the browser checks the period with the same functions.
 */
import { daysBetween, isIsoDate, tokyoDate, tokyoInstant, type IsoDate } from "../platform/dates.ts";

/** Who may comment, as the city's rules name them (市内在住・在勤・在学、市内の事業者・団体、利害関係者). */
export const COMMENTER_CATEGORIES = ["resident", "commuter", "business", "interested"] as const;
export type CommenterCategory = (typeof COMMENTER_CATEGORIES)[number];

/** How a comment arrived. Online ones come through the form; staff type in the others. */
export const CHANNELS = ["online", "post", "fax", "counter", "email"] as const;
export type Channel = (typeof CHANNELS)[number];
export const STAFF_CHANNELS = ["post", "fax", "counter", "email"] as const satisfies readonly Channel[];

/** What is stored; "open" and "closed" are not states but what the clock makes of "scheduled". */
export const STORED_STATES = ["draft", "scheduled", "withdrawn", "published"] as const;
export type StoredState = (typeof STORED_STATES)[number];

export const STATUSES = ["draft", "scheduled", "open", "closed", "published", "withdrawn"] as const;
export type Status = (typeof STATUSES)[number];

/** Art. 39(3): the period is at least 30 days, counted from (and including) the day of publication. */
export const MIN_PERIOD_DAYS = 30;

/** A comment's text (the form's limit). */
export const COMMENT_MAX = 10_000;

type Period = { state: string; opensAt: Date | string | null; closesAt: Date | string | null };

const time = (value: Date | string) => new Date(value).getTime();

/**
 * Where a consultation stands at an instant. A scheduled one opens at opensAt and closes at
 * closesAt by the clock alone: nobody has to remember (and no job has to run) for a comment to
 * be taken or refused.
 */
export function statusAt(c: Period, at: Date): Status {
  if (c.state === "draft" || c.state === "withdrawn" || c.state === "published") return c.state;
  if (!c.opensAt || !c.closesAt) return "draft";
  if (at.getTime() < time(c.opensAt)) return "scheduled";
  if (at.getTime() < time(c.closesAt)) return "open";
  return "closed";
}

/** Whether a comment may be taken at this instant — the only gate, whatever the client sends. */
export function acceptsComments(c: Period, at: Date): boolean {
  return statusAt(c, at) === "open";
}

/** The period's days, publication day and last day both counted: 12-01 to 12-30 is 30. */
export function periodDays(firstDay: IsoDate, lastDay: IsoDate): number {
  return daysBetween(firstDay, lastDay) + 1;
}

/** The instants of a period given by its first and last day (Tokyo): from 00:00 of the first to 24:00 of the last. */
export function periodInstants(firstDay: IsoDate, lastDay: IsoDate): { opensAt: Date; closesAt: Date } {
  const closesAt = tokyoInstant(lastDay);
  closesAt.setTime(closesAt.getTime() + 86_400_000);
  return { opensAt: tokyoInstant(firstDay), closesAt };
}

/** The first and last day (Tokyo) of a stored period. */
export function periodDaysOf(c: { opensAt: Date | string; closesAt: Date | string }): { firstDay: IsoDate; lastDay: IsoDate } {
  return { firstDay: tokyoDate(new Date(c.opensAt)), lastDay: tokyoDate(new Date(time(c.closesAt) - 1)) };
}

export type PeriodProblem = "firstDayInvalid" | "lastDayInvalid" | "lastBeforeFirst" | "firstDayPast" | "shortWithoutReason";

/**
 * What is wrong with a period, or null. Art. 39: at least 30 days; Art. 40: a shorter one only
 * with its reason, which is then published. A period may not start before today (the draft must be
 * published in advance of the comments it asks for).
 */
export function periodProblem(p: { firstDay: string; lastDay: string; shortPeriodReason: string }, today: IsoDate): PeriodProblem | null {
  if (!isIsoDate(p.firstDay)) return "firstDayInvalid";
  if (!isIsoDate(p.lastDay)) return "lastDayInvalid";
  if (p.lastDay < p.firstDay) return "lastBeforeFirst";
  if (p.firstDay < today) return "firstDayPast";
  if (periodDays(p.firstDay, p.lastDay) < MIN_PERIOD_DAYS && p.shortPeriodReason.trim() === "") return "shortWithoutReason";
  return null;
}

/** Days of the period left at an instant, today counted: on the last day it is 1. */
export function daysLeft(c: { closesAt: Date | string }, at: Date): number {
  return Math.max(0, daysBetween(tokyoDate(at), tokyoDate(new Date(time(c.closesAt) - 1))) + 1);
}

/** Whole days since the period ended (the day after the last day is 1). */
export function daysSinceClosing(c: { closesAt: Date | string }, at: Date): number {
  return Math.max(0, daysBetween(tokyoDate(new Date(time(c.closesAt) - 1)), tokyoDate(at)));
}

/** 受付番号: the consultation's id and the receipt's sequence in it, e.g. PC3-0042. */
export function receiptNumber(consultationId: number, sequence: number): string {
  return `PC${consultationId}-${String(sequence).padStart(4, "0")}`;
}

export function parseEligible(value: string): CommenterCategory[] {
  const given = new Set(value.split(","));
  return COMMENTER_CATEGORIES.filter((c) => given.has(c));
}

type Counted = { channel: string; duplicateOfId: number | null; identicalToId: number | null };

/**
 * The figures the results publish. People: every submission but a person's duplicate of their
 * own (organised identical submissions are each a person). Comments (意見数): the same, with each
 * set of identical submissions counted once. By channel: people per channel.
 */
export function countComments(comments: readonly Counted[]): { people: number; comments: number; byChannel: Record<Channel, number> } {
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  let people = 0;
  let opinions = 0;
  for (const c of comments) {
    if (c.duplicateOfId !== null) continue;
    people += 1;
    if (c.identicalToId === null) opinions += 1;
    if ((CHANNELS as readonly string[]).includes(c.channel)) byChannel[c.channel as Channel] += 1;
  }
  return { people, comments: opinions, byChannel };
}

/** Text shown in place of a withheld passage (Art. 43: parts whose publication would harm a third party). */
export const WITHHELD_MARK = "［一部非公開］";

/** The comment as it may be published: every withheld passage replaced by the mark. */
export function publishedText(body: string, withheld: readonly { passage: string }[]): string {
  return withheld.reduce((text, w) => (w.passage ? text.split(w.passage).join(WITHHELD_MARK) : text), body);
}
