/**
 * The mail outbox as admins read it (it holds addresses and texts: admins only). Sending
 * and retries are the mail job's business (app/platform/mail.server.ts). The texts hold
 * {{secret-N}} where a link's token was (decision 0023), and every mail opened is audit-logged.
 */
import { recordAudit } from "./audit.server.ts";
import { db } from "./db.server.ts";

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export async function listOutbox({ status = "", page = 1 }: { status?: OutboxStatus | ""; page?: number }) {
  const where = status ? { status } : {};
  const [total, mails] = await Promise.all([
    db.outboxMail.count({ where }),
    db.outboxMail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, to: true, subject: true, status: true, attempts: true, createdAt: true, sentAt: true, lastError: true },
    }),
  ]);
  return { total, page, pageSize: OUTBOX_PAGE_SIZE, mails };
}

/** One mail, as stored (secrets left out), for `actor`; the reading is audit-logged. */
export async function openOutboxMail(actor: { id: string; role: string }, id: string) {
  const mail = await db.outboxMail.findUnique({ where: { id }, omit: { secrets: true } });
  if (mail) await recordAudit({ actor, action: "outbox.mail_opened", targetType: "outboxMail", targetId: mail.id, details: { status: mail.status } });
  return mail;
}
