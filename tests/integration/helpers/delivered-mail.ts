/**
 * The mail as its addressee gets it. The outbox keeps the text of a mail with the tokens of its
 * links replaced (decision 0023), so tests that follow a mailed link deliver the outbox — with
 * the portal's own delivery, to a transport that keeps what it is given — and read that.
 */
import type { Db } from "../../../app/platform/db.server.ts";
import { deliverPendingMail, type MailTransport } from "../../../app/platform/mail.server.ts";

export type DeliveredMail = { to: string; subject: string; text: string };

const delivered: DeliveredMail[] = [];

const keeper: MailTransport = {
  async sendMail(message) {
    delivered.push({ to: message.to, subject: message.subject, text: message.text });
  },
};

/** Delivers what is due in `client`'s outbox, then every mail delivered to `to` so far, oldest first. */
export async function deliveredMailTo(client: Db, to: string): Promise<DeliveredMail[]> {
  while ((await deliverPendingMail({ client, transport: keeper, limit: 100 })).sent > 0);
  return delivered.filter((mail) => mail.to === to);
}

/** The newest mail delivered to `to`; throws when there is none. */
export async function lastMailTo(client: Db, to: string): Promise<DeliveredMail> {
  const mails = await deliveredMailTo(client, to);
  if (mails.length === 0) throw new Error(`no mail was delivered to ${to}`);
  return mails[mails.length - 1];
}
