/**
 * The server's defences against what a hostile or merely unusual client sends (issue 10, items
 * 2, 3 and 6): request bodies limited before Remix reads them (413 with the Japanese page, a
 * chunked body refused before it ends), the portal behind a real reverse proxy on loopback
 * (http-proxy, sending the upstream's address as Host as nginx does), malformed Host headers,
 * and client mistakes logged below error level. Production build: `npm run build` first.
 */
import http from "node:http";
import httpProxy from "http-proxy";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMIT } from "../../app/platform/body-limit.ts";
import { GROUP_FORM_LIMITS } from "../../app/groups/forms.ts";
import { maxBodyBytes } from "../../app/platform/uploads/kinds.ts";
import { createAccount, mainOf, PASSWORD, Visitor } from "./account-support.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db.ts";
import { freePort, request, startServer, type HttpResponse, type ServerProcess } from "./helpers/server-process.ts";

// A whole 1×1 PNG: uploads are decoded, so a signature alone is refused.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const GROUP_FORM_LIMIT = maxBodyBytes(GROUP_FORM_LIMITS);

type LogLine = { level: string; event: string; [field: string]: unknown };

function logLines(server: ServerProcess): LogLine[] {
  return server.logs.flatMap((line) => {
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

/** A URL-encoded body of exactly `bytes` bytes: the fields, then a padding field that fills up. */
function urlEncodedOf(fields: Record<string, string>, bytes: number): string {
  const head = new URLSearchParams(fields).toString() + "&padding=";
  if (head.length > bytes) throw new Error("fields alone are longer than the body");
  return head + "x".repeat(bytes - head.length);
}

type Part = { name: string; value: string } | { name: string; file: { name: string; type: string; bytes: Buffer } };

/** A multipart/form-data body as a browser builds it, padded with text fields to exactly `bytes` bytes. */
function multipartOf(parts: Part[], bytes: number): { body: Buffer; contentType: string } {
  const boundary = "----portalHardeningBoundary7MA4YWxkTrZu0gW";
  const encode = (part: Part) =>
    "file" in part
      ? Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.file.name}"\r\nContent-Type: ${part.file.type}\r\n\r\n`),
          part.file.bytes,
          Buffer.from("\r\n"),
        ])
      : Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`);
  const closing = Buffer.from(`--${boundary}--\r\n`);
  const fixed = Buffer.concat([...parts.map(encode), closing]);
  // Padding in parts of at most 1 MB each, so every text part stays within the form's own allowance.
  const padded: Buffer[] = [];
  let missing = bytes - fixed.length;
  while (missing > 0) {
    const empty = encode({ name: "padding", value: "" }).length;
    const size = Math.min(1024 * 1024, missing - empty);
    if (size < 0) throw new Error("cannot pad to exactly that size");
    padded.push(encode({ name: "padding", value: "x".repeat(size) }));
    missing -= empty + size;
  }
  const body = Buffer.concat([...parts.map(encode), ...padded, closing]);
  if (body.length !== bytes) throw new Error(`multipart body is ${body.length} bytes, not ${bytes}`);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

type ChunkedAnswer = { status: number; text: string; sent: number; ended: boolean };

/**
 * Sends a chunked body (no Content-Length) until the server answers or `maxBytes` have gone:
 * `ended` says whether the whole body had been sent when the answer came. After `holdAt`
 * bytes (well past the limit) it stops writing for up to `holdMs` and waits for the answer, so
 * a loaded machine that reads the client's writes faster than it parses the server's answer
 * cannot make an early answer look late; a server that waits for the end of the body gets the
 * rest after the pause and answers with `ended` true.
 */
function sendChunkedUntilAnswered(server: ServerProcess, path: string, headers: Record<string, string>, maxBytes: number, holdAt = 1024 * 1024, holdMs = 10_000): Promise<ChunkedAnswer> {
  const chunk = Buffer.alloc(16 * 1024, "x");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let ended = false;
    let answered = false;
    let held = false;
    let holdTimer: NodeJS.Timeout | undefined;
    // Keep-alive, as browsers ask: without it the server closes the connection after its answer,
    // and a write still under way may fail before the answer is read.
    const req = http.request({ host: "127.0.0.1", port: server.port, path, method: "POST", agent: false, headers: { Host: `localhost:${server.port}`, Origin: server.url, Connection: "keep-alive", ...headers } });
    req.on("response", (res) => {
      answered = true;
      clearTimeout(holdTimer);
      const endedThen = ended;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), sent, ended: endedThen });
      });
      res.on("error", reject);
    });
    // Once answered, the connection is ours to drop: writing on may fail then.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    req.write("message=");
    const pump = () => {
      while (!answered) {
        if (!held && sent >= holdAt) {
          held = true;
          holdTimer = setTimeout(pump, holdMs);
          return;
        }
        if (sent >= maxBytes) {
          ended = true;
          req.end();
          return;
        }
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

/** A reverse proxy on loopback in front of `target`, sending the upstream's address as Host (nginx's default). */
async function startProxy(target: ServerProcess, forwarded: "none" | "host-and-proto", port: number) {
  const proxy = httpProxy.createProxyServer({ target: `http://127.0.0.1:${target.port}`, changeOrigin: true });
  const front = http.createServer((req, res) => {
    if (forwarded === "host-and-proto") {
      req.headers["x-forwarded-host"] = req.headers.host;
      req.headers["x-forwarded-proto"] = "http";
    }
    proxy.web(req, res, {}, () => {
      res.statusCode = 502;
      res.end("bad gateway");
    });
  });
  await new Promise<void>((resolve) => front.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => front.close(() => (proxy.close(), resolve()))),
  };
}

describe("server hardening (sqlite)", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let districtId: number;
  let seq = 0;

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    server = await startServer({ databaseUrl: db.url });
    districtId = (await db.client.district.create({ data: { code: "001", name: "安中一区", nameKana: "アンナカイック", area: "安中地区" } })).id;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  afterEach(async () => {
    await db.client.rateLimitCounter.deleteMany();
    // Whatever a test sent, nothing a client did may reach the error log.
    expect(logLines(server).filter((line) => line.level === "error")).toEqual([]);
  });

  /** A new verified resident logged in through `base` (the server itself, or a proxy in front of it). */
  async function resident(base: { url: string } = server) {
    const email = `hardening${++seq}@example.jp`;
    await createAccount(db.client, { email, displayName: `住民${seq}`, at: new Date() });
    const visitor = new Visitor({ ...server, url: base.url });
    const login = await visitor.post("/login", { email, password: PASSWORD });
    expect(login.status, login.text.slice(0, 500)).toBe(302);
    return { visitor, email };
  }

  function profileParts(name: string): Part[] {
    const fields: [string, string][] = [
      ["name", name],
      ["nameKana", "あんなかこどもしょくどう"],
      ["kind", "volunteer"],
      ["representativeName", "安中 花子"],
      ["phone", "027-382-1111"],
      ["mainDistrictId", String(districtId)],
      ["districtIds", String(districtId)],
      ["activityFields", "1"],
      ["purpose", "子どもが安心して過ごせる居場所をつくる"],
      ["activities", "毎週土曜日に食事を提供しています。"],
      ["foundedOn", "2015-04-01"],
      ["memberCount", "12"],
      ["intent", "draft"],
    ];
    return [...fields.map(([n, value]) => ({ name: n, value })), { name: "logo", file: { name: "logo.png", type: "image/png", bytes: PNG } }];
  }

  function postRaw(base: { url: string }, path: string, body: Buffer | string, contentType: string, cookie?: string): Promise<HttpResponse> {
    return request(base, path, {
      method: "POST",
      body,
      headers: { Origin: base.url, "Content-Type": contentType, ...(cookie ? { Cookie: `portal_session=${cookie}` } : {}) },
    });
  }

  describe("request body limit", () => {
    it("takes a URL-encoded body of exactly 64 KB and refuses one byte more with the Japanese 413 page", async () => {
      const fields = { email: "taro@example.jp" };
      const under = await postRaw(server, "/password/forgot", urlEncodedOf(fields, DEFAULT_BODY_LIMIT), "application/x-www-form-urlencoded");
      expect(under.status).toBe(200);
      expect(await db.client.outboxMail.count()).toBe(0); // no such account: nothing is sent, the answer is the same

      const over = await postRaw(server, "/password/forgot", urlEncodedOf(fields, DEFAULT_BODY_LIMIT + 1), "application/x-www-form-urlencoded");
      expect(over.status).toBe(413);
      expect(over.headers["content-type"]).toMatch(/^text\/html/);
      expect(over.text).toContain('<html lang="ja">');
      expect(mainOf(over.text)).toContain("送信された内容が大きすぎます");
      expect(mainOf(over.text)).toContain("（64 KB）");
      expect(over.text).toContain(String(over.headers["x-request-id"]));
      const refused = await server.waitForLog((line) => line.event === "request.refused" && line.requestId === over.headers["x-request-id"]);
      expect(refused.level).toBe("info");

      // Any other kind of body has the same default.
      const json = await postRaw(server, "/contact", "x".repeat(DEFAULT_BODY_LIMIT + 1), "application/json");
      expect(json.status).toBe(413);
    });

    it("refuses a chunked body without a length as soon as it passes the limit, before the body ends", async () => {
      const answer = await sendChunkedUntilAnswered(server, "/contact", { "Content-Type": "application/x-www-form-urlencoded" }, 16 * 1024 * 1024);
      expect(answer.status).toBe(413);
      expect(answer.ended).toBe(false);
      expect(answer.text).toContain("送信された内容が大きすぎます");
      expect(answer.sent).toBeLessThan(16 * 1024 * 1024);
      // The server is fine and answers the next request.
      expect((await request(server, "/healthz")).status).toBe(200);

      // A short chunked body is read as usual: the contact form's own message limit answers.
      const short = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port: server.port, path: "/contact", method: "POST", agent: false, headers: { Host: `localhost:${server.port}`, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.write("topic=usage&message=");
        req.end("あ".repeat(3000));
      });
      expect(short).toBe(400);
    });

    it("gives a multipart route the limit it declares: just under reaches the form, one byte more is refused", async () => {
      const { visitor } = await resident();
      const before = await db.client.group.count();
      const under = multipartOf(profileParts("上限ちょうどの会"), GROUP_FORM_LIMIT);
      const saved = await postRaw(server, "/groups/new", under.body, under.contentType, visitor.cookie!);
      expect(saved.status, saved.text.slice(0, 500)).toBe(302);
      expect(await db.client.group.count()).toBe(before + 1);

      const over = multipartOf(profileParts("上限を超えた会"), GROUP_FORM_LIMIT + 1);
      const refused = await postRaw(server, "/groups/new", over.body, over.contentType, visitor.cookie!);
      expect(refused.status).toBe(413);
      expect(mainOf(refused.text)).toContain("送信された内容が大きすぎます");
      expect(mainOf(refused.text)).toContain("（3.0 MB）");
      expect(await db.client.group.count()).toBe(before + 1);

      // With JavaScript on, the form posts to the page's single-fetch path: the same limit.
      const viaFetch = await postRaw(server, "/groups/new.data", multipartOf(profileParts("上限ちょうどの会その二"), GROUP_FORM_LIMIT).body, under.contentType, visitor.cookie!);
      expect(viaFetch.status).toBeLessThan(400);
      expect(await db.client.group.count()).toBe(before + 2);
      expect((await postRaw(server, "/groups/new.data", over.body, over.contentType, visitor.cookie!)).status).toBe(413);

      // The default still holds for the routes that declare nothing.
      const login = await postRaw(server, "/login", under.body, under.contentType);
      expect(login.status).toBe(413);
      expect(mainOf(login.text)).toContain("（64 KB）");
    });
  });

  describe("behind a reverse proxy", () => {
    const setups = [
      { name: "Host is the upstream's address, no forwarded headers, TRUST_PROXY off", forwarded: "none", trustProxy: undefined },
      { name: "X-Forwarded-Host and -Proto set, TRUST_PROXY=1", forwarded: "host-and-proto", trustProxy: "1" },
    ] as const;

    for (const setup of setups) {
      it(`takes every kind of form through the proxy (${setup.name})`, async () => {
        // The portal's public address is the proxy's: browsers send that as Host and Origin.
        const proxyPort = await freePort();
        const behind = await startServer({ databaseUrl: db.url, env: { PUBLIC_URL: `http://localhost:${proxyPort}`, TRUST_PROXY: setup.trustProxy } });
        const proxy = await startProxy(behind, setup.forwarded, proxyPort);
        try {
          const base = { url: proxy.url };
          const publicOrigin = proxy.url;
          const post = (path: string, form: Record<string, string>) => request(base, path, { method: "POST", form, headers: { Origin: publicOrigin } });
          expect((await request(base, "/")).status).toBe(200);

          const email = `proxy${++seq}@example.jp`;
          await createAccount(db.client, { email, at: new Date() });
          const login = await post("/login", { email, password: PASSWORD });
          expect(login.status, login.text.slice(0, 300)).toBe(302);
          const cookie = /portal_session=([^;]*)/.exec(String(login.headers["set-cookie"]))![1];

          const contact = await post("/contact", { name: "", email: "", topic: "usage", message: "回覧板の電子化について教えてください。" });
          expect(contact.status, contact.text.slice(0, 300)).toBeLessThan(400);
          const forgot = await post("/password/forgot", { email });
          expect(forgot.status).toBe(200);

          const group = multipartOf(profileParts(`プロキシ経由の会${seq}`), 16 * 1024);
          const created = await request(base, "/groups/new", {
            method: "POST",
            body: group.body,
            headers: { Origin: publicOrigin, "Content-Type": group.contentType, Cookie: `portal_session=${cookie}` },
          });
          expect(created.status, created.text.slice(0, 300)).toBe(302);
          const version = await db.client.groupVersion.findFirstOrThrow({ where: { name: `プロキシ経由の会${seq}` } });
          expect(version.logoFile).toMatch(/^[0-9a-f]{32}\.png$/);

          expect(logLines(behind).filter((line) => line.level === "error")).toEqual([]);
          expect(logLines(behind).filter((line) => line.event === "request" && Number(line.status) >= 500)).toEqual([]);
        } finally {
          await proxy.close();
          await behind.stop();
        }
      });
    }
  });

  describe("client mistakes", () => {
    it("answers a malformed Host with 400, on GET and POST, and never believes a forwarded host it was not told to trust", async () => {
      for (const host of ["a b", "localhost:3000/evil", "[::1", "a\\b"]) {
        const get = await request(server, "/", { headers: { Host: host } });
        expect(get.status, host).toBe(400);
        expect(get.text).toContain("リクエストが正しくありません");
        const post = await request(server, "/contact", { method: "POST", form: { topic: "usage", message: "x" }, headers: { Host: host, Origin: server.url } });
        expect(post.status, host).toBe(400);
      }
      // Without TRUST_PROXY the forwarded host is not looked at, and a wrong Host changes nothing:
      // links and the CSRF check keep PUBLIC_URL's origin.
      const forwarded = await request(server, "/contact", {
        method: "POST",
        form: { name: "", email: "", topic: "usage", message: "回覧板について" },
        headers: { Host: "upstream_portal:8080", "X-Forwarded-Host": "evil.example", Origin: server.url },
      });
      expect(forwarded.status).toBeLessThan(400);
      const foreign = await request(server, "/contact", { method: "POST", form: { topic: "usage", message: "x" }, headers: { Host: "evil.example", Origin: "http://evil.example" } });
      expect(foreign.status).toBe(403);
    });

    it("logs a POST to a page without an action (405) at warn and a ?_data= request (400) at info, with what was asked", async () => {
      const root = await request(server, "/", { method: "POST", form: { x: "1" }, headers: { Origin: server.url } });
      expect(root.status).toBe(405);
      const warned = await server.waitForLog((line) => line.event === "request.refused" && line.requestId === root.headers["x-request-id"]);
      expect(warned).toMatchObject({ level: "warn", status: 405, method: "POST", path: "/" });

      for (const query of ["?_data=routes/nope", "?_data=routes/_index", "?_data="]) {
        const data = await request(server, `/${query}`);
        expect(data.status, query).toBe(400);
        const line = await server.waitForLog((l) => l.event === "request.refused" && l.requestId === data.headers["x-request-id"]);
        expect(line.level).toBe("info");
      }
      expect(server.logs.join("\n")).not.toContain("[object Object]");
    });
  });
});
