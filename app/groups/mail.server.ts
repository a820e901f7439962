/**
 * Mail about the group registry. Plain text, Japanese first with the English below (the
 * reader's language is not known). Staff decisions and reminders (composeGroupMail) go to each
 * active representative through the outbox in the caller's transaction, so a decision and its
 * mail commit together; the representative's own pages send invitations and the notice of a
 * withdrawal (composeEditorMail).
 */
import { lookupMessage, translator, type Lang, type Params, type T } from "../i18n/index.ts";
import { groupFormMessages } from "./messages/groupForm.ts";
import { groupReviewMessages } from "./messages/groupReview.ts";
import type { Db, Prisma } from "../platform/db.server.ts";
import { bilingualText, enqueueMail, portalLink } from "../platform/mail.server.ts";
import { representativeEmails } from "./group.server.ts";

type Tx = Prisma.TransactionClient | Db;

export type ComposedMail = { subject: string; text: string };

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

/** Subject and text of a mail; `params` gives the values in each language (dates, fiscal years). */
export function composeGroupMail(kind: GroupMailKind, groupId: number, params: (lang: Lang) => Params, note = ""): ComposedMail {
  const url = portalLink(`/my/groups/${groupId}`);
  const block = (lang: Lang) => {
    const t = translator(lang, groupReviewMessages);
    const lines = [lookupMessage(t, `groupReview.mail.body.${kind}`, { url, ...params(lang) }) ?? kind];
    if (note) lines.push("", t("groupReview.mail.note"), note);
    lines.push("", t("groupReview.mail.link", { url }));
    return lines.join("\n");
  };
  const ja = translator("ja", groupReviewMessages);
  const en = translator("en", groupReviewMessages);
  return {
    subject: lookupMessage(ja, `groupReview.mail.subject.${kind}`, params("ja")) ?? kind,
    text: bilingualText(block, [ja("groupReview.mail.footer"), en("groupReview.mail.footer")].join("\n")),
  };
}

/** The mails of the representative's pages: an invitation, and the notice of a withdrawal. */
export function composeEditorMail(kind: "invitation" | "withdrawn", params: (t: T<typeof groupFormMessages>, lang: Lang) => Params): ComposedMail {
  const part = (lang: Lang) => {
    const t = translator(lang, groupFormMessages);
    const p = params(t, lang);
    const body = lookupMessage(t, `groupForm.mail.${kind}.body`, p) ?? kind;
    return { subject: lookupMessage(t, `groupForm.mail.${kind}.subject`, p) ?? kind, body: `${body}\n\n${t("groupForm.mail.footer", { home: portalLink("/") })}` };
  };
  return { subject: part("ja").subject, text: bilingualText((lang) => part(lang).body) };
}

/** Puts the mail in the outbox once for each active representative of the group; returns how many. */
export async function sendToRepresentatives(client: Tx, groupId: number, mail: ComposedMail): Promise<number> {
  const to = await representativeEmails(groupId, client);
  // enqueueMail is typed for the client; a transaction client has the same outboxMail delegate.
  for (const address of to) await enqueueMail({ to: address, ...mail }, client as Db);
  return to.length;
}

/** A staff decision or reminder to every active representative; returns how many mails. */
export function mailRepresentatives(tx: Tx, groupId: number, kind: GroupMailKind, params: (lang: Lang) => Params, note = ""): Promise<number> {
  return sendToRepresentatives(tx, groupId, composeGroupMail(kind, groupId, params, note));
}
