/**
 * What a guesser gets at log-in (issue 10, items 1 and 5), against a real server process
 * (production build, fixed TEST_CLOCK) on the database DATABASE_URL names. Shared by
 * login-limits.test.ts (SQLite) and login-limits.postgresql.test.ts.
 *
 * - Wrong second-factor codes are counted per account, whatever the session or client: the
 *   loop "log in, five wrong codes, log in again…" and twenty parallel tries both get exactly
 *   ten guesses; the owner is mailed once; both events are audit-logged.
 * - A session still waiting for its second factor ends 10 minutes after the password.
 * - A stranger's wrong passwords do not keep the owner out of a browser that logged in before
 *   (the portal_device cookie), while new browsers, forged cookies and other accounts' cookies
 *   stay under the shared limit.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { totpCodeAt } from "../../app/auth/totp.server.ts";
import { deleteExpiredSessions, validateSessionToken } from "../../app/auth/session.server.ts";
import { deviceCookie, forgetStoredSecret, verifyDeviceToken } from "../../app/auth/device-cookie.server.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { db } from "../../app/platform/db.server.ts";
import { resetEnvCache } from "../../app/platform/env.server.ts";
import { createAccount, PASSWORD, Visitor } from "./account-support.ts";
import { startServer, type ServerProcess } from "./helpers/server-process.ts";

// The 15-minute windows start at 03:00:00, so Retry-After is exactly 890 s.
const CLOCK = "2026-06-01T03:00:10.000Z";
const AT = new Date(CLOCK);
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const MINUTE = 60_000;

/** Six-digit codes that are wrong at AT (not the code of AT or the steps either side). */
function wrongCodes(count: number): string[] {
  const valid = new Set([-30_000, 0, 30_000].map((d) => totpCodeAt(SECRET, new Date(AT.getTime() + d))));
  const codes: string[] = [];
  for (let n = 100000; codes.length < count; n += 7919) if (!valid.has(String(n))) codes.push(String(n));
  return codes;
}

export function defineLoginLimitsSuite(databaseUrl: () => string) {
  let server: ServerProcess;
  let counter = 0;
  const address = (label: string) => `${label}.${++counter}@example.jp`;
  const visitor = () => new Visitor(server);

  beforeAll(async () => {
    setClock(AT);
    server = await startServer({ databaseUrl: databaseUrl(), env: { TEST_CLOCK: CLOCK } });
  });
  afterAll(async () => {
    setClock(null);
    await server?.stop();
  });
  beforeEach(async () => {
    await db.rateLimitCounter.deleteMany();
  });

  async function totpAccount(label: string) {
    return createAccount(db, { email: address(label), totpSecret: SECRET, at: AT });
  }

  /** A browser that has given the password and now stands at the second step. */
  async function halfLoggedIn(email: string) {
    const v = visitor();
    const res = await v.post("/login", { email, password: PASSWORD });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/login/two-factor?redirectTo=%2F");
    return v;
  }

  const warnings = (email: string) => db.outboxMail.findMany({ where: { to: email, subject: { contains: "2段階認証" } } });
  const audit = (userId: string, action: string) => db.auditEntry.findMany({ where: { targetType: "user", targetId: userId, action } });

  it("gives the loop 'log in, five wrong codes, log in again…' no more than ten guesses in the window", async () => {
    const user = await totpAccount("loop");
    const codes = wrongCodes(30);
    const answers: number[] = [];
    let last: Awaited<ReturnType<Visitor["post"]>> | undefined;
    for (let round = 0; round < 6; round++) {
      const v = await halfLoggedIn(user.email);
      for (let i = 0; i < 5; i++) {
        last = await v.post("/login/two-factor", { method: "totp", code: codes[round * 5 + i] });
        answers.push(last.status);
      }
    }
    expect(answers.filter((s) => s === 400)).toHaveLength(10);
    expect(answers.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(answers.slice(10).every((s) => s === 429)).toBe(true);
    expect(last!.headers["retry-after"]).toBe("890");
    expect(last!.text).toContain("間違いが続いたため");
    // Refused whatever session asks, even with the right code, and the refusals are not counted.
    const fresh = await halfLoggedIn(user.email);
    const right = await fresh.post("/login/two-factor", { method: "totp", code: totpCodeAt(SECRET, AT) });
    expect(right.status).toBe(429);
    expect(right.headers["retry-after"]).toBe("890");
    expect((await fresh.get("/account")).status).toBe(302);
    const counters = await db.rateLimitCounter.findMany({ where: { id: { startsWith: `two-factor-account:${user.id}:` } } });
    expect(counters.map((c) => c.count)).toEqual([10]);

    // The owner is told once, in Japanese and English, with no code in the mail.
    const mails = await warnings(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("2段階認証の確認コードの誤りが15分以内に3回ありました");
    expect(mails[0].text).toContain("not the right two-step verification code, 3 times within 15 minutes");
    expect(mails[0].text).toContain("/password/forgot");
    for (const code of codes) expect(mails[0].text).not.toContain(code);
    // Audit-logged, each once per window.
    const failures = await audit(user.id, "account.second_factor_failures");
    expect(failures).toHaveLength(1);
    expect(JSON.parse(failures[0].details)).toEqual({ failures: 3 });
    expect(failures[0].actorId).toBeNull();
    expect(await audit(user.id, "account.second_factor_limited")).toHaveLength(1);
  });

  it("counts twenty wrong codes sent at once from twenty sessions as ten, and refuses the other ten", async () => {
    const user = await totpAccount("parallel");
    const visitors: Visitor[] = [];
    for (let i = 0; i < 20; i++) visitors.push(await halfLoggedIn(user.email));
    const codes = wrongCodes(20);
    const answers = await Promise.all(visitors.map((v, i) => v.post("/login/two-factor", { method: "totp", code: codes[i] })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    for (const refused of answers.filter((a) => a.status === 429)) expect(refused.headers["retry-after"]).toBe("890");
    const counters = await db.rateLimitCounter.findMany({ where: { id: { startsWith: `two-factor-account:${user.id}:` } } });
    expect(counters.map((c) => c.count)).toEqual([10]);
    expect(await warnings(user.email)).toHaveLength(1);
    expect(await audit(user.id, "account.second_factor_failures")).toHaveLength(1);
    expect(await audit(user.id, "account.second_factor_limited")).toHaveLength(1);
  });

  it("mails nobody and logs nothing for two wrong codes, and a right code after them logs in", async () => {
    const user = await totpAccount("typo");
    const v = await halfLoggedIn(user.email);
    for (const code of wrongCodes(2)) expect((await v.post("/login/two-factor", { method: "totp", code })).status).toBe(400);
    expect(v.device).toBeNull(); // the password alone earns no device cookie
    const ok = await v.post("/login/two-factor", { method: "totp", code: totpCodeAt(SECRET, AT) });
    expect(ok.status).toBe(302);
    expect((await v.get("/account")).status).toBe(200);
    expect(v.device).not.toBeNull(); // the full log-in does
    expect(await warnings(user.email)).toHaveLength(0);
    expect(await db.auditEntry.count({ where: { targetId: user.id } })).toBe(0);
  });

  it("ends a session waiting for its second factor 10 minutes after the password", async () => {
    const user = await totpAccount("pending");
    const v = await halfLoggedIn(user.email);
    const token = v.cookie!;
    setClock(new Date(AT.getTime() + 10 * MINUTE - 1000));
    expect(await validateSessionToken(token)).not.toBeNull();
    setClock(new Date(AT.getTime() + 10 * MINUTE));
    expect(await validateSessionToken(token)).toBeNull();
    setClock(AT);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // Over HTTP: a half-finished session made 10 minutes ago no longer takes a code, even the right one.
    const late = await halfLoggedIn(user.email);
    await db.session.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(AT.getTime() - 10 * MINUTE) } });
    const res = await late.post("/login/two-factor", { method: "totp", code: totpCodeAt(SECRET, AT) });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/login");
    expect((await late.get("/account")).status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("has the cleanup job delete half-finished sessions older than 10 minutes, and only those", async () => {
    const user = await totpAccount("cleanup");
    await halfLoggedIn(user.email);
    const done = await halfLoggedIn(user.email);
    expect((await done.post("/login/two-factor", { method: "totp", code: totpCodeAt(SECRET, AT) })).status).toBe(302);
    const resident = await createAccount(db, { email: address("resident"), at: AT });
    expect((await visitor().post("/login", { email: resident.email, password: PASSWORD })).status).toBe(302);
    setClock(new Date(AT.getTime() + 11 * MINUTE));
    try {
      await deleteExpiredSessions();
    } finally {
      setClock(AT);
    }
    const left = await db.session.findMany({ where: { userId: { in: [user.id, resident.id] } } });
    expect(left.map((s) => [s.userId, s.twoFactorVerified]).sort()).toEqual([[resident.id, true], [user.id, true]].sort());
  });

  it("lets the owner log in from a known browser after a stranger's ten wrong passwords; new browsers stay limited", async () => {
    const owner = await createAccount(db, { email: address("owner"), at: AT });
    const known = visitor();
    const first = await known.post("/login", { email: owner.email, password: PASSWORD });
    expect(first.status).toBe(302);
    const line = (first.headers["set-cookie"] ?? []).find((l) => l.startsWith("portal_device="));
    expect(line).toBeDefined();
    expect(line).toMatch(/; Path=\/login(;|$)/);
    expect(line).toMatch(/; HttpOnly(;|$)/);
    expect(line).toMatch(/; SameSite=Lax(;|$)/);
    expect(line).toMatch(/; Max-Age=15552000(;|$)/);
    expect(line).not.toMatch(/Secure/); // http://localhost
    await known.post("/logout");
    expect(known.device).not.toBeNull();

    // Another account's browser, for later.
    const neighbour = await createAccount(db, { email: address("neighbour"), at: AT });
    const theirs = visitor();
    expect((await theirs.post("/login", { email: neighbour.email, password: PASSWORD })).status).toBe(302);

    for (let i = 0; i < 10; i++) expect((await visitor().post("/login", { email: owner.email, password: `guess ${i}` })).status).toBe(400);
    const stranger = await visitor().post("/login", { email: owner.email, password: "guess 11" });
    expect(stranger.status).toBe(429);
    expect(stranger.headers["retry-after"]).toBe("890");

    // A new browser of the owner is limited like the stranger…
    const newBrowser = visitor();
    expect((await newBrowser.post("/login", { email: owner.email, password: PASSWORD })).status).toBe(429);
    expect(newBrowser.cookie).toBeNull();
    // …and so are a forged cookie, a cookie naming the owner with another's signature, and another account's cookie.
    const [id, nonce, mac] = known.device!.split(".");
    const [otherId, otherNonce, otherMac] = theirs.device!.split(".");
    const flipped = mac.slice(0, -1) + (mac.endsWith("A") ? "B" : "A");
    for (const forged of [`${id}.${nonce}.${flipped}`, `${id}.${otherNonce}.${otherMac}`, `${id}.${nonce}`, theirs.device!, `${otherId}.${nonce}.${mac}`]) {
      const v = visitor();
      v.device = forged;
      const res = await v.post("/login", { email: owner.email, password: PASSWORD });
      expect(res.status, forged).toBe(429);
      expect(v.cookie).toBeNull();
    }
    // The owner's own browser has its own allowance: it logs in.
    const back = await known.post("/login", { email: owner.email, password: PASSWORD });
    expect(back.status).toBe(302);
    expect(back.headers.location).toBe("/");
    expect((await known.get("/account")).status).toBe(200);
    // The neighbour's browser still logs the neighbour in.
    expect((await theirs.post("/login", { email: neighbour.email, password: PASSWORD })).status).toBe(302);
  });

  it("limits a known browser to ten wrong passwords of its own, which leave the shared limit untouched", async () => {
    const owner = await createAccount(db, { email: address("typist"), at: AT });
    const known = visitor();
    expect((await known.post("/login", { email: owner.email, password: PASSWORD })).status).toBe(302);
    await known.post("/logout");
    for (let i = 0; i < 10; i++) expect((await known.post("/login", { email: owner.email, password: `typo ${i}` })).status).toBe(400);
    const refused = await known.post("/login", { email: owner.email, password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("890");
    // The address's shared allowance was not used: another browser still logs in.
    expect((await visitor().post("/login", { email: owner.email, password: PASSWORD })).status).toBe(302);
  });

  it("gives a two-factor account its device cookie only after the code, and the cookie then counts", async () => {
    const user = await totpAccount("device-2fa");
    const v = await halfLoggedIn(user.email);
    expect(v.device).toBeNull();
    const code = totpCodeAt(SECRET, new Date(AT.getTime() + 30_000));
    expect((await v.post("/login/two-factor", { method: "totp", code })).status).toBe(302);
    expect(await verifyDeviceToken(v.device!)).toEqual({ userId: user.id, nonce: v.device!.split(".")[1] });
    await v.post("/logout");
    for (let i = 0; i < 11; i++) await visitor().post("/login", { email: user.email, password: `guess ${i}` });
    expect((await visitor().post("/login", { email: user.email, password: PASSWORD })).status).toBe(429);
    const res = await v.post("/login", { email: user.email, password: PASSWORD });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/login/two-factor?redirectTo=%2F");
  });

  it("signs device cookies with one key kept in AppSecret when APP_SECRET is not set, and with APP_SECRET when it is", async () => {
    const user = await createAccount(db, { email: address("secret"), at: AT });
    const v = visitor();
    expect((await v.post("/login", { email: user.email, password: PASSWORD })).status).toBe(302);
    // The server made the key once; this process (another "server") reads the same one.
    expect(await db.appSecret.count()).toBe(1);
    forgetStoredSecret();
    expect(await verifyDeviceToken(v.device!)).not.toBeNull();
    const saved = { APP_SECRET: process.env.APP_SECRET, PUBLIC_URL: process.env.PUBLIC_URL };
    try {
      process.env.APP_SECRET = "a-configured-secret-of-at-least-32-characters";
      process.env.PUBLIC_URL = "https://portal.example.jp";
      resetEnvCache();
      expect(await verifyDeviceToken(v.device!)).toBeNull();
      const header = await deviceCookie(user.id);
      expect(header).toMatch(/; Secure$/);
      const token = /^portal_device=([^;]+);/.exec(header)![1];
      expect(await verifyDeviceToken(token)).toEqual({ userId: user.id, nonce: token.split(".")[1] });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetEnvCache();
    }
    expect(await db.appSecret.count()).toBe(1);
  });
}
