/**
 * Every mail the portal sends goes through the OutboxMail table: features call
 * enqueueMail (ideally inside their own transaction), and the "mail.deliver" job
 * sends what is due with deliverPendingMail. Without SMTP_URL (development, demos,
 * MAIL_OUTBOX_ONLY=1) mail simply stays in the outbox.
 *
 * Row lifecycle: pending → sending (claimed by one app server) → sent
 *                                   ↘ pending again with a back-off, or failed after MAX_ATTEMPTS.
 * While a row is "sending", nextAttemptAt holds the claim's expiry, so a row left behind
 * by a crashed server is put back to "pending" once SENDING_TIMEOUT_MS has passed.
 *
 * Logs carry mail ids only: never addresses, subjects or bodies.
 *
 * Secret links (password reset, address verification, invitations) are never kept in the clear
 * once a mail has gone: the caller names the secrets, the stored text holds {{secret-N}} in their
 * place, and the secrets themselves sit in `secrets` until the mail is sent or has finally
 * failed (decision 0023). Mail older than MAIL_RETENTION_DAYS is purged by the "outbox.purge" job.
 */
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { now } from "./clock.server.ts";
import { db, Prisma, type Db } from "./db.server.ts";
import { run, type Steps } from "./hot-write.server.ts";
import { getEnv } from "./env.server.ts";
import { log } from "./logger.server.ts";
import { singleton } from "./singleton.server.ts";

/** `secrets`: the tokens in the mail's links; the outbox stores the text without them. */
export type MailMessage = { to: string; subject: string; text: string; html?: string | null; secrets?: readonly string[] };

/** What deliverPendingMail needs from a nodemailer transport (tests may pass their own). */
export type MailTransport = {
  sendMail(options: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
};

export type DeliveryResult = { sent: number; failed: number; deferred: number };

export const MAX_ATTEMPTS = 8;
/** Minutes to wait after the 1st, 2nd, … failed attempt; the last value repeats. */
export const BACKOFF_MINUTES = [1, 5, 15, 60, 240] as const;
export const SENDING_TIMEOUT_MS = 10 * 60_000;

const MINUTE = 60_000;

/** Delay before the next attempt once `attempts` attempts have failed (attempts ≥ 1). */
export function backoffMs(attempts: number): number {
  const index = Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1;
  return BACKOFF_MINUTES[index] * MINUTE;
}

/** True when mail actually leaves the outbox (SMTP_URL set and MAIL_OUTBOX_ONLY not set). */
export function mailConfigured(): boolean {
  const env = getEnv();
  return Boolean(env.SMTP_URL) && !env.MAIL_OUTBOX_ONLY;
}

/** An absolute address of a page of the portal, for links in mails (PUBLIC_URL's origin). */
/** A mail's text in both languages: the Japanese block, a rule, the English block, then an optional signature after "--". */
export function bilingualText(block: (lang: "ja" | "en") => string, signature = ""): string {
  return [block("ja"), "", "----------", "", block("en"), ...(signature ? ["", "--", signature] : []), ""].join("\n");
}

export function portalLink(path: string): string {
  return `${getEnv().PUBLIC_URL}${path}`;
}

const placeholder = (index: number) => `{{secret-${index + 1}}}`;
const PLACEHOLDER = /\{\{secret-(\d+)\}\}/g;

/** The text with each secret replaced by its placeholder, as the outbox keeps it. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret, index) => out.split(secret).join(placeholder(index)), text);
}

/** A stored text with its placeholders filled in again (unchanged once the secrets are gone). */
function withSecrets(text: string, secrets: readonly string[]): string {
  return text.replace(PLACEHOLDER, (whole, n: string) => secrets[Number(n) - 1] ?? whole);
}

/** The mail as it is delivered: an outbox row with its secrets put back into its links. */
export function renderOutboxMail(mail: { subject: string; text: string; html: string | null; secrets: string | null }) {
  const secrets = mail.secrets ? (JSON.parse(mail.secrets) as string[]) : [];
  return { subject: mail.subject, text: withSecrets(mail.text, secrets), html: mail.html === null ? null : withSecrets(mail.html, secrets) };
}

/** The outbox row of one mail: its id and the one INSERT that stores it (checked first). */
function outboxInsert(message: MailMessage): { id: string; query: Prisma.Sql } {
  if (!message.to?.trim()) throw new Error("enqueueMail: `to` is required");
  if (typeof message.text !== "string" || message.text.length === 0) {
    throw new Error("enqueueMail: `text` (the plain-text part) is required");
  }
  const secrets = message.secrets ?? [];
  // A secret too short to be one, or missing from the text, is a caller's mistake.
  if (secrets.some((secret) => secret.length < 16 || !message.text.includes(secret))) {
    throw new Error("enqueueMail: each secret must be a token of 16+ characters that the text contains");
  }
  const id = randomUUID();
  const at = now();
  const query = Prisma.sql`
    INSERT INTO "OutboxMail" ("id", "to", "subject", "text", "html", "secrets", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${id}, ${message.to.trim()}, ${message.subject}, ${withoutSecrets(message.text, secrets)},
      ${message.html == null ? null : withoutSecrets(message.html, secrets)}, ${secrets.length > 0 ? JSON.stringify(secrets) : null},
      'pending', 0, ${at}, ${at})`;
  return { id, query };
}

/** Puts one mail in the outbox and returns its id. `text` (the plain-text part) is mandatory. */
export async function enqueueMail(message: MailMessage, client: Db = db): Promise<string> {
  const { id, query } = outboxInsert(message);
  // One plain INSERT (Prisma's create costs five times as much; a receipt mail goes with every
  // comment that gives an address). Inside the caller's transaction when `client` is one.
  await client.$executeRaw(query);
  log("debug", "mail.enqueued", { mailId: id });
  return id;
}

/** `enqueueMail` as a step of a hot write (hot-write.server.ts): the mail goes out only if the write commits. */
export function* enqueueMailStep(message: MailMessage): Steps<string> {
  const { id, query } = outboxInsert(message);
  yield* run(query);
  log("debug", "mail.enqueued", { mailId: id });
  return id;
}

const EMAIL_PATTERN = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;

/** An error message fit for the database and the logs: no addresses, bounded length. */
export function sanitizeMailError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const cleaned = raw.replace(EMAIL_PATTERN, "[address]").replace(/\s+/g, " ").trim();
  return (cleaned || "unknown error").slice(0, 500);
}

const transports = singleton("mail.transports", () => new Map<string, MailTransport>());

function transportFor(smtpUrl: string): MailTransport {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl) as unknown as MailTransport;
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Puts rows left in "sending" past their claim (a server died mid-send) back in the queue. */
async function reclaimStuck(client: Db, at: Date): Promise<number> {
  // A mail that keeps killing its sender must not loop forever: count the interrupted try.
  const gaveUp = await client.outboxMail.updateMany({
    where: { status: "sending", nextAttemptAt: { lte: at }, attempts: { gte: MAX_ATTEMPTS - 1 } },
    data: { status: "failed", attempts: { increment: 1 }, lastError: "delivery interrupted while sending", secrets: null },
  });
  const requeued = await client.outboxMail.updateMany({
    where: { status: "sending", nextAttemptAt: { lte: at } },
    data: {
      status: "pending",
      attempts: { increment: 1 },
      nextAttemptAt: at,
      lastError: "delivery interrupted while sending",
    },
  });
  if (gaveUp.count + requeued.count > 0) {
    log("warn", "mail.reclaimed", { requeued: requeued.count, failed: gaveUp.count });
  }
  return gaveUp.count + requeued.count;
}

/**
 * Sends due outbox mail. Safe to run on several app servers at once: each row is claimed
 * with a conditional update before it is sent, so only one server sends it.
 */
export async function deliverPendingMail({
  limit = 20,
  client = db,
  transport,
}: { limit?: number; client?: Db; transport?: MailTransport } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, deferred: 0 };
  const env = getEnv();
  if (!transport && !mailConfigured()) return result;
  const sender = transport ?? transportFor(env.SMTP_URL!);
  const from = env.MAIL_FROM ?? "portal@localhost";

  await reclaimStuck(client, now());

  const due = await client.outboxMail.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now() } },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: { id: true },
  });

  for (const { id } of due) {
    const claimedAt = now();
    const claim = await client.outboxMail.updateMany({
      where: { id, status: "pending", nextAttemptAt: { lte: claimedAt } },
      data: { status: "sending", nextAttemptAt: new Date(claimedAt.getTime() + SENDING_TIMEOUT_MS) },
    });
    if (claim.count !== 1) continue; // another server took it
    const mail = await client.outboxMail.findUnique({ where: { id } });
    if (!mail) continue;

    try {
      const message = renderOutboxMail(mail);
      await sender.sendMail({
        from,
        to: mail.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        headers: { "Auto-Submitted": "auto-generated" },
      });
    } catch (error) {
      const attempts = mail.attempts + 1;
      const lastError = sanitizeMailError(error);
      const at = now();
      if (attempts >= MAX_ATTEMPTS) {
        await client.outboxMail.updateMany({
          where: { id, status: "sending" },
          data: { status: "failed", attempts, lastError, nextAttemptAt: at, secrets: null },
        });
        result.failed++;
        log("error", "mail.failed", { mailId: id, attempts, error: lastError });
      } else {
        const nextAttemptAt = new Date(at.getTime() + backoffMs(attempts));
        await client.outboxMail.updateMany({
          where: { id, status: "sending" },
          data: { status: "pending", attempts, lastError, nextAttemptAt },
        });
        result.deferred++;
        log("warn", "mail.deferred", { mailId: id, attempts, nextAttemptAt: nextAttemptAt.toISOString(), error: lastError });
      }
      continue;
    }

    // The mail has left: record it even if a slow send outlived the claim.
    await client.outboxMail.updateMany({
      where: { id },
      data: { status: "sent", sentAt: now(), attempts: mail.attempts + 1, lastError: null, secrets: null },
    });
    result.sent++;
    log("info", "mail.sent", { mailId: id });
  }

  return result;
}

/**
 * Deletes mail created more than MAIL_RETENTION_DAYS ago (a row being sent right now waits for
 * the next run); returns how many.
 */
export async function purgeOldMail({ client = db, at = now() }: { client?: Db; at?: Date } = {}): Promise<number> {
  const cutoff = new Date(at.getTime() - getEnv().MAIL_RETENTION_DAYS * 24 * 60 * MINUTE);
  const { count } = await client.outboxMail.deleteMany({ where: { createdAt: { lt: cutoff }, status: { not: "sending" } } });
  return count;
}
