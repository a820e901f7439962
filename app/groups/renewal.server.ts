/**
 * Renewal of a group's registration, fiscal year by fiscal year (Asia/Tokyo):
 * - a registration is for one fiscal year and valid through March 31 23:59:59 (validUntil is
 *   April 1 00:00, exclusive); validity itself is computed from time in group.server.ts;
 * - renewal for the next fiscal year opens on February 1; a renewal submitted before validUntil
 *   sets renewalSubmittedAt on the current registration, which keeps it valid until staff decide;
 * - after a lapse, a late renewal is for the current fiscal year and counts from its approval;
 * - reminder mails from February 1 and again in the last week of March; a daily job records
 *   registrations that ended without renewal (endReason "expired", bookkeeping only).
 * Staff decisions on renewals are in group-review.server.ts.
 */
import type { Actor } from "../auth/permissions.ts";
import { groupScope } from "./access.server.ts";
import { now } from "../platform/clock.server.ts";
import { db, type Db, type Prisma } from "../platform/db.server.ts";
import { fiscalYearAt, fiscalYearLabel, formatIsoDate, lastValidDay, tokyoInstant, type IsoDate } from "../platform/dates.ts";
import { portalLink } from "../platform/mail.server.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { mailRepresentatives } from "./mail.server.ts";
import { fiscalYearValidity, registrationValidAt, registrationValidAtWhere, type RegistrationTimes } from "./group.server.ts";

type Tx = Prisma.TransactionClient | Db;

/** When renewal from fiscal year `fy` into fy + 1 opens: February 1 (Tokyo) of the calendar year fy + 1. */
export function renewalOpensAt(fy: number): Date {
  return tokyoInstant(`${fy + 1}-02-01`);
}

/** From this instant the second ("last week of March") reminder for fiscal year `fy` goes out. */
export function finalReminderAt(fy: number): Date {
  return tokyoInstant(`${fy + 1}-03-25`);
}

export type RegistrationRow = RegistrationTimes & {
  id: number;
  fiscalYear: number;
  kind: string;
  submittedAt: Date;
  endReason: string | null;
};

export type RenewalStatus =
  /** On time: renew the current registration into fiscal year `fiscalYear`. */
  | { kind: "open"; fiscalYear: number; current: RegistrationRow }
  /** After a lapse: a registration for the current fiscal year, valid from its approval. */
  | { kind: "late"; fiscalYear: number }
  | { kind: "notYet"; fiscalYear: number; opensOn: IsoDate }
  | { kind: "pending"; fiscalYear: number; submittedAt: Date }
  | { kind: "done"; fiscalYear: number }
  | { kind: "rejected"; fiscalYear: number }
  | { kind: "unavailable" };

/**
 * What the representative may do about renewal at an instant, from the group's state and all its
 * registrations. The one rule the page, the action and the tests share.
 */
export function renewalStatusOf(state: string, registrations: readonly RegistrationRow[], at: Date): RenewalStatus {
  if (state !== "active") return { kind: "unavailable" };
  const pending = registrations.find((r) => r.status === "pending");
  if (pending) return { kind: "pending", fiscalYear: pending.fiscalYear, submittedAt: pending.submittedAt };
  const fy = fiscalYearAt(at);
  const byYear = (year: number) => registrations.find((r) => r.fiscalYear === year);
  const current = registrations.find((r) => r.fiscalYear === fy && registrationValidAt(r, at));
  if (current) {
    const next = byYear(fy + 1);
    if (next?.status === "approved") return { kind: "done", fiscalYear: fy + 1 };
    if (next) return { kind: "rejected", fiscalYear: fy + 1 };
    if (at.getTime() < renewalOpensAt(fy).getTime()) return { kind: "notYet", fiscalYear: fy + 1, opensOn: `${fy + 1}-02-01` };
    return { kind: "open", fiscalYear: fy + 1, current };
  }
  if (registrations.some((r) => registrationValidAt(r, at))) {
    // Valid through another year's record (a first approval in February covers the next year).
    return { kind: "done", fiscalYear: fy };
  }
  const thisYear = byYear(fy);
  if (thisYear?.status === "rejected") return { kind: "rejected", fiscalYear: fy };
  if (thisYear) return { kind: "unavailable" };
  // Lapsed: ever registered and none ended by withdrawal or cancellation.
  const everApproved = registrations.some((r) => r.status === "approved");
  return everApproved ? { kind: "late", fiscalYear: fy } : { kind: "unavailable" };
}

/**
 * validFrom of an approved renewal: the start of its fiscal year when the group stayed registered
 * (on time, or kept valid by the pending renewal); otherwise the moment of approval.
 */
export function renewalValidFrom(fiscalYear: number, previous: RegistrationTimes | null, at: Date): Date {
  const { startsAt } = fiscalYearValidity(fiscalYear);
  if (previous && registrationValidAt(previous, at)) return startsAt;
  return at.getTime() > startsAt.getTime() ? at : startsAt;
}

const REGISTRATION_SELECT = {
  id: true,
  fiscalYear: true,
  kind: true,
  status: true,
  submittedAt: true,
  validFrom: true,
  validUntil: true,
  endedAt: true,
  endReason: true,
  renewalSubmittedAt: true,
  renewalDecidedAt: true,
} as const;

async function registrationsOf(client: Tx, groupId: number): Promise<RegistrationRow[]> {
  return client.groupRegistration.findMany({ where: { groupId }, select: REGISTRATION_SELECT, orderBy: { fiscalYear: "asc" } });
}

/** The group, when the person may renew its registration. */
function renewableGroup(client: Tx, actor: Actor, groupId: number) {
  return client.group.findFirst({ where: { id: groupId, ...groupScope(actor, "group:renew:own") }, select: { id: true, name: true, state: true } });
}

/** The renewal page's facts: the group's name and state and what may be done now (null: not the person's to renew). */
export async function renewalPage(actor: Actor, groupId: number, at: Date = now()) {
  const group = await renewableGroup(db, actor, groupId);
  if (!group) return null;
  const registrations = await registrationsOf(db, groupId);
  return { group, status: renewalStatusOf(group.state, registrations, at) };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export type RenewalSubmission =
  | { ok: true; registrationId: number; fiscalYear: number }
  | { ok: false; status: RenewalStatus }
  | { ok: false; notFound: true };

/**
 * Submits a renewal for a group the person may renew (else notFound). Re-reads the status
 * inside the transaction, so a double submission creates one record and the second is refused.
 */
export async function submitRenewal(actor: Actor, groupId: number): Promise<RenewalSubmission> {
  const at = now();
  try {
    return await db.$transaction(async (tx) => {
      const group = await renewableGroup(tx, actor, groupId);
      if (!group) return { ok: false as const, notFound: true as const };
      const status = renewalStatusOf(group.state, await registrationsOf(tx, groupId), at);
      if (status.kind !== "open" && status.kind !== "late") return { ok: false as const, status };
      const { validUntil } = fiscalYearValidity(status.fiscalYear);
      const created = await tx.groupRegistration.create({
        data: { groupId, fiscalYear: status.fiscalYear, kind: "renewal", status: "pending", submittedAt: at, validUntil },
      });
      // Submitted while the current registration is still within its year: it stays valid until decided.
      if (status.kind === "open" && at.getTime() < status.current.validUntil.getTime()) {
        await tx.groupRegistration.update({ where: { id: status.current.id }, data: { renewalSubmittedAt: at } });
      }
      await recordAudit(
        {
          actor,
          action: "group.renewal_submitted",
          targetType: "group",
          targetId: groupId,
          details: { registrationId: created.id, fiscalYear: status.fiscalYear, late: status.kind === "late" },
        },
        tx,
      );
      return { ok: true as const, registrationId: created.id, fiscalYear: status.fiscalYear };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const page = await renewalPage(actor, groupId, at);
    return page ? { ok: false, status: page.status } : { ok: false, notFound: true };
  }
}

/** The instant from which a registration of `fy` is due for its first or its final reminder, or null. */
export function reminderDue(fy: number, reminderSentAt: Date | null, at: Date): "first" | "final" | null {
  if (at.getTime() < renewalOpensAt(fy).getTime()) return null;
  const final = finalReminderAt(fy).getTime();
  if (at.getTime() >= final) return reminderSentAt === null || reminderSentAt.getTime() < final ? "final" : null;
  return reminderSentAt === null ? "first" : null;
}

/**
 * The "groups.renewal-reminders" job: from February 1, mails the representatives of each group
 * whose registration for the current fiscal year is valid and not yet renewed, once; and again
 * from March 25 (the last week of the year). reminderSentAt records the last reminder.
 */
export async function sendRenewalReminders(at: Date = now()): Promise<{ reminded: number; mails: number }> {
  const fy = fiscalYearAt(at);
  if (at.getTime() < renewalOpensAt(fy).getTime()) return { reminded: 0, mails: 0 };
  const final = finalReminderAt(fy);
  const due = await db.groupRegistration.findMany({
    where: {
      AND: [
        registrationValidAtWhere(at),
        { fiscalYear: fy, renewalSubmittedAt: null },
        { group: { state: "active", registrations: { none: { fiscalYear: fy + 1 } } } },
        at.getTime() >= final.getTime()
          ? { OR: [{ reminderSentAt: null }, { reminderSentAt: { lt: final } }] }
          : { reminderSentAt: null },
      ],
    },
    select: { id: true, groupId: true, validUntil: true, reminderSentAt: true, group: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  let reminded = 0;
  let mails = 0;
  for (const registration of due) {
    const kind = reminderDue(fy, registration.reminderSentAt, at);
    if (!kind) continue;
    mails += await db.$transaction(async (tx) => {
      // Claimed by a conditional update, so a reminder is never sent twice.
      const claimed = await tx.groupRegistration.updateMany({
        where: { id: registration.id, reminderSentAt: registration.reminderSentAt },
        data: { reminderSentAt: at },
      });
      if (claimed.count !== 1) return 0;
      const until = lastValidDay(registration.validUntil);
      return mailRepresentatives(tx, registration.groupId, kind === "final" ? "reminderFinal" : "reminder", (lang) => ({
        name: registration.group.name,
        until: formatIsoDate(until, lang),
        fy: fiscalYearLabel(fy + 1, lang),
        url: portalLink(`/my/groups/${registration.groupId}/renew`),
      }));
    });
    reminded += 1;
  }
  return { reminded, mails };
}

/**
 * The "groups.lapse" job: registrations past their validUntil with no renewal submitted in time
 * and no other ending get endReason "expired". Bookkeeping for the history only: validity is
 * computed from time, so the directory changes at the exact instant whether this ran or not.
 */
export async function markLapsedRegistrations(at: Date = now()): Promise<number> {
  const result = await db.groupRegistration.updateMany({
    where: { status: "approved", validUntil: { lte: at }, renewalSubmittedAt: null, endReason: null, endedAt: null },
    data: { endReason: "expired" },
  });
  return result.count;
}
