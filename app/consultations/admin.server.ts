/**
 * Running a consultation, for staff: the list, creating and editing (the draft only until the
 * period opens), announcing (the period rule of Art. 39/40 checked again, the draft's sections
 * stored), taking an announcement back before it opens, and withdrawing with a published notice.
 * Every step takes the actor, checks consultation:manage:any and is audit-logged in its transaction.
 */
import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/permissions.ts";
import { can } from "../auth/permissions.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { now } from "../platform/clock.server.ts";
import type { WaitingItem } from "../platform/contributions.ts";
import { tokyoDate, tokyoInstant } from "../platform/dates.ts";
import { db, type Prisma } from "../platform/db.server.ts";
import type { ConsultationInput } from "./admin-forms.ts";
import { PERIOD_PROBLEM_FIELD, periodProblemMessage } from "./admin-forms.ts";
import { draftSections, renderDraft } from "./draft.server.ts";
import type { MessageKey } from "./messages/consultationAdmin.ts";
import { countComments, parseEligible, periodDaysOf, periodInstants, periodProblem, statusAt, type Status } from "./rules.ts";

type Tx = Prisma.TransactionClient;

export type StepResult = { ok: true } | { ok: false; reason: "forbidden" | "notFound" } | { ok: false; reason: "refused"; message: MessageKey; field?: string };

const refused = (message: MessageKey, field?: string): StepResult => ({ ok: false, reason: "refused", message, field });

export function mayManage(actor: Actor | null): actor is Actor {
  return can(actor, "consultation:manage:any");
}

/** Every consultation, newest first, with its status now, its period and its number of comments. */
export async function listConsultations(actor: Actor) {
  if (!mayManage(actor)) return [];
  const at = now();
  const rows = await db.consultation.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, state: true, opensAt: true, closesAt: true, _count: { select: { comments: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    title: c.title,
    status: statusAt(c, at),
    period: c.opensAt && c.closesAt ? periodDaysOf({ opensAt: c.opensAt, closesAt: c.closesAt }) : null,
    commentCount: c._count.comments,
  }));
}

/** A consultation as its staff page shows it, or null when there is none (or the actor may not see it). */
export async function consultationForStaff(actor: Actor, id: number) {
  if (!mayManage(actor)) return null;
  const c = await db.consultation.findUnique({
    where: { id },
    include: { sections: { orderBy: { number: "asc" } }, files: { orderBy: [{ kind: "asc" }, { position: "asc" }, { id: "asc" }] } },
  });
  if (!c) return null;
  const at = now();
  const counted = await db.consultationComment.findMany({ where: { consultationId: id }, select: { channel: true, duplicateOfId: true, identicalToId: true } });
  const status = statusAt(c, at);
  return {
    consultation: c,
    status,
    eligible: parseEligible(c.eligible),
    period: c.opensAt && c.closesAt ? periodDaysOf({ opensAt: c.opensAt, closesAt: c.closesAt }) : null,
    counts: countComments(counted),
    preview: c.draft ? renderDraft(c.draft) : null,
    today: tokyoDate(at),
    draftEditable: draftEditable(status),
  };
}

/** The draft (and its period, sections and files) may be changed only before the consultation opens. */
export function draftEditable(status: Status): boolean {
  return status === "draft" || status === "scheduled";
}

function consultationData(input: ConsultationInput) {
  const { opensAt, closesAt } = periodInstants(input.firstDay, input.lastDay);
  return {
    title: input.title,
    summary: input.summary,
    section: input.section,
    contact: input.contact,
    draft: input.draft,
    eligible: input.eligible.join(","),
    identityRequired: input.identityRequired,
    opensAt,
    closesAt,
    shortPeriodReason: input.shortPeriodReason,
  };
}

/** The draft's numbered sections, stored whenever the draft is saved (no comment can point at them yet). */
async function storeSections(tx: Tx, consultationId: number, draft: string) {
  await tx.consultationSection.deleteMany({ where: { consultationId } });
  const sections = draftSections(draft);
  if (sections.length) await tx.consultationSection.createMany({ data: sections.map((s) => ({ consultationId, number: s.number, heading: s.heading.slice(0, 200) })) });
  return sections.length;
}

/** What the audit entry records of a consultation's settings (no personal data: staff wrote all of it). */
function auditDetails(input: ConsultationInput, sections: number) {
  return { title: input.title, firstDay: input.firstDay, lastDay: input.lastDay, shortPeriod: input.shortPeriodReason !== "", eligible: input.eligible, identityRequired: input.identityRequired, sections };
}

export async function createConsultation(actor: Actor, input: ConsultationInput): Promise<{ ok: true; id: number } | { ok: false; reason: "forbidden" }> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  const id = await db.$transaction(async (tx) => {
    const created = await tx.consultation.create({ data: { ...consultationData(input), createdById: actor.id }, select: { id: true } });
    const sections = await storeSections(tx, created.id, input.draft);
    await recordAudit({ actor, action: "consultation.created", targetType: "consultation", targetId: created.id, details: auditDetails(input, sections) }, tx);
    return created.id;
  });
  return { ok: true, id };
}

/** Saves the consultation; refused once it has opened (the draft people comment on cannot change under them). */
export async function updateConsultation(actor: Actor, id: number, input: ConsultationInput): Promise<StepResult> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  return db.$transaction(async (tx): Promise<StepResult> => {
    const c = await tx.consultation.findUnique({ where: { id }, select: { state: true, opensAt: true, closesAt: true } });
    if (!c) return { ok: false, reason: "notFound" };
    if (!draftEditable(statusAt(c, now()))) return refused("consultationAdmin.errors.notEditable");
    await tx.consultation.update({ where: { id }, data: consultationData(input) });
    const sections = await storeSections(tx, id, input.draft);
    await recordAudit({ actor, action: "consultation.updated", targetType: "consultation", targetId: id, details: auditDetails(input, sections) }, tx);
    return { ok: true };
  });
}

/**
 * Announces a draft (公示): from then on the clock opens and closes it. The period is checked
 * again against today (a draft saved last month may now start in the past), and the sections
 * are stored from the draft as it stands.
 */
export async function scheduleConsultation(actor: Actor, id: number): Promise<StepResult> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  return db.$transaction(async (tx): Promise<StepResult> => {
    const c = await tx.consultation.findUnique({ where: { id }, select: { state: true, opensAt: true, closesAt: true, draft: true, shortPeriodReason: true } });
    if (!c) return { ok: false, reason: "notFound" };
    if (c.state !== "draft") return refused("consultationAdmin.errors.notDraft");
    if (!c.opensAt || !c.closesAt) return refused("consultationAdmin.errors.firstDayInvalid", "firstDay");
    const days = periodDaysOf({ opensAt: c.opensAt, closesAt: c.closesAt });
    const problem = periodProblem({ ...days, shortPeriodReason: c.shortPeriodReason }, tokyoDate(now()));
    if (problem) return refused(periodProblemMessage(problem), PERIOD_PROBLEM_FIELD[problem]);
    const sections = await storeSections(tx, id, c.draft);
    await tx.consultation.update({ where: { id }, data: { state: "scheduled", scheduledAt: now() } });
    await recordAudit({ actor, action: "consultation.scheduled", targetType: "consultation", targetId: id, details: { ...days, shortPeriod: c.shortPeriodReason !== "", sections } }, tx);
    return { ok: true };
  });
}

/** Takes an announcement back to draft, only before the period opens. */
export async function unscheduleConsultation(actor: Actor, id: number): Promise<StepResult> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  return db.$transaction(async (tx): Promise<StepResult> => {
    const c = await tx.consultation.findUnique({ where: { id }, select: { state: true, opensAt: true, closesAt: true } });
    if (!c) return { ok: false, reason: "notFound" };
    if (statusAt(c, now()) !== "scheduled") return refused("consultationAdmin.errors.notScheduled");
    await tx.consultation.update({ where: { id }, data: { state: "draft", scheduledAt: null } });
    await recordAudit({ actor, action: "consultation.unscheduled", targetType: "consultation", targetId: id }, tx);
    return { ok: true };
  });
}

/** Withdraws the consultation (the measure was dropped) with a notice that is published; any time before results are published. */
export async function withdrawConsultation(actor: Actor, id: number, notice: string): Promise<StepResult> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  return db.$transaction(async (tx): Promise<StepResult> => {
    const c = await tx.consultation.findUnique({ where: { id }, select: { state: true, opensAt: true, closesAt: true } });
    if (!c) return { ok: false, reason: "notFound" };
    const before = statusAt(c, now());
    if (before === "published" || before === "withdrawn") return refused("consultationAdmin.errors.notWithdrawable");
    await tx.consultation.update({ where: { id }, data: { state: "withdrawn", withdrawnAt: now(), withdrawalNotice: notice } });
    await recordAudit({ actor, action: "consultation.withdrawn", targetType: "consultation", targetId: id, details: { from: before } }, tx);
    return { ok: true };
  });
}

/** The form's values of a stored consultation. */
export function consultationFormValues(c: { title: string; summary: string; section: string; contact: string; draft: string; eligible: string; identityRequired: boolean; opensAt: Date | null; closesAt: Date | null; shortPeriodReason: string }) {
  const days = c.opensAt && c.closesAt ? periodDaysOf({ opensAt: c.opensAt, closesAt: c.closesAt }) : { firstDay: "", lastDay: "" };
  return {
    title: c.title,
    summary: c.summary,
    section: c.section,
    contact: c.contact,
    draft: c.draft,
    eligible: parseEligible(c.eligible),
    identityRequired: c.identityRequired ? "on" : "",
    firstDay: days.firstDay,
    lastDay: days.lastDay,
    shortPeriodReason: c.shortPeriodReason,
  };
}

/** Dashboard: announced consultations whose period has not begun. */
export async function countUpcoming(): Promise<number> {
  return db.consultation.count({ where: { state: "scheduled", opensAt: { gt: now() } } });
}

/** Dashboard: consultations taking comments now. */
export async function countOpen(): Promise<number> {
  const at = now();
  return db.consultation.count({ where: { state: "scheduled", opensAt: { lte: at }, closesAt: { gt: at } } });
}

/**
 * Dashboard: closed consultations without published results, each waiting since its last day
 * (the dashboard's days waited are then the days since closing: the day after the last is 1).
 */
export async function awaitingResults(actor: Actor): Promise<WaitingItem[]> {
  if (!mayManage(actor)) return [];
  const rows = await db.consultation.findMany({ where: { state: "scheduled", closesAt: { lte: now() } }, orderBy: { closesAt: "asc" }, select: { id: true, title: true, closesAt: true } });
  return rows.map((c) => ({ key: `consultation-${c.id}`, name: c.title, href: `/admin/consultations/${c.id}/results`, since: tokyoInstant(tokyoDate(new Date(c.closesAt!.getTime() - 1))) }));
}

/** The one-time key of a rendered comment form (a double click stores the comment once). */
export function newSubmissionKey(): string {
  return randomBytes(18).toString("base64url");
}
