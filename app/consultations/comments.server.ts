/**
 * Taking a comment: online through the form, or typed in by staff from post, fax, the counter
 * or mail. Both give a receipt number from the same sequence and count alike in the results.
 *
 * The period is checked inside the transaction that stores the comment, against the server's
 * clock: nothing is stored before opening or after closing, whatever the client sends. A form
 * carries a one-time key, so the same form sent twice (a double click, a resent request) is
 * stored once and answers with the first receipt.
 */
import type { Actor } from "../auth/permissions.ts";
import { can } from "../auth/permissions.ts";
import { translator } from "../i18n/index.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { now } from "../platform/clock.server.ts";
import { formatInstant, tokyoInstant } from "../platform/dates.ts";
import { db, isUniqueViolation, Prisma, type Db } from "../platform/db.server.ts";
import { all, hotWrite, run, type Steps } from "../platform/hot-write.server.ts";
import { bilingualText, enqueueMailStep, portalLink } from "../platform/mail.server.ts";
import type { CommentInput, StaffCommentInput } from "./forms.ts";
import { consultationsMessages } from "./messages/consultations.ts";
import { acceptsComments, receiptNumber, statusAt, type Channel } from "./rules.ts";

type Tx = Prisma.TransactionClient;

export type Receipt = { receiptNumber: string; receivedAt: Date };

export type TakeResult = { ok: true; receipt: Receipt; repeated: boolean } | { ok: false; reason: "notFound" | "notOpen" };

type Raised = { id: number; title: string; state: string; opensAt: Date | null; closesAt: Date | null; lastReceipt: number };

type RaisedRow = { id: number | bigint; title: string; state: string; opensAt: Date | string | null; closesAt: Date | string | null; lastReceipt: number | bigint };

/**
 * One atomic increment of the consultation's receipt counter, reading back what taking a comment
 * checks. Plain SQL rather than Prisma's update, which would also move the row's updatedAt: that
 * is the public page's version (public.server.ts), and a comment changes nothing the page shows.
 */
const raiseSql = (consultationId: number) => Prisma.sql`
    UPDATE "Consultation" SET "lastReceipt" = "lastReceipt" + 1 WHERE "id" = ${consultationId}
    RETURNING "id", "title", "state", "opensAt", "closesAt", "lastReceipt"`;

/** The raised row as taking a comment reads it (null when there is no such consultation). */
function raised(row: RaisedRow | undefined): Raised | null {
  if (!row) return null;
  const instant = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { id: Number(row.id), title: row.title, state: row.state, opensAt: instant(row.opensAt), closesAt: instant(row.closesAt), lastReceipt: Number(row.lastReceipt) };
}

async function raiseReceiptCounter(tx: Tx, consultationId: number): Promise<Raised | null> {
  return raised((await tx.$queryRaw<RaisedRow[]>(raiseSql(consultationId)))[0]);
}

/** The next receipt number of the consultation. */
async function nextReceipt(tx: Tx, consultationId: number): Promise<string> {
  const raised = await raiseReceiptCounter(tx, consultationId);
  if (!raised) throw new Error(`consultation ${consultationId} vanished while taking a comment`);
  return receiptNumber(consultationId, raised.lastReceipt);
}

/** What every comment stores of its form, however it came: the text, the sender, the section, the one-time key. */
function commentRow(consultationId: number, receipt: Receipt, input: CommentInput) {
  return {
    consultationId,
    ...receipt,
    sectionNumber: input.section,
    body: input.body,
    category: input.category,
    name: input.name,
    address: input.address,
    email: input.email,
    submissionKey: input.submissionKey || null,
  };
}

/**
 * Stores a comment from the form by one plain INSERT (a fifth of what Prisma's create costs, on
 * the path a contested consultation's last days load). The one-time key's unique index refuses
 * a second copy of the same form (isUniqueViolation knows the plain-SQL form of that refusal).
 */
function insertOnlineComment(row: ReturnType<typeof commentRow> & { channel: "online"; userId: string | null }) {
  return run(Prisma.sql`
    INSERT INTO "ConsultationComment"
      ("consultationId", "receiptNumber", "receivedAt", "channel", "sectionNumber", "body", "category", "name", "address", "email", "userId", "submissionKey", "createdAt")
    VALUES (${row.consultationId}, ${row.receiptNumber}, ${row.receivedAt}, ${row.channel}, ${row.sectionNumber}, ${row.body}, ${row.category},
      ${row.name}, ${row.address}, ${row.email}, ${row.userId}, ${row.submissionKey}, ${new Date()})`);
}

async function earlierSubmission(client: Tx | Db, consultationId: number, submissionKey: string): Promise<Receipt | null> {
  if (!submissionKey) return null;
  return client.consultationComment.findUnique({
    where: { consultationId_submissionKey: { consultationId, submissionKey } },
    select: { receiptNumber: true, receivedAt: true },
  });
}

/**
 * Runs a transaction that stores a form's comment, once per one-time key: when two copies of the
 * form race, the one that loses on the unique key answers with the receipt the other stored.
 */
async function oncePerForm<R>(consultationId: number, submissionKey: string, store: () => Promise<R | TakeResult>): Promise<R | TakeResult> {
  try {
    return await store();
  } catch (error) {
    if (!isUniqueViolation(error) || !submissionKey) throw error;
    const earlier = await earlierSubmission(db, consultationId, submissionKey);
    if (!earlier) throw error;
    return { ok: true, receipt: earlier, repeated: true };
  }
}

function receiptMail(to: string, consultation: { id: number; title: string }, receipt: Receipt) {
  const block = (lang: "ja" | "en") => {
    const t = translator(lang, consultationsMessages);
    return t("consultations.mail.receipt.body", {
      title: consultation.title,
      receipt: receipt.receiptNumber,
      at: formatInstant(receipt.receivedAt, lang),
      url: portalLink(`/consultations/${consultation.id}`),
    });
  };
  return {
    to,
    subject: translator("ja", consultationsMessages)("consultations.mail.receipt.subject", { receipt: receipt.receiptNumber }),
    text: bilingualText(block),
  };
}

/**
 * A comment sent through the portal's form, by anyone (userId when logged in). Refused unless
 * the consultation is open at this instant; a repeated form answers with its first receipt.
 */
export async function submitComment(consultationId: number, input: CommentInput, { userId = null }: { userId?: string | null } = {}): Promise<TakeResult> {
  return oncePerForm(consultationId, input.submissionKey, async () => {
    try {
      // One short transaction of plain statements (hot-write.server.ts, decision 0034): this is the
      // write a contested consultation's last hours bring by the thousand. In a crowd on
      // PostgreSQL's pool a comment waits its turn for up to 10 s before it is answered as busy.
      return await hotWrite(function* (): Steps<TakeResult> {
        // The receipt counter's increment reads the consultation too: one statement, not two. A
        // form sent again meets the one-time key's unique index at the insert (oncePerForm).
        const consultation = raised((yield* all<RaisedRow>(raiseSql(consultationId)))[0]);
        if (!consultation) throw NOT_FOUND;
        const at = now();
        if (!acceptsComments(consultation, at)) throw NOT_OPEN;
        const receipt = { receiptNumber: receiptNumber(consultationId, consultation.lastReceipt), receivedAt: at };
        yield* insertOnlineComment({ ...commentRow(consultationId, receipt, input), channel: "online", userId });
        if (input.email) yield* enqueueMailStep(receiptMail(input.email, consultation, receipt));
        return { ok: true, receipt, repeated: false };
      });
    } catch (error) {
      if (error === NOT_OPEN) {
        // Rolled back (the counter with it). A form stored while it was open answers with its receipt.
        const earlier = await earlierSubmission(db, consultationId, input.submissionKey);
        return earlier ? { ok: true, receipt: earlier, repeated: true } : { ok: false, reason: "notOpen" };
      }
      if (error === NOT_FOUND) return { ok: false, reason: "notFound" };
      throw error;
    }
  });
}

/** Thrown inside the transaction to roll it back when the consultation takes no comment now, or is not there. */
const NOT_OPEN = new Error("consultation not open");
const NOT_FOUND = new Error("no such consultation");

export type EnterResult = TakeResult | { ok: false; reason: "forbidden" | "notTaking" };

/**
 * A comment that came by post, fax, at the counter or by mail, typed in by staff with its channel
 * and date of receipt (checked by the form to lie within the period). Taken while the period runs
 * and after it, until the results are published; audit-logged without the sender's details.
 */
export async function enterComment(actor: Actor, consultationId: number, input: StaffCommentInput): Promise<EnterResult> {
  if (!can(actor, "consultation:manage:any")) return { ok: false, reason: "forbidden" };
  return oncePerForm(consultationId, input.submissionKey, () =>
    db.$transaction(async (tx): Promise<EnterResult> => {
      const earlier = await earlierSubmission(tx, consultationId, input.submissionKey);
      if (earlier) return { ok: true, receipt: earlier, repeated: true };
      const consultation = await tx.consultation.findUnique({ where: { id: consultationId }, select: { state: true, opensAt: true, closesAt: true } });
      if (!consultation) return { ok: false, reason: "notFound" };
      const status = statusAt(consultation, now());
      if (status !== "open" && status !== "closed") return { ok: false, reason: "notTaking" };
      const receipt = { receiptNumber: await nextReceipt(tx, consultationId), receivedAt: tokyoInstant(input.receivedOn) };
      const comment = await tx.consultationComment.create({
        data: { ...commentRow(consultationId, receipt, input), channel: input.channel satisfies Channel, enteredById: actor.id },
        select: { id: true },
      });
      await recordAudit(
        {
          actor,
          action: "consultation.comment_entered",
          targetType: "consultation",
          targetId: consultationId,
          details: { commentId: comment.id, receiptNumber: receipt.receiptNumber, channel: input.channel, receivedOn: input.receivedOn },
        },
        tx,
      );
      return { ok: true, receipt, repeated: false };
    }),
  );
}
