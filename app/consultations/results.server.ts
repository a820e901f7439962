/**
 * The results of a consultation (Art. 43), for staff: summarised opinions (意見の概要) per section
 * with the city's response (市の考え方) and the comments grouped under each (a comment under at
 * most one), the changes made to the final text with their reasons, and publishing — only once
 * the period has closed, and only when every counted comment is under an opinion and every
 * opinion has its response. A person's duplicate is not counted and need not be grouped; one of
 * an identical set follows its original. Nothing changes after publishing; all is audit-logged.
 */
import type { Actor } from "../auth/permissions.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { now } from "../platform/clock.server.ts";
import { db, type Prisma } from "../platform/db.server.ts";
import type { ChangeInput, OpinionInput, PublishInput } from "./admin-forms.ts";
import { mayManage, type StepResult } from "./admin.server.ts";
import type { MessageKey } from "./messages/consultationAdmin.ts";
import { countComments, statusAt } from "./rules.ts";

type Tx = Prisma.TransactionClient;

const refused = (message: MessageKey, field?: string, count?: number): StepResult & { count?: number } => ({ ok: false, reason: "refused", message, field, count });

/** Comments that count and must be under an opinion before publishing. */
export const UNGROUPED: Prisma.ConsultationCommentWhereInput = { duplicateOfId: null, identicalToId: null, opinionId: null };

/** Everything the results page works with. */
export async function resultsWorkspace(actor: Actor, consultationId: number) {
  if (!mayManage(actor)) return null;
  const c = await db.consultation.findUnique({
    where: { id: consultationId },
    include: {
      sections: { orderBy: { number: "asc" } },
      opinions: { orderBy: [{ sectionNumber: "asc" }, { position: "asc" }, { id: "asc" }], include: { comments: { orderBy: { id: "asc" }, select: { id: true, receiptNumber: true } } } },
      changes: { orderBy: [{ sectionNumber: "asc" }, { position: "asc" }, { id: "asc" }] },
    },
  });
  if (!c) return null;
  const [ungrouped, counted] = await Promise.all([
    db.consultationComment.count({ where: { consultationId, ...UNGROUPED } }),
    db.consultationComment.findMany({ where: { consultationId }, select: { channel: true, duplicateOfId: true, identicalToId: true } }),
  ]);
  return {
    consultation: c,
    status: statusAt(c, now()),
    ungrouped,
    counts: countComments(counted),
    noResponse: c.opinions.filter((o) => o.response.trim() === "").length,
  };
}

/** The consultation, when it may still take results work (not published, not withdrawn). */
async function workable(tx: Tx, actor: Actor, consultationId: number): Promise<{ ok: true; sections: number } | StepResult> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  const c = await tx.consultation.findUnique({ where: { id: consultationId }, select: { state: true, _count: { select: { sections: true } } } });
  if (!c) return { ok: false, reason: "notFound" };
  if (c.state === "published" || c.state === "withdrawn") return refused("consultationAdmin.errors.locked");
  return { ok: true, sections: c._count.sections };
}

/**
 * Creates or updates a summarised opinion and sets which comments it groups: the receipts given
 * move under it (from any other opinion), those it held and no longer lists leave it.
 */
export async function saveOpinion(actor: Actor, consultationId: number, input: OpinionInput): Promise<StepResult & { id?: number }> {
  return db.$transaction(async (tx) => {
    const ok = await workable(tx, actor, consultationId);
    if (!("sections" in ok)) return ok;
    if (input.section !== null && input.section > ok.sections) return refused("consultations.errors.section" as MessageKey, "section");
    const comments = input.receipts.length
      ? await tx.consultationComment.findMany({ where: { consultationId, receiptNumber: { in: input.receipts } }, select: { id: true, duplicateOfId: true } })
      : [];
    if (comments.length !== new Set(input.receipts).size || comments.some((c) => c.duplicateOfId !== null)) return refused("consultationAdmin.errors.receipt", "receipts");
    let id = input.opinionId;
    if (id !== null) {
      const existing = await tx.consultationOpinion.findFirst({ where: { id, consultationId }, select: { id: true } });
      if (!existing) return { ok: false as const, reason: "notFound" as const };
      await tx.consultationOpinion.update({ where: { id }, data: { sectionNumber: input.section, summary: input.summary, response: input.response } });
    } else {
      const position = await tx.consultationOpinion.count({ where: { consultationId, sectionNumber: input.section } });
      id = (await tx.consultationOpinion.create({ data: { consultationId, sectionNumber: input.section, position, summary: input.summary, response: input.response }, select: { id: true } })).id;
    }
    const ids = comments.map((c) => c.id);
    await tx.consultationComment.updateMany({ where: { opinionId: id, id: { notIn: ids } }, data: { opinionId: null } });
    if (ids.length) await tx.consultationComment.updateMany({ where: { id: { in: ids } }, data: { opinionId: id } });
    await recordAudit(
      {
        actor,
        action: "consultation.opinion_saved",
        targetType: "consultation",
        targetId: consultationId,
        details: { opinionId: id, section: input.section, comments: input.receipts, responded: input.response !== "", created: input.opinionId === null },
      },
      tx,
    );
    return { ok: true as const, id };
  });
}

export async function deleteOpinion(actor: Actor, consultationId: number, opinionId: number): Promise<StepResult> {
  return db.$transaction(async (tx) => {
    const ok = await workable(tx, actor, consultationId);
    if (!("sections" in ok)) return ok;
    const existing = await tx.consultationOpinion.findFirst({ where: { id: opinionId, consultationId }, select: { id: true } });
    if (!existing) return { ok: false as const, reason: "notFound" as const };
    await tx.consultationComment.updateMany({ where: { opinionId }, data: { opinionId: null } });
    await tx.consultationOpinion.delete({ where: { id: opinionId } });
    await recordAudit({ actor, action: "consultation.opinion_deleted", targetType: "consultation", targetId: consultationId, details: { opinionId } }, tx);
    return { ok: true as const };
  });
}

/** Puts one comment under an opinion (leaving any other), or under none. A duplicate cannot be grouped. */
export async function assignComment(actor: Actor, consultationId: number, commentId: number, opinionId: number | null): Promise<StepResult> {
  return db.$transaction(async (tx) => {
    const ok = await workable(tx, actor, consultationId);
    if (!("sections" in ok)) return ok;
    const comment = await tx.consultationComment.findFirst({ where: { id: commentId, consultationId }, select: { id: true, receiptNumber: true, duplicateOfId: true } });
    if (!comment) return { ok: false as const, reason: "notFound" as const };
    if (opinionId !== null) {
      const opinion = await tx.consultationOpinion.findFirst({ where: { id: opinionId, consultationId }, select: { id: true } });
      if (!opinion) return refused("consultationAdmin.errors.opinion", "opinionId");
      if (comment.duplicateOfId !== null) return refused("consultationAdmin.errors.receiptMarked", "opinionId");
    }
    await tx.consultationComment.update({ where: { id: comment.id }, data: { opinionId } });
    await recordAudit(
      { actor, action: "consultation.comment_assigned", targetType: "consultation_comment", targetId: comment.id, details: { consultationId, receiptNumber: comment.receiptNumber, opinionId } },
      tx,
    );
    return { ok: true as const };
  });
}

export async function saveChange(actor: Actor, consultationId: number, input: ChangeInput): Promise<StepResult> {
  return db.$transaction(async (tx) => {
    const ok = await workable(tx, actor, consultationId);
    if (!("sections" in ok)) return ok;
    if (input.changeSection !== null && input.changeSection > ok.sections) return refused("consultations.errors.section" as MessageKey, "changeSection");
    const position = await tx.consultationChange.count({ where: { consultationId } });
    const change = await tx.consultationChange.create({ data: { consultationId, sectionNumber: input.changeSection, position, change: input.change, reason: input.reason }, select: { id: true } });
    await recordAudit({ actor, action: "consultation.change_saved", targetType: "consultation", targetId: consultationId, details: { changeId: change.id, section: input.changeSection } }, tx);
    return { ok: true as const };
  });
}

export async function deleteChange(actor: Actor, consultationId: number, changeId: number): Promise<StepResult> {
  return db.$transaction(async (tx) => {
    const ok = await workable(tx, actor, consultationId);
    if (!("sections" in ok)) return ok;
    const gone = await tx.consultationChange.deleteMany({ where: { id: changeId, consultationId } });
    if (gone.count === 0) return { ok: false as const, reason: "notFound" as const };
    await recordAudit({ actor, action: "consultation.change_deleted", targetType: "consultation", targetId: consultationId, details: { changeId } }, tx);
    return { ok: true as const };
  });
}

export type PublishResult = { ok: true } | { ok: false; reason: "forbidden" | "notFound" } | { ok: false; reason: "refused"; message: MessageKey; field?: string }
  | { ok: false; reason: "refused"; message: "consultationAdmin.errors.ungrouped" | "consultationAdmin.errors.noResponse"; count: number };

/**
 * Publishes the results (Art. 43): only when closed, with every counted comment under an
 * opinion and every opinion answered. Stores the time, the final text and/or its link.
 */
export async function publishResults(actor: Actor, consultationId: number, input: PublishInput): Promise<PublishResult> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  return db.$transaction(async (tx): Promise<PublishResult> => {
    const c = await tx.consultation.findUnique({ where: { id: consultationId }, select: { state: true, opensAt: true, closesAt: true } });
    if (!c) return { ok: false, reason: "notFound" };
    const status = statusAt(c, now());
    if (status === "published") return { ok: false, reason: "refused", message: "consultationAdmin.errors.alreadyPublished" };
    if (status !== "closed") return { ok: false, reason: "refused", message: "consultationAdmin.errors.notClosed" };
    const ungrouped = await tx.consultationComment.count({ where: { consultationId, ...UNGROUPED } });
    if (ungrouped > 0) return { ok: false, reason: "refused", message: "consultationAdmin.errors.ungrouped", count: ungrouped };
    const noResponse = await tx.consultationOpinion.count({ where: { consultationId, response: "" } });
    if (noResponse > 0) return { ok: false, reason: "refused", message: "consultationAdmin.errors.noResponse", count: noResponse };
    const counted = await tx.consultationComment.findMany({ where: { consultationId }, select: { channel: true, duplicateOfId: true, identicalToId: true } });
    const counts = countComments(counted);
    await tx.consultation.update({ where: { id: consultationId }, data: { state: "published", resultsPublishedAt: now(), finalText: input.finalText, finalTextUrl: input.finalTextUrl } });
    await recordAudit(
      {
        actor,
        action: "consultation.results_published",
        targetType: "consultation",
        targetId: consultationId,
        details: { people: counts.people, comments: counts.comments, byChannel: counts.byChannel, finalText: input.finalText !== "", finalTextUrl: input.finalTextUrl },
      },
      tx,
    );
    return { ok: true };
  });
}
