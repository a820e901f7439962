/**
 * Mail to a group's representatives about the registry (decisions, reminders). Plain text,
 * Japanese first with the English below, sent to each active representative through the outbox
 * in the caller's transaction, so a decision and its mail commit together.
 */
import { translator, type Lang, type MessageKey, type Params } from "../i18n/index.ts";
import type { Db, Prisma } from "../utils/db.server.ts";
import { getEnv } from "../utils/env.server.ts";
import { enqueueMail } from "../utils/mail.server.ts";
import { representativeEmails } from "./group.server.ts";

type Tx = Prisma.TransactionClient | Db;

export type GroupMailKind =
  | "approved"
  | "rejected"
  | "changeRejected"
  | "changesRequested"
  | "changeApproved"
  | "renewalApproved"
  | "renewalRejected"
  | "cancelled"
  | "corrected"
  | "reminder"
  | "reminderFinal";

export function portalLink(path: string): string {
  return `${getEnv().PUBLIC_URL}${path}`;
}

/** Subject and text of a mail; `params` gives the values in each language (dates, fiscal years). */
export function composeGroupMail(kind: GroupMailKind, groupId: number, params: (lang: Lang) => Params, note = "") {
  const url = portalLink(`/my/groups/${groupId}`);
  const block = (lang: Lang) => {
    const t = translator(lang);
    const values = { site: t("site.name"), url, ...params(lang) };
    const lines = [t(`groupReview.mail.body.${kind}` as MessageKey, values)];
    if (note) lines.push("", t("groupReview.mail.note"), note);
    lines.push("", t("groupReview.mail.link", { url }));
    return lines.join("\n");
  };
  const ja = translator("ja");
  const en = translator("en");
  return {
    subject: ja(`groupReview.mail.subject.${kind}` as MessageKey, { site: ja("site.name"), ...params("ja") }),
    text: [
      block("ja"),
      "",
      "----------",
      "",
      block("en"),
      "",
      "--",
      ja("groupReview.mail.footer", { site: ja("site.name") }),
      en("groupReview.mail.footer", { site: en("site.name") }),
      "",
    ].join("\n"),
  };
}

/** Puts one mail per active representative in the outbox; returns how many. */
export async function mailRepresentatives(
  tx: Tx,
  groupId: number,
  kind: GroupMailKind,
  params: (lang: Lang) => Params,
  note = "",
): Promise<number> {
  const to = await representativeEmails(groupId, tx);
  const { subject, text } = composeGroupMail(kind, groupId, params, note);
  // enqueueMail is typed for the client; a transaction client has the same outboxMail delegate.
  for (const address of to) await enqueueMail({ to: address, subject, text }, tx as Db);
  return to.length;
}
