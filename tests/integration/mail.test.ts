import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { advanceClock, now, setClock } from "../../app/platform/clock.server.ts";
import { resetEnvCache } from "../../app/platform/env.server.ts";
import { setLogSink } from "../../app/platform/logger.server.ts";
import {
  MAX_ATTEMPTS,
  deliverPendingMail,
  enqueueMail,
  mailConfigured,
  sanitizeMailError,
} from "../../app/platform/mail.server.ts";
import { describeBothDatabases } from "./helpers/test-db.ts";

const T0 = new Date("2026-05-01T09:00:00.000Z");
const TO = "taro.yamada@example.jp";

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let rejectRecipients = false;
let server: SMTPServer;
let smtpUrl = "";
const logLines: string[] = [];

const ENV_KEYS = ["SMTP_URL", "MAIL_FROM", "MAIL_OUTBOX_ONLY"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

function useSmtp(on: boolean) {
  if (on) {
    process.env.SMTP_URL = smtpUrl;
    process.env.MAIL_FROM = "portal@city.example.jp";
  } else {
    delete process.env.SMTP_URL;
  }
  delete process.env.MAIL_OUTBOX_ONLY;
  resetEnvCache();
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectRecipients) {
        // The reply names the recipient, as real servers do: it must not reach the database.
        const error = Object.assign(new Error(`Mailbox ${address.address} temporarily unavailable`), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  smtpUrl = `smtp://127.0.0.1:${port}`;
  setLogSink((line) => logLines.push(line));
});

afterAll(async () => {
  setLogSink((line) => process.stdout.write(line + "\n"));
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  resetEnvCache();
  setClock(null);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  rejectRecipients = false;
  setClock(T0);
  useSmtp(true);
});

it("strips addresses from stored errors", () => {
  expect(sanitizeMailError(new Error("451 <taro.yamada@example.jp>: try later (from a+b@x.org)"))).toBe(
    "451 <[address]>: try later (from [address])",
  );
});

describeBothDatabases("mail outbox", (getCtx) => {
  it("delivers pending mail over SMTP with a text/plain part and marks it sent", async () => {
    const { client } = getCtx();
    const id = await enqueueMail(
      {
        to: TO,
        subject: "Password reset",
        text: "Open this link to choose a new password.",
        html: "<p>Open this link to choose a new password.</p>",
      },
      client,
    );
    const queued = await client.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(queued.status).toBe("pending");
    expect(queued.nextAttemptAt.toISOString()).toBe(T0.toISOString());

    expect(mailConfigured()).toBe(true);
    const result = await deliverPendingMail({ client });
    expect(result).toEqual({ sent: 1, failed: 0, deferred: 0 });

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message.to).toEqual([TO]);
    expect(message.from).toBe("portal@city.example.jp");
    expect(message.raw).toMatch(/^Subject: Password reset\r?$/m);
    expect(message.raw).toMatch(/^Auto-Submitted: auto-generated\r?$/im);
    expect(message.raw).toMatch(/multipart\/alternative/i);
    expect(message.raw).toMatch(/Content-Type: text\/plain/i);
    expect(message.raw).toMatch(/Content-Type: text\/html/i);
    expect(message.raw).toContain("Open this link to choose a new password.");

    const row = await client.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("sent");
    expect(row.sentAt?.toISOString()).toBe(T0.toISOString());
    expect(row.attempts).toBe(1);

    // Sent mail is not sent again.
    expect(await deliverPendingMail({ client })).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(received).toHaveLength(1);
  });

  it("encodes a Japanese subject and sends a text-only mail as text/plain", async () => {
    const { client } = getCtx();
    const id = await enqueueMail({ to: TO, subject: "登録のご案内", text: "安中市民総動ポータルへようこそ。" }, client);
    expect(await deliverPendingMail({ client })).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(received).toHaveLength(1);
    expect(received[0].raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(received[0].raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect((await client.outboxMail.findUniqueOrThrow({ where: { id } })).status).toBe("sent");
  });

  it("keeps a rejected mail pending with a back-off, then sends it once the server accepts", async () => {
    const { client } = getCtx();
    const id = await enqueueMail({ to: TO, subject: "Retry me", text: "Body." }, client);

    rejectRecipients = true;
    expect(await deliverPendingMail({ client })).toEqual({ sent: 0, failed: 0, deferred: 1 });
    expect(received).toHaveLength(0);

    const deferred = await client.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(deferred.status).toBe("pending");
    expect(deferred.attempts).toBe(1);
    expect(deferred.nextAttemptAt.getTime()).toBeGreaterThan(now().getTime());
    expect(deferred.nextAttemptAt.getTime()).toBe(T0.getTime() + 60_000); // first back-off: 1 minute
    expect(deferred.lastError).toBeTruthy();
    expect(deferred.lastError).not.toContain("@");
    expect(deferred.lastError).toContain("451");

    // Not due yet: nothing is tried.
    rejectRecipients = false;
    expect(await deliverPendingMail({ client })).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(received).toHaveLength(0);

    advanceClock(60_000);
    expect(await deliverPendingMail({ client })).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(received).toHaveLength(1);
    const sent = await client.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(sent.status).toBe("sent");
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toBeNull();
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, backing off 1, 5, 15, 60, 240… minutes`, async () => {
    const { client } = getCtx();
    const id = await enqueueMail({ to: TO, subject: "Doomed", text: "Body." }, client);
    const failing = {
      sendMail: async () => {
        throw new Error(`550 no such user ${TO}`);
      },
    };
    const delays: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliverPendingMail({ client, transport: failing })).toEqual({ sent: 0, failed: 0, deferred: 1 });
      const row = await client.outboxMail.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      delays.push((row.nextAttemptAt.getTime() - now().getTime()) / 60_000);
      setClock(row.nextAttemptAt);
    }
    expect(delays).toEqual([1, 5, 15, 60, 240, 240, 240]);
    expect(await deliverPendingMail({ client, transport: failing })).toEqual({ sent: 0, failed: 1, deferred: 0 });
    const row = await client.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.lastError).toBe("550 no such user [address]");
  });

  it("puts mail stuck in sending for more than 10 minutes back in the queue", async () => {
    const { client } = getCtx();
    const id = await enqueueMail({ to: TO, subject: "Stuck", text: "Body." }, client);
    // A server claimed it at T0 and died: the claim lasts 10 minutes.
    await client.outboxMail.update({
      where: { id },
      data: { status: "sending", nextAttemptAt: new Date(T0.getTime() + 10 * 60_000) },
    });
    expect(await deliverPendingMail({ client })).toEqual({ sent: 0, failed: 0, deferred: 0 });
    advanceClock(10 * 60_000);
    expect(await deliverPendingMail({ client })).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(received).toHaveLength(1);
    expect((await client.outboxMail.findUniqueOrThrow({ where: { id } })).status).toBe("sent");
  });

  it("without SMTP_URL mail stays in the outbox", async () => {
    const { client } = getCtx();
    useSmtp(false);
    expect(mailConfigured()).toBe(false);
    const id = await enqueueMail({ to: TO, subject: "Kept", text: "Body." }, client);
    expect(await deliverPendingMail({ client })).toEqual({ sent: 0, failed: 0, deferred: 0 });
    const row = await client.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(0);
    expect(received).toHaveLength(0);
  });

  it("MAIL_OUTBOX_ONLY=1 keeps mail in the outbox even with SMTP_URL", async () => {
    const { client } = getCtx();
    process.env.MAIL_OUTBOX_ONLY = "1";
    resetEnvCache();
    expect(mailConfigured()).toBe(false);
    const id = await enqueueMail({ to: TO, subject: "Kept too", text: "Body." }, client);
    expect(await deliverPendingMail({ client })).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect((await client.outboxMail.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("rejects a mail without a plain-text part", async () => {
    const { client } = getCtx();
    await expect(enqueueMail({ to: TO, subject: "x", text: "" }, client)).rejects.toThrow(/text/);
  });

  it("never logs addresses, subjects or bodies", () => {
    const all = logLines.join("\n");
    expect(all).toContain("mail.sent");
    expect(all).not.toContain("example.jp");
    expect(all).not.toContain("Password reset");
    expect(all).not.toContain("登録のご案内");
    expect(all).not.toContain("Open this link");
  });
});
