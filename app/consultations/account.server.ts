/**
 * A person's own comments: listed on their account page, part of their data export, and kept
 * (without the link to the account) when the account is deleted — a comment received is part of
 * the consultation's record; the account's name on it is not.
 */
import type { AccountBeingDeleted } from "../platform/contributions.ts";
import { db, type Prisma } from "../platform/db.server.ts";

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

/** The account export's part: every comment the account sent, with what it gave. */
export async function exportConsultationData(userId: string) {
  return { consultationComments: await commentsOf(userId) };
}

export async function detachCommentsFromAccount(tx: Prisma.TransactionClient, account: AccountBeingDeleted) {
  await tx.consultationComment.updateMany({ where: { userId: account.id }, data: { userId: null } });
}
