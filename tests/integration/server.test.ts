/**
 * The real server: `node --import tsx server/index.ts` on the production build, spoken to
 * over HTTP. Covers what only the assembled process shows: the CSRF guard in front of
 * Remix, security headers and compression, logs without personal data, the rate limit
 * shared by two servers on one database, health checks, error pages and configuration errors.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { city } from "../../app/config/city.ts";
import { createTestDatabase, describeBothDatabases, type TestDatabase } from "./helpers/test-db.ts";
import {
  freePort,
  postForm,
  request,
  runServerUntilExit,
  startServer,
  type HttpResponse,
  type ServerProcess,
} from "./helpers/server-process.ts";

/** The short reference a person can read out on the phone (app/platform/reference.ts). */
const REFERENCE = /^[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$/;

/** The <div class="field"> that holds the control with this id. */
function fieldBlock(html: string, id: string): string {
  const blocks = html.split('<div class="field">').slice(1);
  const block = blocks.find((b) => b.includes(`id="${id}"`));
  if (!block) throw new Error(`no field block for #${id}`);
  return block.slice(0, block.indexOf("</div>"));
}

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const match = new RegExp(`<(input|textarea|select)\\b[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no control #${id}`);
  return match[0];
}

function textareaContent(html: string, id: string): string {
  const match = new RegExp(`<textarea\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!match) throw new Error(`no textarea #${id}`);
  return match[1];
}

const VALID_ENQUIRY = { name: "", email: "", topic: "usage", message: "回覧板の電子化について教えてください。" };

describe("one production server (sqlite)", () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    server = await startServer({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  // Every test may post to /contact: start each from a clean rate-limit count and outbox.
  beforeEach(async () => {
    await db.client.rateLimitCounter.deleteMany();
    await db.client.outboxMail.deleteMany();
  });

  describe("CSRF guard", () => {
    it("refuses a POST from a foreign Origin with a Japanese 403 page, before Remix runs", async () => {
      const res = await request(server, "/contact", {
        method: "POST",
        form: VALID_ENQUIRY,
        headers: { Origin: "https://evil.example" },
      });
      expect(res.status).toBe(403);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.text).toContain('<html lang="ja">');
      expect(res.text).toContain("この操作は許可されていません");
      expect(res.text).toContain(String(res.headers["x-request-id"]));
      // The action never ran: nothing counted, nothing queued.
      expect(await db.client.rateLimitCounter.count()).toBe(0);
      expect(await db.client.outboxMail.count()).toBe(0);
    });

    it("refuses a POST without an Origin header, and one with Origin: null", async () => {
      const none = await request(server, "/contact", { method: "POST", form: VALID_ENQUIRY });
      expect(none.status).toBe(403);
      expect(none.text).toContain("この操作は許可されていません");
      const nullOrigin = await request(server, "/contact", { method: "POST", form: VALID_ENQUIRY, headers: { Origin: "null" } });
      expect(nullOrigin.status).toBe(403);
      expect(await db.client.outboxMail.count()).toBe(0);
    });

    it("lets a POST with the portal's own Origin through to the action (400 with Japanese field errors, not 500)", async () => {
      const res = await postForm(server, "/contact", {});
      expect(res.status).toBe(400);
      expect(res.text).toContain('<html lang="ja">');
      expect(res.text).toContain('class="error-summary"');
      expect(fieldBlock(res.text, "message")).toMatch(/<p class="error" id="message-error">入力してください<\/p>/);
      expect(tagWithId(res.text, "message")).toContain('aria-invalid="true"');
      expect(await db.client.rateLimitCounter.count()).toBe(1);
    });

    it("refuses POST /language from a foreign Origin (no cookie set)", async () => {
      const res = await request(server, "/language", {
        method: "POST",
        form: { lang: "en", redirectTo: "/" },
        headers: { Origin: "https://evil.example" },
      });
      expect(res.status).toBe(403);
      expect(res.headers["set-cookie"]).toBeUndefined();
    });

    // A body that is not a form is the client's mistake: 400, not 500.
    it("answers 400, not 500, to a same-origin POST without a form body", async () => {
      const res = await request(server, "/contact", { method: "POST", headers: { Origin: server.url } });
      expect(res.status).toBe(400);
    });
  });

  describe("security headers and compression on GET /", () => {
    let res: HttpResponse;

    beforeAll(async () => {
      res = await request(server, "/", { headers: { "Accept-Encoding": "gzip" } });
    });

    it("serves the home page compressed with gzip", () => {
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["content-encoding"]).toBe("gzip");
      expect(String(res.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(res.raw.length).toBeLessThan(Buffer.byteLength(res.text));
      expect(res.text).toMatch(/^<!DOCTYPE html>/i);
    });

    it("sends a CSP whose nonce is on every <script> of the page", () => {
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "));
      expect(scriptSrc).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc!)?.[1];
      expect(nonce).toBeTruthy();
      expect(nonce!.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64
      const scripts = res.text.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    });

    it("uses a fresh nonce and request id per response", async () => {
      const again = await request(server, "/", { headers: { "Accept-Encoding": "gzip" } });
      const nonceOf = (r: HttpResponse) => /'nonce-([^']+)'/.exec(String(r.headers["content-security-policy"]))?.[1];
      expect(nonceOf(again)).toBeTruthy();
      expect(nonceOf(again)).not.toBe(nonceOf(res));
      expect(again.headers["x-request-id"]).not.toBe(res.headers["x-request-id"]);
    });

    it("sets nosniff, the referrer policy and a request id, and no HSTS over plain http", () => {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(String(res.headers["x-request-id"])).toMatch(REFERENCE);
      expect(res.headers["strict-transport-security"]).toBeUndefined();
      expect(res.headers["x-powered-by"]).toBeUndefined();
    });
  });

  describe("static files and compression: only where they are, only when asked (decision 0020)", () => {
    it("serves the built assets for a year and the files of public/ for an hour", async () => {
      const asset = fs.readdirSync(path.resolve("build/client/assets")).find((f) => f.endsWith(".js"))!;
      const js = await request(server, `/assets/${asset}`);
      expect(js.status).toBe(200);
      expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      const favicon = await request(server, "/favicon.svg");
      expect(favicon.status).toBe(200);
      expect(favicon.headers["content-type"]).toMatch(/^image\/svg\+xml/);
      expect(favicon.headers["cache-control"]).toBe("public, max-age=3600");
      expect((await request(server, "/robots.txt")).status).toBe(200);
    });

    it("leaves every other path to Remix: no such file is a 404 page", async () => {
      for (const pathname of ["/robots.txt/nothing", "/assets/no-such-file.js", "/index.html"]) {
        const res = await request(server, pathname);
        expect(res.status, pathname).toBe(404);
        expect(res.text, pathname).toMatch(/^<!DOCTYPE html>/i);
      }
    });

    it("sends a page uncompressed, with Vary, to a client that does not ask for compression", async () => {
      const res = await request(server, "/accessibility");
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(String(res.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(Number(res.headers["content-length"])).toBe(res.raw.length);
    });

    it("does not compress a body of known length below one TCP segment", async () => {
      const res = await request(server, "/robots.txt", { headers: { "Accept-Encoding": "gzip" } });
      expect(res.status).toBe(200);
      expect(Number(res.headers["content-length"])).toBeLessThan(1400);
      expect(res.headers["content-encoding"]).toBeUndefined();
    });
  });

  describe("logs", () => {
    const TOKEN = "AbCdEfGhIjKlMnOpQrStUv123456";
    const QUERY = "?email=hanako@example.jp&password=hunter2secret&token=SeCrEtToKeN1234567890";
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      await db.client.rateLimitCounter.deleteMany();
      const reset = await request(server, `/password/reset/${TOKEN}${QUERY}`);
      ids.reset = String(reset.headers["x-request-id"]);
      const verify = await request(server, `/verify-email/taro@example.jp${QUERY}`);
      ids.verify = String(verify.headers["x-request-id"]);
      const contact = await postForm(server, `/contact${QUERY}`, {
        name: "安中太郎",
        email: "hanako@example.jp",
        topic: "privacy",
        message: "私の住所は安中市安中1-2-3です。password=hunter2secret",
      });
      expect(contact.status).toBe(200);
      ids.contact = String(contact.headers["x-request-id"]);
      // The request line is written when the response finishes: wait for all three.
      for (const id of Object.values(ids)) await server.waitForLog((e) => e.event === "request" && e.requestId === id);
    });

    it("writes no token, address, password, name or query value to stdout or stderr", () => {
      const all = [...server.logs, ...server.stderr];
      expect(all.length).toBeGreaterThan(0);
      for (const secret of [TOKEN, "example.jp", "hunter2secret", "安中太郎", "SeCrEtToKeN", "安中1-2-3", "taro@", "hanako"]) {
        const leaking = all.filter((line) => line.includes(secret));
        expect(leaking, `log lines containing ${secret}`).toEqual([]);
      }
    });

    it("writes only JSON lines with an event on stdout", () => {
      for (const line of server.logs) {
        let entry: Record<string, unknown> | undefined;
        expect(() => (entry = JSON.parse(line) as Record<string, unknown>), line).not.toThrow();
        expect(typeof entry?.event, line).toBe("string");
        expect(typeof entry?.time, line).toBe("string");
        expect(typeof entry?.level, line).toBe("string");
      }
    });

    it("logs one request line per request, with the redacted path and no query string", async () => {
      const entries = server.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
      const reset = entries.filter((e) => e.event === "request" && e.requestId === ids.reset);
      expect(reset).toHaveLength(1);
      expect(reset[0]).toMatchObject({ method: "GET", path: "/password/reset/:redacted", status: 404 });
      expect(typeof reset[0].durationMs).toBe("number");
      expect(entries.find((e) => e.event === "request" && e.requestId === ids.verify)).toMatchObject({
        path: "/verify-email/:redacted",
        status: 404,
      });
      expect(entries.find((e) => e.event === "request" && e.requestId === ids.contact)).toMatchObject({
        method: "POST",
        path: "/contact",
        status: 200,
      });
      expect(entries.find((e) => e.event === "server.started")).toMatchObject({ database: "sqlite", mode: "production" });
    });
  });

  describe("/healthz", () => {
    it("answers 200 {status: ok} and is not cached", async () => {
      const res = await request(server, "/healthz");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(JSON.parse(res.text)).toMatchObject({ status: "ok" });
    });
  });

  describe("404 page", () => {
    it("is Japanese HTML with the request id by default", async () => {
      const res = await request(server, "/no-such-page");
      expect(res.status).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      const id = String(res.headers["x-request-id"]);
      expect(id).toMatch(REFERENCE);
      expect(res.text).toContain('<html lang="ja">');
      expect(res.text).toContain("<h1>ページが見つかりません</h1>");
      expect(res.text).toContain(id);
    });

    it("is English with cookie lang=en", async () => {
      const res = await request(server, "/no-such-page", { headers: { Cookie: "lang=en" } });
      expect(res.status).toBe(404);
      expect(res.text).toContain('<html lang="en">');
      expect(res.text).toContain("<h1>Page not found</h1>");
      expect(res.text).toContain(String(res.headers["x-request-id"]));
    });
  });

  describe("language switch", () => {
    it("sets the cookie and redirects to the page given", async () => {
      const res = await postForm(server, "/language", { lang: "en", redirectTo: "/districts" });
      expect([302, 303]).toContain(res.status);
      expect(res.headers.location).toBe("/districts");
      const cookies = res.headers["set-cookie"] ?? [];
      expect(cookies).toHaveLength(1);
      expect(cookies[0]).toMatch(/^lang=en;/);
      expect(cookies[0]).toContain("Path=/");
      expect(cookies[0]).toContain("SameSite=Lax");
      expect(cookies[0]).not.toContain("Secure"); // PUBLIC_URL is http
    });

    it("redirects to / instead of another site", async () => {
      for (const redirectTo of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
        const res = await postForm(server, "/language", { lang: "ja", redirectTo });
        expect([302, 303], redirectTo).toContain(res.status);
        expect(res.headers.location, redirectTo).toBe("/");
      }
    });

    it("refuses an unknown language with 400", async () => {
      const res = await postForm(server, "/language", { lang: "xx", redirectTo: "/" });
      expect(res.status).toBe(400);
      expect(res.headers["set-cookie"]).toBeUndefined();
    });
  });

  describe("contact form with hostile input", () => {
    it("re-renders markup in the message as text, keeping what was typed, when another field is wrong", async () => {
      const res = await postForm(server, "/contact", {
        name: "山田花子",
        email: "not-an-address",
        topic: "usage",
        message: "<script>alert(1)</script>",
      });
      expect(res.status).toBe(400);
      expect(res.text).not.toContain("<script>alert(1)</script>");
      expect(textareaContent(res.text, "message")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      const email = fieldBlock(res.text, "email");
      expect(email).toContain('<p class="error" id="email-error">メールアドレスの形式で入力してください');
      expect(tagWithId(res.text, "email")).toContain('aria-describedby="email-error"');
      expect(tagWithId(res.text, "email")).toContain('value="not-an-address"');
      expect(tagWithId(res.text, "name")).toContain('value="山田花子"');
      expect(fieldBlock(res.text, "message")).not.toContain('class="error"');
      expect(await db.client.outboxMail.count()).toBe(0);
    });

    it("refuses a 2001-character message with the error next to the field and the values kept", async () => {
      const long = "あ".repeat(2001);
      const res = await postForm(server, "/contact", { name: "佐藤一郎", email: "", topic: "other", message: long });
      expect(res.status).toBe(400);
      const block = fieldBlock(res.text, "message");
      expect(block).toContain('<p class="error" id="message-error">2000文字以内で入力してください</p>');
      expect(tagWithId(res.text, "message")).toContain('aria-invalid="true"');
      expect(textareaContent(res.text, "message")).toContain(long);
      expect(tagWithId(res.text, "name")).toContain('value="佐藤一郎"');
      expect(res.text).toMatch(/<option[^>]*value="other"[^>]*selected=""|<option selected=""[^>]*value="other"/);
      expect(await db.client.outboxMail.count()).toBe(0);
    });

    it("answers a filled honeypot as accepted but queues no mail", async () => {
      const res = await postForm(server, "/contact", { ...VALID_ENQUIRY, website_url: "https://spam.example/" });
      expect(res.status).toBe(200);
      expect(res.text).toContain("お問い合わせを受け付けました");
      expect(await db.client.outboxMail.count()).toBe(0);
    });

    it("queues exactly one plain-text mail to the city's address for a valid enquiry", async () => {
      const res = await postForm(server, "/contact", {
        name: "山田花子",
        email: "hanako.yamada@example.jp",
        topic: "accessibility",
        message: "<b>段差</b>の多い歩道について\r\n改善をお願いします。",
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain("お問い合わせを受け付けました");
      const rows = await db.client.outboxMail.findMany();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ to: city.contactEmail, status: "pending", html: null });
      expect(rows[0].text).toContain("お名前: 山田花子");
      expect(rows[0].text).toContain("hanako.yamada@example.jp");
      expect(rows[0].text).toContain("<b>段差</b>の多い歩道について\n改善をお願いします。");
    });
  });
});

// Both servers run with the same fixed clock (TEST_CLOCK), so every hit falls in one
// 600-second window: window start 09:00:00, Retry-After exactly 570 s.
const CLOCK = "2026-05-01T09:00:30.000Z";

describeBothDatabases("rate limit shared by two server processes", (getCtx) => {
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    const env = { TEST_CLOCK: CLOCK };
    [a, b] = await Promise.all([
      startServer({ databaseUrl: getCtx().url, env }),
      startServer({ databaseUrl: getCtx().url, env }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  beforeEach(async () => {
    await getCtx().client.rateLimitCounter.deleteMany();
  });

  /** Alternates a valid enquiry (200) and an empty form (400): both count. */
  function submit(server: ServerProcess, i: number, headers: Record<string, string> = {}) {
    return postForm(server, "/contact", i % 2 === 0 ? VALID_ENQUIRY : {}, headers);
  }

  function expect429(res: HttpResponse) {
    expect(res.status).toBe(429);
    const retryAfter = String(res.headers["retry-after"]);
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(600);
    expect(Number(retryAfter)).toBe(570);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.text).toContain("しばらくしてからお試しください");
  }

  it("counts 10 posts alternating between A and B, then refuses the 11th on either", async () => {
    for (let i = 0; i < 10; i++) {
      const res = await submit(i % 2 === 0 ? a : b, i);
      expect([200, 400], `post ${i + 1}`).toContain(res.status);
    }
    expect429(await submit(a, 10));
    expect429(await submit(b, 11));
    // One counter row, written by both processes.
    const rows = await getCtx().client.rateLimitCounter.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toMatch(/^public-form:/);
    expect(rows[0].count).toBe(12);
    expect(rows[0].windowStart.toISOString()).toBe("2026-05-01T09:00:00.000Z");
  });

  it("6 on A and 5 on B: the 11th (on B) is refused, then A refuses too", async () => {
    for (let i = 0; i < 6; i++) expect([200, 400]).toContain((await submit(a, i)).status);
    for (let i = 0; i < 4; i++) expect([200, 400]).toContain((await submit(b, i)).status);
    expect429(await submit(b, 4));
    expect429(await submit(a, 6));
  });

  it("counts posts sent to both servers at the same moment exactly once each", async () => {
    const results = await Promise.all(Array.from({ length: 14 }, (_, i) => submit(i % 2 === 0 ? a : b, i)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 200 || s === 400)).toBe(true);
    const rows = await getCtx().client.rateLimitCounter.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(14);
  });

  it("renders the 429 page with Retry-After in Japanese by default", async () => {
    for (let i = 0; i < 10; i++) await submit(i % 2 === 0 ? a : b, i);
    const res = await submit(b, 10);
    expect429(res);
    expect(res.text).toContain('<html lang="ja">');
    expect(res.text).toContain("<h1>しばらくしてからお試しください</h1>");
  });

  // The site layout's boundary sits below the root, so the root loader (language, request id) has run.
  it("renders the 429 page in English for Accept-Language en + cookie lang=en, with the request id", async () => {
    for (let i = 0; i < 10; i++) await submit(i % 2 === 0 ? a : b, i);
    const res = await submit(a, 10, { "Accept-Language": "en", Cookie: "lang=en" });
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("570");
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain("<h1>Please try again later</h1>");
    expect(res.text).toContain(String(res.headers["x-request-id"]));
  });
});

describe("/healthz when the database is unreachable", () => {
  let server: ServerProcess;

  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused at once.
    server = await startServer({ databaseUrl: "postgresql://postgres@127.0.0.1:1/none", readyWhen: "listening" });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("still starts, and /healthz answers 503 {status: unavailable}", async () => {
    const res = await request(server, "/healthz");
    expect(res.status).toBe(503);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(res.text)).toMatchObject({ status: "unavailable", database: false });
    expect(server.child.exitCode).toBeNull();
    await server.waitForLog((e) => e.event === "server.started" && e.database === "postgresql");
  });

  it("keeps answering 503 promptly while the database stays down", async () => {
    const started = Date.now();
    const res = await request(server, "/healthz");
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("configuration errors stop the server with one line", () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-config-"));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("PORT=abc", async () => {
    const result = await runServerUntilExit({
      NODE_ENV: "production",
      MAIL_OUTBOX_ONLY: "1",
      PORT: "abc",
      DATABASE_URL: `file:${path.join(dir, "a.db")}`,
      SCHEDULER: "off",
    });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/^Configuration error:/);
    expect(result.stderr[0]).toContain("PORT");
    expect(result.stdout.filter((l) => l.includes("server.started"))).toEqual([]);
  });

  it("NODE_ENV=production without SMTP_URL or MAIL_OUTBOX_ONLY", async () => {
    const result = await runServerUntilExit({
      NODE_ENV: "production",
      PORT: String(await freePort()),
      DATABASE_URL: `file:${path.join(dir, "b.db")}`,
      SCHEDULER: "off",
    });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/^Configuration error:/);
    expect(result.stderr[0]).toContain("SMTP_URL");
    expect(result.stdout.filter((l) => l.includes("server.started"))).toEqual([]);
  });
});
