/**
 * Issue 10 item 4: the outbox keeps no live link. A password-reset mail goes through the real
 * server and is delivered over real SMTP; afterwards no string in any text column of any table
 * opens the reset page, while the delivered mail's link does. Old mail is purged, and an admin
 * opening an outbox mail is audit-logged. On SQLite and PostgreSQL.
 */
import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, it } from "vitest";
import { totpCodeAt } from "../../app/auth/totp.server.ts";
import { setLogSink } from "../../app/platform/logger.server.ts";
import { deliverPendingMail, enqueueMail, MAX_ATTEMPTS, purgeOldMail, type MailTransport } from "../../app/platform/mail.server.ts";
import { createAccount, linkIn, PASSWORD, startSmtp, Visitor } from "./account-support.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";
import { describeBothDatabases, type Provider } from "./helpers/test-db.ts";
import type { Db } from "../../app/platform/db.server.ts";

const DAY = 24 * 3600 * 1000;
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** Every string value of every row of every table (the outbox included), as one list. */
async function everyText(client: Db, provider: Provider): Promise<string[]> {
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(
    provider === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
  );
  expect(tables.map((t) => t.name)).toContain("OutboxMail");
  const texts: string[] = [];
  for (const { name } of tables) {
    for (const row of await client.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`)) {
      for (const value of Object.values(row)) if (typeof value === "string") texts.push(value);
    }
  }
  return texts;
}

describeBothDatabases("outbox without live links", (getCtx) => {
  let server: ServerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let transport: MailTransport;

  beforeAll(async () => {
    smtp = await startSmtp();
    transport = nodemailer.createTransport(smtp.url) as unknown as MailTransport;
    server = await startServer({ databaseUrl: getCtx().url });
    setLogSink(() => {});
  });

  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    setLogSink((line) => process.stdout.write(line + "\n"));
  });

  it("keeps no link that opens the reset page once the reset mail has gone; the delivered mail's link works", async () => {
    const { client, provider } = getCtx();
    const email = `reset.${provider}@example.jp`;
    await createAccount(client, { email, at: new Date() });
    expect((await new Visitor(server).post("/password/forgot", { email })).status).toBe(200);

    const queued = await client.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(queued.text).toContain("/password/reset/{{secret-1}}");
    expect(queued.secrets).not.toBeNull();

    await deliverPendingMail({ client, transport });
    const delivered = smtp.received.filter((m) => m.to.includes(email));
    expect(delivered).toHaveLength(1);
    const link = new URL(linkIn(delivered[0], "/password/reset/"));
    expect(link.pathname).not.toContain("{{");
    const sent = await client.outboxMail.findUniqueOrThrow({ where: { id: queued.id } });
    expect(sent).toMatchObject({ status: "sent", secrets: null });

    // Every string stored anywhere — and every token-like piece of one — tried as a reset link.
    const candidates = new Set<string>();
    for (const text of await everyText(client, provider)) {
      for (const match of text.matchAll(/\/password\/reset\/([^\s"'<>]+)/g)) candidates.add(match[1]);
      for (const match of text.matchAll(/[A-Za-z0-9_-]{16,}/g)) candidates.add(match[0]);
    }
    expect(candidates.size).toBeGreaterThan(5);
    for (const candidate of candidates) {
      const opened = await request(server, `/password/reset/${encodeURIComponent(candidate)}`);
      expect(opened.status, `a stored string opens the reset page: ${candidate}`).not.toBe(200);
    }

    const opened = await request(server, link.pathname);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('name="password"');
  });

  it("erases the secrets of a mail that has finally failed", async () => {
    const { client } = getCtx();
    const secret = "abcdefghijklmnopqrstuvwxyz234567";
    const id = await enqueueMail({ to: "failing@example.jp", subject: "s", text: `https://portal/x/${secret}`, secrets: [secret] }, client);
    await client.outboxMail.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    const refusing: MailTransport = {
      sendMail: () => Promise.reject(new Error("550 mailbox unavailable")),
    };
    expect(await deliverPendingMail({ client, transport: refusing })).toMatchObject({ failed: 1 });
    const row = await client.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "failed", secrets: null, text: "https://portal/x/{{secret-1}}" });
  });

  it("purges mail older than MAIL_RETENTION_DAYS (30 by default) and keeps newer mail", async () => {
    const { client } = getCtx();
    const at = new Date();
    const old = await enqueueMail({ to: "old@example.jp", subject: "old", text: "old" }, client);
    const recent = await enqueueMail({ to: "recent@example.jp", subject: "recent", text: "recent" }, client);
    await client.outboxMail.update({ where: { id: old }, data: { createdAt: new Date(at.getTime() - 31 * DAY), status: "sent" } });
    await client.outboxMail.update({ where: { id: recent }, data: { createdAt: new Date(at.getTime() - 29 * DAY), status: "sent" } });
    expect(await purgeOldMail({ client, at })).toBeGreaterThanOrEqual(1);
    expect(await client.outboxMail.count({ where: { id: old } })).toBe(0);
    expect(await client.outboxMail.count({ where: { id: recent } })).toBe(1);

    const { registerDefaultJobs } = await import("../../app/platform/jobs/index.server.ts");
    const { listJobs } = await import("../../app/platform/jobs/scheduler.server.ts");
    registerDefaultJobs();
    expect(listJobs().find((job) => job.name === "outbox.purge")?.everyMs).toBe(6 * 3600 * 1000);
  });

  it("shows admins the placeholder, never the secret, and audit-logs each mail opened", async () => {
    const { client, provider } = getCtx();
    const secret = "zyxwvutsrqponmlkjihgfedcba765432";
    const id = await enqueueMail({ to: "someone@example.jp", subject: "確認", text: `https://portal/verify-email/${secret}`, secrets: [secret] }, client);
    const adminEmail = `admin.${provider}@example.jp`;
    const admin = await createAccount(client, { email: adminEmail, role: "admin", totpSecret: TOTP_SECRET, at: new Date() });
    const visitor = new Visitor(server);
    expect((await visitor.post("/login", { email: adminEmail, password: PASSWORD })).status).toBe(302);
    expect((await visitor.post("/login/two-factor", { code: totpCodeAt(TOTP_SECRET, new Date()) })).status).toBe(302);

    const page = await visitor.get(`/admin/outbox/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("https://portal/verify-email/{{secret-1}}");
    expect(page.text).not.toContain(secret);
    const entries = await client.auditEntry.findMany({ where: { action: "outbox.mail_opened", targetId: id } });
    expect(entries.map((e) => [e.actorId, e.targetType])).toEqual([[admin.id, "outboxMail"]]);
  });
});
