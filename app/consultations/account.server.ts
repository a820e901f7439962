/**
 * A person's own comments: listed on their account page, part of their data export, and kept
 * (without the link to the account) when the account is deleted — a comment received is part of
 * the consultation's record; the account's name on it is not.
 */
import type { AccountActivityItem, AccountBeingDeleted } from "../platform/contributions.ts";
import { now } from "../platform/clock.server.ts";
import { db, type Prisma } from "../platform/db.server.ts";
import { statusAt } from "./rules.ts";

const OWN = {
  receiptNumber: true,
  receivedAt: true,
  sectionNumber: true,
  category: true,
  body: true,
  name: true,
  address: true,
  email: true,
  consultation: { select: { id: true, title: true } },
} as const;

/** The comments the account sent, newest first. */
export async function commentsOf(userId: string) {
  const rows = await db.consultationComment.findMany({ where: { userId }, select: OWN, orderBy: { receivedAt: "desc" } });
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}

const EXCERPT = 80;

/**
 * The account page's list: each comment the account sent, with its receipt number, where its
 * consultation stands now (the results link once published), and the start of its text. Only
 * the person themselves sees it (the page is theirs and not cached); name and address are not shown.
 */
export async function commentActivity(userId: string): Promise<AccountActivityItem[]> {
  const rows = await db.consultationComment.findMany({
    where: { userId },
    select: { receiptNumber: true, receivedAt: true, body: true, consultation: { select: { id: true, title: true, state: true, opensAt: true, closesAt: true } } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
  });
  const at = now();
  return rows.map((r) => {
    const status = statusAt(r.consultation, at);
    const body = r.body.replace(/\s+/g, " ").trim();
    return {
      href: status === "published" ? `/consultations/${r.consultation.id}/results` : `/consultations/${r.consultation.id}`,
      title: r.consultation.title,
      at: r.receivedAt.toISOString(),
      reference: r.receiptNumber,
      state: status === "published" ? "consultations.account.published" : status === "withdrawn" ? "consultations.account.withdrawn" : status === "open" ? "consultations.account.open" : "consultations.account.closed",
      excerpt: body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body,
    };
  });
}

/** The account export's part: every comment the account sent, with what it gave. */
export async function exportConsultationData(userId: string) {
  return { consultationComments: await commentsOf(userId) };
}

export async function detachCommentsFromAccount(tx: Prisma.TransactionClient, account: AccountBeingDeleted) {
  await tx.consultationComment.updateMany({ where: { userId: account.id }, data: { userId: null } });
}
