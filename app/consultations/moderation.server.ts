/**
 * The comments of a consultation, for staff: the list (filtered, searched, 50 a page), a
 * comment with its sender's details, and moderation — a person's duplicate (not counted
 * again), one of an organised set of identical submissions (a person each, one comment for the
 * set), passages withheld with a reason (Art. 43) and lifted again. Nothing changes once the
 * results are published; every change is audit-logged without the sender's details.
 */
import type { Actor } from "../auth/permissions.ts";
import { can } from "../auth/permissions.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { now } from "../platform/clock.server.ts";
import { db, Prisma } from "../platform/db.server.ts";
import { COMMENT_PAGE_SIZE, type CommentFilter } from "./admin-forms.ts";
import type { StepResult } from "./admin.server.ts";
import type { MessageKey } from "./messages/consultationAdmin.ts";
import { publishedText, statusAt } from "./rules.ts";

const EXCERPT = 80;

const refused = (message: MessageKey, field?: string): StepResult => ({ ok: false, reason: "refused", message, field });

/** `LIKE` of a word anywhere in a text, its own % and _ taken literally (both databases: ESCAPE '\'). */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The filter as SQL conditions on the comment `c` (the same rules for both databases). */
function filterSql(consultationId: number, f: CommentFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`c."consultationId" = ${consultationId}`];
  if (f.section === "whole") where.push(Prisma.sql`c."sectionNumber" IS NULL`);
  else if (f.section !== null) where.push(Prisma.sql`c."sectionNumber" = ${f.section}`);
  if (f.channel) where.push(Prisma.sql`c."channel" = ${f.channel}`);
  if (f.mark === "duplicate") where.push(Prisma.sql`c."duplicateOfId" IS NOT NULL`);
  if (f.mark === "identical") where.push(Prisma.sql`c."identicalToId" IS NOT NULL`);
  if (f.mark === "withheld") where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ConsultationWithholding" w WHERE w."commentId" = c."id")`);
  if (f.mark === "ungrouped") where.push(Prisma.sql`c."duplicateOfId" IS NULL AND c."opinionId" IS NULL`);
  if (f.q) where.push(Prisma.sql`(c."receiptNumber" = ${f.q.toUpperCase()} OR c."body" LIKE ${containsPattern(f.q)} ESCAPE '\\')`);
  return Prisma.join(where, " AND ");
}

type ListedRow = {
  id: number | bigint;
  receiptNumber: string;
  receivedAt: Date | string;
  channel: string;
  sectionNumber: number | bigint | null;
  head: string;
  duplicateOfId: number | bigint | null;
  identicalToId: number | bigint | null;
  opinionId: number | bigint | null;
  withheld: number | bigint | boolean;
  total: number | bigint;
};

/**
 * One page of matching comments with the number of all that match, in one statement: the word
 * search reads each comment's text once, and only the excerpt's characters leave the database.
 */
function commentPage(where: Prisma.Sql, page: number): Promise<ListedRow[]> {
  return db.$queryRaw<ListedRow[]>`
    SELECT c."id", c."receiptNumber", c."receivedAt", c."channel", c."sectionNumber",
      SUBSTR(c."body", 1, ${EXCERPT + 1}) AS "head", c."duplicateOfId", c."identicalToId", c."opinionId",
      EXISTS (SELECT 1 FROM "ConsultationWithholding" w WHERE w."commentId" = c."id") AS "withheld",
      COUNT(*) OVER () AS "total"
    FROM "ConsultationComment" c
    WHERE ${where}
    ORDER BY c."id" ASC
    LIMIT ${COMMENT_PAGE_SIZE} OFFSET ${(page - 1) * COMMENT_PAGE_SIZE}`;
}

const orNull = (v: number | bigint | null) => (v === null ? null : Number(v));

/** The first EXCERPT characters of a text (as the database counts them), with … when it goes on. */
function excerptOf(head: string): string {
  const chars = Array.from(head);
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join("")}…` : head;
}

/** One page of a consultation's comments (receipt order), the page count and the total matching. */
export async function commentList(actor: Actor, consultationId: number, filter: CommentFilter) {
  if (!can(actor, "consultation:manage:any")) return null;
  const c = await db.consultation.findUnique({
    where: { id: consultationId },
    // Not the draft (up to 100,000 characters): the list needs the title, the status and the sections' names.
    select: { id: true, title: true, state: true, opensAt: true, closesAt: true, sections: { select: { number: true, heading: true }, orderBy: { number: "asc" } } },
  });
  if (!c) return null;
  const where = filterSql(consultationId, filter);
  let pageNo = filter.page;
  let rows = await commentPage(where, pageNo);
  let total = rows.length > 0 ? Number(rows[0].total) : 0;
  if (rows.length === 0 && pageNo > 1) {
    // Past the last page (an old link): count, then show the last page.
    const [counted] = await db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "ConsultationComment" c WHERE ${where}`;
    total = Number(counted?.total ?? 0);
    pageNo = Math.max(1, Math.ceil(total / COMMENT_PAGE_SIZE));
    rows = total > 0 ? await commentPage(where, pageNo) : [];
  }
  const pages = Math.max(1, Math.ceil(total / COMMENT_PAGE_SIZE));
  return {
    consultation: { id: c.id, title: c.title, status: statusAt(c, now()) },
    sections: c.sections.map((s) => ({ number: s.number, heading: s.heading })),
    total,
    page: pageNo,
    pages,
    comments: rows.map((r) => ({
      id: Number(r.id),
      receiptNumber: r.receiptNumber,
      receivedAt: new Date(r.receivedAt),
      channel: r.channel,
      sectionNumber: orNull(r.sectionNumber),
      duplicateOfId: orNull(r.duplicateOfId),
      identicalToId: orNull(r.identicalToId),
      opinionId: orNull(r.opinionId),
      excerpt: excerptOf(r.head),
      withheld: Boolean(Number(r.withheld)),
    })),
  };
}

/** A comment with its sender's details and moderation, for staff; null when not in this consultation. */
export async function commentForStaff(actor: Actor, consultationId: number, commentId: number) {
  if (!can(actor, "consultation:manage:any")) return null;
  const comment = await db.consultationComment.findFirst({
    where: { id: commentId, consultationId },
    include: { withholdings: { orderBy: { id: "asc" } }, consultation: { include: { sections: { orderBy: { number: "asc" } } } } },
  });
  if (!comment) return null;
  const refersTo = [comment.duplicateOfId, comment.identicalToId].filter((x): x is number => x !== null);
  const [originals, opinions] = await Promise.all([
    refersTo.length ? db.consultationComment.findMany({ where: { id: { in: refersTo } }, select: { id: true, receiptNumber: true } }) : [],
    db.consultationOpinion.findMany({ where: { consultationId }, orderBy: [{ sectionNumber: "asc" }, { position: "asc" }, { id: "asc" }], select: { id: true, sectionNumber: true, summary: true } }),
  ]);
  const receiptOf = (id: number | null) => (id === null ? null : (originals.find((o) => o.id === id)?.receiptNumber ?? null));
  const { consultation, ...rest } = comment;
  return {
    consultation: { id: consultation.id, title: consultation.title, status: statusAt(consultation, now()) },
    sections: consultation.sections.map((s) => ({ number: s.number, heading: s.heading })),
    comment: rest,
    duplicateOf: receiptOf(comment.duplicateOfId),
    identicalTo: receiptOf(comment.identicalToId),
    published: publishedText(comment.body, comment.withholdings),
    opinions,
    locked: consultation.state === "published",
  };
}

type Loaded = { id: number; consultationId: number; body: string; receiptNumber: string; consultation: { state: string } };

/** Loads the comment for a moderation step: permission, existence, and the results not yet published. */
async function moderated(tx: Prisma.TransactionClient, actor: Actor, consultationId: number, commentId: number): Promise<Loaded | StepResult> {
  if (!can(actor, "consultation:moderate:any")) return { ok: false, reason: "forbidden" };
  const comment = await tx.consultationComment.findFirst({
    where: { id: commentId, consultationId },
    select: { id: true, consultationId: true, body: true, receiptNumber: true, consultation: { select: { state: true } } },
  });
  if (!comment) return { ok: false, reason: "notFound" };
  if (comment.consultation.state === "published") return refused("consultationAdmin.errors.locked");
  return comment;
}

const isResult = (x: Loaded | StepResult): x is StepResult => "ok" in x;

/**
 * Marks a comment as the same person's duplicate of another receipt (counted neither as a
 * person nor as a comment) or as one of an organised identical set (a person, not a comment).
 * A duplicate leaves any opinion it was grouped under: it is not counted.
 */
export async function markComment(actor: Actor, consultationId: number, commentId: number, kind: "duplicate" | "identical", receipt: string): Promise<StepResult> {
  return db.$transaction(async (tx): Promise<StepResult> => {
    const comment = await moderated(tx, actor, consultationId, commentId);
    if (isResult(comment)) return comment;
    const original = await tx.consultationComment.findFirst({ where: { consultationId, receiptNumber: receipt }, select: { id: true, duplicateOfId: true, identicalToId: true } });
    if (!original) return refused("consultationAdmin.errors.receipt", "receipt");
    if (original.id === comment.id) return refused("consultationAdmin.errors.receiptSelf", "receipt");
    if (original.duplicateOfId !== null || original.identicalToId !== null) return refused("consultationAdmin.errors.receiptMarked", "receipt");
    const dependents = await tx.consultationComment.count({ where: { OR: [{ duplicateOfId: comment.id }, { identicalToId: comment.id }] } });
    if (dependents > 0) return refused("consultationAdmin.errors.hasDependents", "receipt");
    await tx.consultationComment.update({
      where: { id: comment.id },
      data: kind === "duplicate" ? { duplicateOfId: original.id, identicalToId: null, opinionId: null } : { identicalToId: original.id, duplicateOfId: null },
    });
    await recordAudit(
      {
        actor,
        action: kind === "duplicate" ? "consultation.comment_duplicate" : "consultation.comment_identical",
        targetType: "consultation_comment",
        targetId: comment.id,
        details: { consultationId, receiptNumber: comment.receiptNumber, of: receipt },
      },
      tx,
    );
    return { ok: true };
  });
}

/** Clears a duplicate or identical mark (the comment counts as its own again). */
export async function unmarkComment(actor: Actor, consultationId: number, commentId: number): Promise<StepResult> {
  return db.$transaction(async (tx): Promise<StepResult> => {
    const comment = await moderated(tx, actor, consultationId, commentId);
    if (isResult(comment)) return comment;
    const before = await tx.consultationComment.findUniqueOrThrow({ where: { id: comment.id }, select: { duplicateOfId: true, identicalToId: true } });
    if (before.duplicateOfId === null && before.identicalToId === null) return { ok: true };
    await tx.consultationComment.update({ where: { id: comment.id }, data: { duplicateOfId: null, identicalToId: null } });
    await recordAudit(
      {
        actor,
        action: before.duplicateOfId !== null ? "consultation.comment_duplicate" : "consultation.comment_identical",
        targetType: "consultation_comment",
        targetId: comment.id,
        details: { consultationId, receiptNumber: comment.receiptNumber, cleared: true },
      },
      tx,
    );
    return { ok: true };
  });
}

/** Art. 43: withholds a passage of the comment (it must occur in the text) from publication, with a reason. */
export async function withholdPassage(actor: Actor, consultationId: number, commentId: number, passage: string, reason: string): Promise<StepResult> {
  return db.$transaction(async (tx): Promise<StepResult> => {
    const comment = await moderated(tx, actor, consultationId, commentId);
    if (isResult(comment)) return comment;
    if (!comment.body.includes(passage)) return refused("consultationAdmin.errors.passageNotFound", "passage");
    const w = await tx.consultationWithholding.create({ data: { commentId: comment.id, passage, reason, createdById: actor.id }, select: { id: true } });
    await recordAudit(
      {
        actor,
        action: "consultation.comment_withheld",
        targetType: "consultation_comment",
        targetId: comment.id,
        reason,
        details: { consultationId, receiptNumber: comment.receiptNumber, withholdingId: w.id, characters: passage.length },
      },
      tx,
    );
    return { ok: true };
  });
}

/** Lifts a withholding: the passage is published again. */
export async function liftWithholding(actor: Actor, consultationId: number, commentId: number, withholdingId: number): Promise<StepResult> {
  return db.$transaction(async (tx): Promise<StepResult> => {
    const comment = await moderated(tx, actor, consultationId, commentId);
    if (isResult(comment)) return comment;
    const gone = await tx.consultationWithholding.deleteMany({ where: { id: withholdingId, commentId: comment.id } });
    if (gone.count === 0) return { ok: false, reason: "notFound" };
    await recordAudit(
      { actor, action: "consultation.comment_unwithheld", targetType: "consultation_comment", targetId: comment.id, details: { consultationId, receiptNumber: comment.receiptNumber, withholdingId } },
      tx,
    );
    return { ok: true };
  });
}
