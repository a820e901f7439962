/**
 * Accounts against the real server process (production build, fixed TEST_CLOCK) on a real
 * SQLite database; mail is delivered from this process to an in-process SMTP server.
 * Build first: `npx remix vite:build`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../app/auth/totp.server.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { resetEnvCache } from "../../app/platform/env.server.ts";
import { setLogSink } from "../../app/platform/logger.server.ts";
import { deliverPendingMail } from "../../app/platform/mail.server.ts";
import {
  attribute,
  createAccount,
  fieldError,
  inputValue,
  linkIn,
  mainOf,
  PASSWORD,
  startSmtp,
  tagWithId,
  Visitor,
  type ReceivedMail,
} from "./account-support.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db.ts";

// The 15-minute windows start at 03:00:00, so Retry-After is exactly 890 s.
const CLOCK = "2026-06-01T03:00:10.000Z";
const AT = new Date(CLOCK);
const NEW_PASSWORD = "碓氷峠のめがね橋を歩く";

let db: TestDatabase;
let server: ServerProcess;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const ENV_KEYS = ["SMTP_URL", "MAIL_FROM", "MAIL_OUTBOX_ONLY"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  smtp = await startSmtp();
  db = await createTestDatabase("sqlite");
  server = await startServer({ databaseUrl: db.url, env: { TEST_CLOCK: CLOCK } });
  // This process delivers the outbox the server fills, over real SMTP.
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "portal@city.annaka.example.jp";
  delete process.env.MAIL_OUTBOX_ONLY;
  resetEnvCache();
  setClock(AT);
  setLogSink(() => {});
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
  await smtp?.close();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  resetEnvCache();
  setClock(null);
  setLogSink((line) => process.stdout.write(line + "\n"));
});

beforeEach(async () => {
  await db.client.rateLimitCounter.deleteMany();
  await deliver();
  smtp.received.length = 0;
});

let counter = 0;
/** A fresh address per test, so tests do not depend on one another. */
function address(label: string) {
  counter += 1;
  return `${label}.${counter}@example.jp`;
}

async function deliver(): Promise<ReceivedMail[]> {
  const before = smtp.received.length;
  await deliverPendingMail({ client: db.client });
  return smtp.received.slice(before);
}

async function mailsTo(to: string): Promise<ReceivedMail[]> {
  await deliver();
  return smtp.received.filter((m) => m.to.includes(to));
}

function visitor(extraCookie = "") {
  return new Visitor(server, extraCookie);
}

async function loggedIn(email: string, password = PASSWORD) {
  const v = visitor();
  const res = await v.post("/login", { email, password });
  expect(res.status, res.text.slice(0, 300)).toBe(302);
  return v;
}

function pathOf(link: string) {
  return new URL(link).pathname;
}

describe("sign-up, verification, log-in and log-out", () => {
  it("walks a resident from sign-up through the mailed link to log-in and log-out", async () => {
    const email = address("taro");
    const page = await visitor().get("/signup");
    expect(page.status).toBe(200);
    expect(attribute(tagWithId(page.text, "email"), "autocomplete")).toBe("email");
    expect(attribute(tagWithId(page.text, "password"), "autocomplete")).toBe("new-password");
    expect(attribute(tagWithId(page.text, "password"), "type")).toBe("password");
    expect(page.text).toContain("個人情報の利用目的");

    const v = visitor();
    const signup = await v.post("/signup", { displayName: "安中 太郎", email, password: PASSWORD, consent: "yes" });
    expect(signup.status).toBe(200);
    expect(signup.text).toContain("メールを確認してください");
    expect(v.cookie).toBeNull(); // sign-up does not log in: that would tell that the address was new

    const user = await db.client.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ displayName: "安中 太郎", role: "resident", emailVerifiedAt: null, active: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const [mail] = await mailsTo(email);
    expect(mail.contentType).toMatch(/^text\/plain; charset=utf-8/i);
    expect(mail.subject).toContain("メールアドレスの確認");
    const link = linkIn(mail, "/verify-email/");
    expect(link.startsWith(`${server.url}/verify-email/`)).toBe(true);

    // Opening the link (a person, or a mail scanner) changes nothing.
    for (let i = 0; i < 2; i++) {
      const opened = await visitor().get(pathOf(link));
      expect(opened.status).toBe(200);
      expect(opened.text).toMatch(/<form method="post"[^>]*>/);
      expect(opened.text).toContain("メールアドレスを確認する");
    }
    expect((await db.client.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
    expect(await db.client.userToken.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(0);

    const confirmed = await visitor().post(pathOf(link));
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.location).toBe("/login?notice=verified");
    expect((await db.client.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt?.toISOString()).toBe(CLOCK);

    const login = await v.post("/login", { email, password: PASSWORD, redirectTo: "/account" });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe("/account");
    const cookie = login.headers["set-cookie"]![0];
    expect(cookie).toMatch(/^portal_session=[a-z2-7]+\.[a-z2-7]+; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Max-Age=2592000");
    expect(cookie).not.toContain("Secure"); // PUBLIC_URL is http://localhost

    const account = await v.get("/account");
    expect(account.status).toBe(200);
    expect(account.text).toContain("安中 太郎");
    expect(account.text).toContain("確認済み");

    // GET /logout changes nothing.
    const getLogout = await v.get("/logout");
    expect(getLogout.status).toBe(302);
    expect(getLogout.headers.location).toBe("/");
    expect((await v.get("/account")).status).toBe(200);

    const sessionCookie = v.cookie;
    const logout = await v.post("/logout");
    expect(logout.status).toBe(302);
    expect(logout.headers["set-cookie"]![0]).toMatch(/^portal_session=; .*Max-Age=0/);
    expect(v.cookie).toBeNull();
    expect(await db.client.session.count({ where: { userId: user.id } })).toBe(0);
    const replay = visitor();
    replay.cookie = sessionCookie;
    const after = await replay.get("/account");
    expect(after.status).toBe(302);
    expect(after.headers.location).toBe("/login?redirectTo=%2Faccount");
  });

  it("brings a person who clicked 団体を登録する logged out back to the group form after sign-up, verification and log-in", async () => {
    const email = address("hanako");
    const v = visitor();
    const guarded = await v.get("/groups/new");
    expect(guarded.status).toBe(302);
    expect(guarded.headers.location).toBe("/login?redirectTo=%2Fgroups%2Fnew");

    const login = await v.get(guarded.headers.location!);
    expect(login.status).toBe(200);
    expect(mainOf(login.text)).toContain("団体を登録するには、ログインが必要です。アカウントがない方は新規登録してください。");
    expect(login.text).toContain('href="/signup?redirectTo=%2Fgroups%2Fnew"');

    const signupPage = await v.get("/signup?redirectTo=%2Fgroups%2Fnew");
    // It says what an account is for today: registering and keeping a group, mail; nothing unbuilt.
    expect(mainOf(signupPage.text)).toContain("市民活動団体をこのポータルに登録して");
    expect(mainOf(signupPage.text)).toContain("メールでお届けします");
    expect(mainOf(signupPage.text)).not.toMatch(/行事|意見の提出/);
    expect(inputValue(mainOf(signupPage.text), "redirectTo")).toBe("/groups/new");
    const signup = await v.post("/signup", { displayName: "安中 花子", email, password: PASSWORD, consent: "yes", redirectTo: "/groups/new" });
    expect(signup.status).toBe(200);
    expect(signup.text).toContain('href="/login?redirectTo=%2Fgroups%2Fnew"');
    expect(mainOf(signup.text)).not.toMatch(/行事|意見の提出/);

    const link = new URL(linkIn((await mailsTo(email))[0], "/verify-email/"));
    expect(link.searchParams.get("redirectTo")).toBe("/groups/new");
    const opened = await v.get(link.pathname + link.search);
    expect(inputValue(mainOf(opened.text), "redirectTo")).toBe("/groups/new");
    const confirmed = await v.post(link.pathname + link.search, { redirectTo: "/groups/new" });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.location).toBe("/login?notice=verified&redirectTo=%2Fgroups%2Fnew");

    const back = await v.get(confirmed.headers.location!);
    expect(mainOf(back.text)).toContain("団体を登録するには");
    expect(inputValue(mainOf(back.text), "redirectTo")).toBe("/groups/new");
    const loggedIn = await v.post("/login", { email, password: PASSWORD, redirectTo: inputValue(mainOf(back.text), "redirectTo")! });
    expect(loggedIn.status).toBe(302);
    expect(loggedIn.headers.location).toBe("/groups/new");
    const form = await v.get("/groups/new");
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="intent" value="submit"');
  });

  it("carries only same-site paths through sign-up and verification, and shows no reason for a plain log-in", async () => {
    expect(mainOf((await visitor().get("/login")).text)).not.toContain("ログインが必要です");
    expect(mainOf((await visitor().get("/login?redirectTo=%2Fmy%2Fgroups")).text)).toContain("このページを利用するには、ログインが必要です。");
    for (const hostile of ["//evil.example/groups/new", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      const page = await visitor().get(`/signup?redirectTo=${encodeURIComponent(hostile)}`);
      expect(page.status).toBe(200);
      expect(inputValue(mainOf(page.text), "redirectTo")).toBe("/");
      expect(mainOf((await visitor().get(`/login?redirectTo=${encodeURIComponent(hostile)}`)).text)).not.toContain("ログインが必要です");
    }
    const email = address("jiro");
    await visitor().post("/signup", { displayName: "次郎", email, password: PASSWORD, consent: "yes", redirectTo: "//evil.example/x" });
    const link = new URL(linkIn((await mailsTo(email))[0], "/verify-email/"));
    expect(link.search).toBe("");
    const confirmed = await visitor().post(link.pathname, { redirectTo: "https://evil.example/" });
    expect(confirmed.headers.location).toBe("/login?notice=verified");
  });

  it("answers a sign-up with a registered address with the same page and mails that address instead", async () => {
    const email = address("hanako");
    const first = await visitor().post("/signup", { displayName: "山田 花子", email, password: PASSWORD, consent: "yes" });
    const original = await db.client.user.findUniqueOrThrow({ where: { email } });
    await deliver();
    smtp.received.length = 0;

    const second = await visitor().post("/signup", {
      displayName: "なりすまし",
      email: `  ${email.toUpperCase()} `,
      password: NEW_PASSWORD,
      consent: "yes",
    });
    expect(second.status).toBe(first.status);
    expect(mainOf(second.text)).toBe(mainOf(first.text));

    const users = await db.client.user.findMany({ where: { email } });
    expect(users).toHaveLength(1);
    expect(users[0].displayName).toBe("山田 花子");
    expect(users[0].passwordHash).toBe(original.passwordHash);

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("登録の申込みがありました");
    expect(linkIn(mails[0], "/login")).toBe(`${server.url}/login`);
    expect(linkIn(mails[0], "/password/forgot")).toBe(`${server.url}/password/forgot`);
    expect(mails[0].text).not.toContain("/verify-email/");
  });

  it("mails in English when the request is in English", async () => {
    const email = address("english");
    await new Visitor(server, "lang=en").post("/signup", { displayName: "Ann", email, password: PASSWORD, consent: "yes" });
    const [mail] = await mailsTo(email);
    expect(mail.subject).toBe("[Annaka Citizen Collaboration Portal] Verify your email address");
    expect(mail.text).toContain("Thank you for signing up");
    expect(mail.text).not.toMatch(/[\u3040-\u30ff]/);
  });

  it("refuses a used link and an expired link (410), offering to resend when logged in", async () => {
    const email = address("jiro");
    await visitor().post("/signup", { displayName: "次郎", email, password: PASSWORD, consent: "yes" });
    const link = pathOf(linkIn((await mailsTo(email))[0], "/verify-email/"));
    expect((await visitor().post(link)).status).toBe(302);
    const reused = await visitor().post(link);
    expect(reused.status).toBe(410);
    expect(reused.text).toContain("このリンクは使えません");
    expect((await visitor().get(link)).status).toBe(410);

    // A second account, whose link has passed its 24 hours.
    const other = address("saburo");
    await visitor().post("/signup", { displayName: "三郎", email: other, password: PASSWORD, consent: "yes" });
    const expiredLink = pathOf(linkIn((await mailsTo(other))[0], "/verify-email/"));
    await db.client.userToken.updateMany({ where: { email: other }, data: { expiresAt: new Date(AT.getTime() - 1000) } });
    const anonymous = await visitor().get(expiredLink);
    expect(anonymous.status).toBe(410);
    expect(anonymous.text).toContain('href="/login?redirectTo=%2Faccount"');
    const session = await loggedIn(other);
    const offered = await session.get(expiredLink);
    expect(offered.status).toBe(410);
    expect(offered.text).toMatch(/<form method="post" action="\/account"[^>]*>/);
    expect(inputValue(offered.text, "intent")).toBe("resend");
    const post = await session.post(expiredLink);
    expect(post.status).toBe(410);
    expect((await db.client.user.findUniqueOrThrow({ where: { email: other } })).emailVerifiedAt).toBeNull();

    const resend = await session.post("/account", { intent: "resend" });
    expect(resend.status).toBe(302);
    expect(resend.headers.location).toBe("/account?notice=verificationSent");
    const fresh = pathOf(linkIn((await mailsTo(other)).at(-1)!, "/verify-email/"));
    expect(fresh).not.toBe(expiredLink);
    const done = await session.post(fresh);
    expect(done.headers.location).toBe("/account?notice=verified");
  });

  it("answers an unknown link with 404", async () => {
    expect((await visitor().get("/verify-email/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(404);
    expect((await visitor().post("/verify-email/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(404);
    expect((await visitor().get("/password/reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(404);
  });

  it("tells an unverified account on /account, and asks it to verify at ?verify=required", async () => {
    const email = address("unverified");
    await createAccount(db.client, { email, verified: false, at: AT });
    const v = await loggedIn(email);
    const page = await v.get("/account?verify=required");
    expect(page.status).toBe(200);
    expect(page.text).toContain("この操作には、メールアドレスの確認が必要です");
    expect(page.text).toContain("確認がまだ済んでいません");
    expect(page.text).toContain("確認のメールを再送する");
    for (let i = 0; i < 5; i++) expect((await v.post("/account", { intent: "resend" })).status).toBe(302);
    const limited = await v.post("/account", { intent: "resend" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.text).toContain("しばらく受け付けません");
  });
});

describe("password reset", () => {
  it("mails a one-hour link, sets the password once, and ends every session", async () => {
    const email = address("reset");
    const user = await createAccount(db.client, { email, at: AT });
    const a = await loggedIn(email);
    const b = await loggedIn(email);
    expect(await db.client.session.count({ where: { userId: user.id } })).toBe(2);

    const known = await visitor().post("/password/forgot", { email });
    const unknown = await visitor().post("/password/forgot", { email: address("nobody") });
    expect(known.status).toBe(200);
    expect(mainOf(unknown.text)).toBe(mainOf(known.text));
    const mails = await deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([email]);
    const link = pathOf(linkIn(mails[0], "/password/reset/"));
    const token = await db.client.userToken.findFirstOrThrow({ where: { userId: user.id, kind: "reset-password" } });
    expect(token.expiresAt.getTime() - AT.getTime()).toBe(60 * 60 * 1000);

    const form = await visitor().get(link);
    expect(form.status).toBe(200);
    expect(attribute(tagWithId(form.text, "password"), "autocomplete")).toBe("new-password");

    const short = await visitor().post(link, { password: "short" });
    expect(short.status).toBe(400);
    expect(fieldError(short.text, "password")).toBe("10文字以上で入力してください");
    const common = await visitor().post(link, { password: "password1234" });
    expect(fieldError(common.text, "password")).toContain("よく使われていて");
    expect((await db.client.userToken.findUniqueOrThrow({ where: { id: token.id } })).usedAt).toBeNull();

    const reset = await visitor().post(link, { password: NEW_PASSWORD });
    expect(reset.status).toBe(302);
    expect(reset.headers.location).toBe("/login?notice=passwordReset");
    expect(await db.client.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await a.get("/account")).status).toBe(302);
    expect((await b.get("/account")).status).toBe(302);
    expect((await visitor().post("/login", { email, password: PASSWORD })).status).toBe(400);
    await loggedIn(email, NEW_PASSWORD);
    expect((await mailsTo(email)).some((m) => m.subject.includes("パスワードが変更されました"))).toBe(true);

    const reused = await visitor().post(link, { password: "また別の新しいパスワード" });
    expect(reused.status).toBe(410);
    expect((await visitor().get(link)).status).toBe(410);
    await loggedIn(email, NEW_PASSWORD);
  });

  it("refuses an expired link and leaves the password as it was", async () => {
    const email = address("expired");
    await createAccount(db.client, { email, at: AT });
    await visitor().post("/password/forgot", { email });
    const link = pathOf(linkIn((await mailsTo(email))[0], "/password/reset/"));
    await db.client.userToken.updateMany({ where: { email, kind: "reset-password" }, data: { expiresAt: new Date(AT.getTime() - 1) } });
    const page = await visitor().get(link);
    expect(page.status).toBe(410);
    expect(page.text).toContain("このリンクは使えません");
    expect((await visitor().post(link, { password: NEW_PASSWORD })).status).toBe(410);
    await loggedIn(email);
  });
});

describe("log-in limits and refusals", () => {
  const TEN_FAILURES = 10;

  it("refuses the 11th try for one address with 429 and Retry-After, without checking the password", async () => {
    const email = address("limited");
    const user = await createAccount(db.client, { email, at: AT });
    for (let i = 0; i < TEN_FAILURES; i++) {
      const res = await visitor().post("/login", { email: i % 2 ? email.toUpperCase() : email, password: `wrong password ${i}` });
      expect(res.status, `try ${i + 1}`).toBe(400);
      expect(res.text).toContain("メールアドレスまたはパスワードが正しくありません");
    }
    const v = visitor();
    const refused = await v.post("/login", { email, password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("890");
    expect(refused.text).toContain("ログインの失敗が続いたため");
    expect(attribute(tagWithId(refused.text, "email"), "value")).toBe(email);
    expect(attribute(tagWithId(refused.text, "password"), "value") ?? "").toBe("");
    expect(refused.headers["set-cookie"]).toBeUndefined();
    expect(v.cookie).toBeNull();
    expect(await db.client.session.count({ where: { userId: user.id } })).toBe(0);
    // Not counted either: the refusal came before any password check.
    const counters = await db.client.rateLimitCounter.findMany({ where: { id: { startsWith: "login-email:" } } });
    expect(counters.map((c) => c.count)).toEqual([10]);
    // No address is kept in the counters.
    expect((await db.client.rateLimitCounter.findMany()).filter((c) => c.id.includes("@"))).toEqual([]);

    // Another account from the same client still logs in: the per-address limit is 30.
    const other = address("neighbour");
    await createAccount(db.client, { email: other, at: AT });
    await loggedIn(other);
  });

  it("refuses the 31st failure from one client address, whatever the account", async () => {
    const email = address("victim");
    await createAccount(db.client, { email, at: AT });
    for (let i = 0; i < 30; i++) expect((await visitor().post("/login", { email: address("guess"), password: "x" })).status).toBe(400);
    const refused = await visitor().post("/login", { email, password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("890");
  });

  it("does not accept a session id and stored hash read from the database as a cookie", async () => {
    const email = address("stolen");
    const user = await createAccount(db.client, { email, at: AT });
    const v = await loggedIn(email);
    const row = await db.client.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(v.cookie!.startsWith(`${row.id}.`)).toBe(true);
    expect(v.cookie).not.toContain(row.secretHash);
    for (const forged of [`${row.id}.${row.secretHash}`, row.id, `${row.id}.`, `${row.id}.${v.cookie!.split(".")[1]}x`]) {
      const thief = visitor();
      thief.cookie = forged;
      const res = await thief.get("/account");
      expect(res.status, forged).toBe(302);
      expect(res.headers.location).toBe("/login?redirectTo=%2Faccount");
    }
    expect((await v.get("/account")).status).toBe(200);
  });

  it("refuses a deactivated account with the same message, and ends its sessions", async () => {
    const email = address("inactive");
    const user = await createAccount(db.client, { email, at: AT });
    const v = await loggedIn(email);
    await db.client.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await v.get("/account")).status).toBe(302);
    const res = await visitor().post("/login", { email, password: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.text).toContain("メールアドレスまたはパスワードが正しくありません");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(await db.client.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("redirects only to paths of this site after log-in", async () => {
    const email = address("redirect");
    await createAccount(db.client, { email, at: AT });
    for (const redirectTo of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
      const res = await visitor().post("/login", { email, password: PASSWORD, redirectTo });
      expect(res.headers.location, redirectTo).toBe("/");
    }
  });
});

describe("two-factor", () => {
  async function setUpTotp(v: Visitor) {
    const page = await v.get("/account/two-factor");
    expect(page.status).toBe(200);
    const secret = inputValue(page.text, "secret")!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const img = /<img src="data:image\/svg\+xml;base64,([^"]+)" alt="([^"]+)"/.exec(page.text);
    expect(img).not.toBeNull();
    expect(Buffer.from(img![1], "base64").toString("utf8")).toMatch(/<svg\b/);
    expect(img![2]).toContain("QRコード");
    expect(page.text.replace(/\s/g, "")).toContain(secret);
    expect(attribute(tagWithId(page.text, "code"), "inputmode")).toBe("numeric");
    expect(attribute(tagWithId(page.text, "code"), "autocomplete")).toBe("one-time-code");
    return { page, secret };
  }

  it("sets up TOTP with a code, shows ten recovery codes once, and asks for a code at every log-in", async () => {
    const email = address("totp");
    const user = await createAccount(db.client, { email, at: AT });
    const other = await loggedIn(email);
    const v = await loggedIn(email);
    const { secret } = await setUpTotp(v);

    const wrong = await v.post("/account/two-factor", { intent: "enable", secret, code: "000000" === totpCodeAt(secret, AT) ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.text, "code")).toContain("コードが正しくありません");
    expect(inputValue(wrong.text, "secret")).toBe(secret); // the key already in the app keeps working
    expect((await db.client.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();

    const enabled = await v.post("/account/two-factor", { intent: "enable", secret, code: totpCodeAt(secret, AT) });
    expect(enabled.status).toBe(200);
    const codes = [...enabled.text.matchAll(/<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.client.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(codes[0].replace("-", ""));
    expect((await db.client.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBe(secret);
    // The session opened before the set-up never gave a second factor: it has ended.
    expect((await other.get("/account")).status).toBe(302);
    expect((await v.get("/account")).status).toBe(200);
    // Shown once: the page now manages, and lists no codes.
    const manage = await v.get("/account/two-factor");
    expect(manage.text).not.toContain(codes[0]);
    expect(manage.text).toContain("未使用の回復コード：10個");

    // Log-in now stops at the second step; the half-logged-in session opens nothing.
    const next = visitor();
    const first = await next.post("/login", { email, password: PASSWORD, redirectTo: "/account" });
    expect(first.headers.location).toBe("/login/two-factor?redirectTo=%2Faccount");
    expect(next.cookie).not.toBeNull();
    expect((await next.get("/account")).headers.location).toBe("/login/two-factor");
    expect((await next.get("/")).text).toContain('href="/login"');
    const page = await next.get("/login/two-factor?redirectTo=%2Faccount");
    expect(page.status).toBe(200);
    expect(attribute(tagWithId(page.text, "code"), "inputmode")).toBe("numeric");
    expect(attribute(tagWithId(page.text, "code"), "autocomplete")).toBe("one-time-code");

    // Codes of the steps next to the current one count (clock drift); older ones do not.
    const stale = await next.post("/login/two-factor", { method: "totp", code: totpCodeAt(secret, new Date(AT.getTime() - 90_000)), redirectTo: "/account" });
    expect(stale.status).toBe(400);
    expect(fieldError(stale.text, "code")).toContain("確認コードが正しくありません");
    // The code used to turn TOTP on (this step's) is spent: a code is good once.
    const spent = await next.post("/login/two-factor", { method: "totp", code: totpCodeAt(secret, AT), redirectTo: "/account" });
    expect(spent.status).toBe(400);
    const nextStep = totpCodeAt(secret, new Date(AT.getTime() + 30_000));
    const ok = await next.post("/login/two-factor", { method: "totp", code: nextStep, redirectTo: "/account" });
    expect(ok.status).toBe(302);
    expect(ok.headers.location).toBe("/account");
    expect((await next.get("/account")).status).toBe(200);
    // Seen over a shoulder, the same code does not open a second session, nor does an older one.
    const thief = visitor();
    await thief.post("/login", { email, password: PASSWORD });
    expect((await thief.post("/login/two-factor", { method: "totp", code: nextStep })).status).toBe(400);
    expect((await thief.post("/login/two-factor", { method: "totp", code: totpCodeAt(secret, AT) })).status).toBe(400);
    expect((await thief.get("/account")).status).toBe(302);

    // A recovery code works once.
    const withCode = visitor();
    await withCode.post("/login", { email, password: PASSWORD });
    const used = await withCode.post("/login/two-factor", { method: "recovery", recoveryCode: codes[3].toUpperCase() });
    expect(used.status).toBe(302);
    expect((await withCode.get("/account")).status).toBe(200);
    const again = visitor();
    await again.post("/login", { email, password: PASSWORD });
    const reused = await again.post("/login/two-factor", { method: "recovery", recoveryCode: codes[3] });
    expect(reused.status).toBe(400);
    expect(fieldError(reused.text, "recoveryCode")).toContain("すでに使われています");
    expect((await again.post("/login/two-factor", { method: "recovery", recoveryCode: codes[4] })).status).toBe(302);
    expect(await db.client.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);
  });

  it("refuses the eleventh code after ten wrong ones for the account with 429 (login-limits-suite.ts: across sessions)", async () => {
    const email = address("totp-limit");
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await createAccount(db.client, { email, totpSecret: secret, at: AT });
    const v = visitor();
    await v.post("/login", { email, password: PASSWORD });
    const wrongCode = totpCodeAt(secret, AT) === "123456" ? "654321" : "123456";
    for (let i = 0; i < 10; i++) expect((await v.post("/login/two-factor", { method: "totp", code: wrongCode })).status).toBe(400);
    const refused = await v.post("/login/two-factor", { method: "totp", code: totpCodeAt(secret, AT) });
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("890");
    expect((await v.get("/account")).status).toBe(302);
  });

  it("sends staff without TOTP from /admin to the set-up, which explains why; staff cannot turn it off", async () => {
    const email = address("staff");
    await createAccount(db.client, { email, role: "staff", at: AT });
    const v = await loggedIn(email);
    const admin = await v.get("/admin");
    expect(admin.status).toBe(302);
    expect(admin.headers.location).toBe("/account/two-factor?required=1");
    const setUp = await v.get("/account/two-factor?required=1");
    expect(setUp.status).toBe(200);
    expect(setUp.text).toContain("職員・管理者のアカウントは、管理画面を使う前に2段階認証の設定が必要です");
    const secret = inputValue(setUp.text, "secret")!;
    const enabled = await v.post("/account/two-factor", { intent: "enable", secret, code: totpCodeAt(secret, AT) });
    expect(enabled.status).toBe(200);
    expect(enabled.text).toContain('href="/admin"');
    expect((await v.get("/admin")).status).toBe(200);

    const manage = await v.get("/account/two-factor");
    expect(manage.text).toContain("職員・管理者のアカウントでは、2段階認証を解除できません");
    const disable = await v.post("/account/two-factor", { intent: "disable", disablePassword: PASSWORD, disableCode: totpCodeAt(secret, AT) });
    expect(disable.status).toBe(403);
    expect((await db.client.user.findUniqueOrThrow({ where: { email } })).totpEnabledAt).not.toBeNull();
  });

  it("lets a resident turn TOTP off with the password and a code", async () => {
    const email = address("totp-off");
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";
    await createAccount(db.client, { email, totpSecret: secret, at: AT });
    const v = visitor();
    await v.post("/login", { email, password: PASSWORD });
    await v.post("/login/two-factor", { method: "totp", code: totpCodeAt(secret, AT) });
    const wrongPassword = await v.post("/account/two-factor", { intent: "disable", disablePassword: "not my password", disableCode: totpCodeAt(secret, AT) });
    expect(wrongPassword.status).toBe(400);
    expect(fieldError(wrongPassword.text, "disablePassword")).toBe("パスワードが正しくありません");
    // The code of the log-in is spent; the next step's works.
    const replayed = await v.post("/account/two-factor", { intent: "disable", disablePassword: PASSWORD, disableCode: totpCodeAt(secret, AT) });
    expect(replayed.status).toBe(400);
    const off = await v.post("/account/two-factor", { intent: "disable", disablePassword: PASSWORD, disableCode: totpCodeAt(secret, new Date(AT.getTime() + 30_000)) });
    expect(off.status).toBe(302);
    expect(off.headers.location).toBe("/account?notice=twoFactorDisabled");
    const user = await db.client.user.findUniqueOrThrow({ where: { email } });
    expect(user.totpSecret).toBeNull();
    expect(user.totpEnabledAt).toBeNull();
    expect(user.totpLastStep).toBeNull();
  });
});

describe("/account", () => {
  it("changes the address only when the new one confirms, and ends the other sessions", async () => {
    const email = address("mover");
    const newEmail = address("moved");
    const user = await createAccount(db.client, { email, at: AT });
    const here = await loggedIn(email);
    const elsewhere = await loggedIn(email);

    const wrong = await here.post("/account", { intent: "email", newEmail, emailPassword: "not my password" });
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.text, "emailPassword")).toBe("パスワードが正しくありません");
    expect(attribute(tagWithId(wrong.text, "newEmail"), "value")).toBe(newEmail);

    const asked = await here.post("/account", { intent: "email", newEmail, emailPassword: PASSWORD });
    expect(asked.status).toBe(302);
    expect(asked.headers.location).toBe("/account?notice=emailChangeSent");
    expect((await db.client.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(email);
    const [notice] = await mailsTo(email);
    expect(notice.subject).toContain("メールアドレス変更の申込みがありました");
    const [confirm] = await mailsTo(newEmail);
    const link = pathOf(linkIn(confirm, "/verify-email/"));
    expect((await here.get("/account")).text).toContain(newEmail);

    const page = await here.get(link);
    expect(page.text).toContain("メールアドレスを変更する");
    expect((await db.client.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(email);
    const done = await here.post(link);
    expect(done.status).toBe(302);
    expect(done.headers.location).toBe("/account?notice=emailChanged");
    const moved = await db.client.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt).not.toBeNull();
    expect((await here.get("/account")).status).toBe(200);
    expect((await elsewhere.get("/account")).status).toBe(302);
  });

  it("never says that the new address is taken: that address is told instead", async () => {
    const email = address("curious");
    const taken = address("taken");
    await createAccount(db.client, { email, at: AT });
    await createAccount(db.client, { email: taken, at: AT });
    const v = await loggedIn(email);
    const res = await v.post("/account", { intent: "email", newEmail: taken, emailPassword: PASSWORD });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/account?notice=emailChangeSent");
    const [mail] = await mailsTo(taken);
    expect(mail.subject).toContain("メールアドレス変更の申込みがありました");
    expect(mail.text).not.toContain("/verify-email/");
    expect(await db.client.userToken.count({ where: { email: taken } })).toBe(0);
  });

  it("refuses to switch to an address taken after the link was sent (409)", async () => {
    const email = address("late");
    const wanted = address("wanted");
    await createAccount(db.client, { email, at: AT });
    const v = await loggedIn(email);
    await v.post("/account", { intent: "email", newEmail: wanted, emailPassword: PASSWORD });
    const link = pathOf(linkIn((await mailsTo(wanted))[0], "/verify-email/"));
    await createAccount(db.client, { email: wanted, at: AT });
    const res = await v.post(link);
    expect(res.status).toBe(409);
    expect(res.text).toContain("ほかのアカウントで使われる");
    expect((await db.client.user.findUniqueOrThrow({ where: { email } })).email).toBe(email);
  });

  it("changes the password with the current one, keeping this session and ending the others", async () => {
    const email = address("changer");
    await createAccount(db.client, { email, at: AT });
    const here = await loggedIn(email);
    const elsewhere = await loggedIn(email);
    const wrong = await here.post("/account", { intent: "password", currentPassword: "guess guess", newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.text, "currentPassword")).toBe("パスワードが正しくありません");
    expect(wrong.text).not.toContain(NEW_PASSWORD);
    const ok = await here.post("/account", { intent: "password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.status).toBe(302);
    expect(ok.headers.location).toBe("/account?notice=passwordChanged");
    expect((await here.get("/account")).status).toBe(200);
    expect((await elsewhere.get("/account")).status).toBe(302);
    await loggedIn(email, NEW_PASSWORD);
    expect((await mailsTo(email)).some((m) => m.subject.includes("パスワードが変更されました"))).toBe(true);
  });

  it("lists the person's sessions and ends only their own", async () => {
    const email = address("devices");
    const otherEmail = address("someone");
    const user = await createAccount(db.client, { email, at: AT });
    const someone = await createAccount(db.client, { email: otherEmail, at: AT });
    const here = await loggedIn(email);
    await loggedIn(email);
    const theirs = await loggedIn(otherEmail);
    const page = await here.get("/account");
    expect(page.text).toContain("この端末");
    expect(page.text).toContain("Chrome / Windows");
    const own = await db.client.session.findMany({ where: { userId: user.id } });
    const current = own.find((s) => here.cookie!.startsWith(`${s.id}.`))!;
    const other = own.find((s) => s !== current)!;
    expect(page.text).not.toContain(current.id); // half of the cookie: not put in the page
    expect(page.text).toContain(other.id);

    const foreign = await db.client.session.findFirstOrThrow({ where: { userId: someone.id } });
    await here.post("/account", { intent: "revoke", sessionId: foreign.id });
    expect((await theirs.get("/account")).status).toBe(200);

    const revoked = await here.post("/account", { intent: "revoke", sessionId: other.id });
    expect(revoked.headers.location).toBe("/account?notice=sessionRevoked");
    expect(await db.client.session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: current.id }]);
  });

  it("exports the person's own data and nobody else's", async () => {
    const email = address("exporter");
    const otherEmail = address("bystander");
    const user = await createAccount(db.client, { email, displayName: "書出 太郎", at: AT });
    const other = await createAccount(db.client, { email: otherEmail, displayName: "無関係 花子", at: AT });
    const district = await db.client.district.create({ data: { code: `X${counter}`, name: "試験区", nameKana: "しけんく" } });
    await db.client.districtMembership.create({ data: { userId: user.id, districtId: district.id } });
    await db.client.districtMembership.create({ data: { userId: other.id, districtId: district.id } });
    const group = await db.client.group.create({ data: { state: "active", name: "書出の会" } });
    await db.client.groupVersion.create({
      data: { groupId: group.id, status: "approved", name: "書出の会", nameKana: "かきだしのかい", kind: "volunteer", representativeName: "書出 太郎", purpose: "目的", activities: "活動", memberCount: 3 },
    });
    await db.client.groupMembership.create({ data: { groupId: group.id, userId: user.id, role: "editor" } });
    await db.client.groupMembership.create({ data: { groupId: group.id, userId: other.id, role: "representative" } });
    await db.client.auditEntry.create({
      data: { id: `a-${counter}`, actorId: user.id, actorRole: "resident", action: "test.mine", targetType: "thing", targetId: "1" },
    });
    await db.client.auditEntry.create({
      data: { id: `b-${counter}`, actorId: other.id, actorRole: "resident", action: "test.theirs", targetType: "user", targetId: user.id },
    });
    await loggedIn(otherEmail);
    await loggedIn(email);
    const v = await loggedIn(email);

    expect((await visitor().get("/account/export")).status).toBe(302);
    const res = await v.get("/account/export");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = JSON.parse(res.text);
    expect(data.profile).toMatchObject({ id: user.id, email, displayName: "書出 太郎", role: "resident" });
    expect(data.districtMemberships).toEqual([expect.objectContaining({ district: { id: district.id, code: district.code, name: "試験区" } })]);
    expect(data.groupMemberships).toEqual([expect.objectContaining({ group: { id: group.id, name: "書出の会", state: "active" }, role: "editor" })]);
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(data.auditEntriesAsActor.map((e: { action: string }) => e.action)).toEqual(["test.mine"]);

    for (const foreign of [otherEmail, "無関係 花子", other.id, "test.theirs"]) expect(res.text).not.toContain(foreign);
    const secrets = await db.client.session.findMany({ where: { userId: user.id } });
    for (const s of secrets) {
      expect(res.text).not.toContain(s.secretHash);
      expect(res.text).not.toContain(s.id);
    }
    expect(res.text).not.toContain("passwordHash");
    expect(res.text).not.toContain(user.passwordHash);
  });

  it("deletes the account, leaving no name or address anywhere in the database", async () => {
    const email = address("leaver");
    const pendingEmail = address("leaver-new");
    const name = "退会 予定子";
    const user = await createAccount(db.client, { email, displayName: name, at: AT });
    const district = await db.client.district.create({ data: { code: `D${counter}`, name: "削除試験区", nameKana: "さくじょしけんく" } });
    await db.client.districtMembership.create({ data: { userId: user.id, districtId: district.id } });
    await db.client.auditEntry.create({
      data: { id: `c-${counter}`, actorId: user.id, actorRole: "resident", action: "test.before-deletion", targetType: "thing", targetId: "9" },
    });
    const v = await loggedIn(email);
    await v.post("/account", { intent: "email", newEmail: pendingEmail, emailPassword: PASSWORD });
    await v.post("/account", { intent: "password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await deliver();
    await visitor().post("/password/forgot", { email }); // the outbox now holds mail sent and mail pending

    expect(await db.client.outboxMail.count({ where: { to: { in: [email, pendingEmail] } } })).toBeGreaterThan(2);

    const missing = await v.post("/account", { intent: "delete" });
    expect(missing.status).toBe(400);
    expect(fieldError(missing.text, "deletePassword")).toBe("入力してください");
    const wrong = await v.post("/account", { intent: "delete", deletePassword: PASSWORD });
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.text, "deletePassword")).toBe("パスワードが正しくありません");
    expect(await db.client.user.count({ where: { id: user.id } })).toBe(1);

    const deleted = await v.post("/account", { intent: "delete", deletePassword: NEW_PASSWORD });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.location).toBe("/account/deleted");
    expect(v.cookie).toBeNull();
    expect((await visitor().get("/account/deleted")).status).toBe(200);

    expect(await db.client.user.count({ where: { id: user.id } })).toBe(0);
    const audit = await db.client.auditEntry.findMany({ where: { OR: [{ targetId: user.id }, { id: `c-${counter}` }] }, orderBy: { action: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.actorRole])).toEqual([
      ["account.deleted", null, "system"],
      ["test.before-deletion", null, "resident"],
    ]);

    // Every text of every table, the outbox included.
    const tables = await db.client.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
    );
    expect(tables.map((t) => t.name)).toContain("OutboxMail");
    for (const { name: table } of tables) {
      const rows = await db.client.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
      const text = JSON.stringify(rows, (_, value) => (typeof value === "bigint" ? value.toString() : value));
      for (const personal of [email, pendingEmail, name, "予定子"]) expect(text, `${table} keeps ${personal}`).not.toContain(personal);
    }
  });
});

describe("bad and hostile input: a message at the field, values kept except passwords, never 500", () => {
  // Far past every field's limit, yet two of them fit the server's 64 KB body limit (9 bytes a character URL-encoded).
  const HUGE = "あ".repeat(3_000);
  const SCRIPT = "<script>alert(1)</script>";

  it("sign-up", async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{}, { displayName: "入力してください", email: "入力してください", password: "入力してください", consent: "個人情報の取扱いに同意いただく必要があります" }],
      [{ displayName: "太郎", email: "not-an-address", password: "1234567890", consent: "yes" }, { email: "メールアドレスの形式で入力してください（例：taro@example.jp）", password: "よく使われていて推測されやすいパスワードです。別のパスワードにしてください" }],
      [{ displayName: HUGE, email: `${"a".repeat(300)}@example.jp`, password: "x".repeat(201), consent: "yes" }, { displayName: "50文字以内で入力してください", email: "254文字以内で入力してください", password: "200文字以内で入力してください" }],
      [{ displayName: "太\u0007郎", email: SCRIPT, password: "short", consent: "no" }, { displayName: "使用できない文字が含まれています", email: "メールアドレスの形式で入力してください（例：taro@example.jp）", password: "10文字以上で入力してください", consent: "個人情報の取扱いに同意いただく必要があります" }],
    ];
    for (const [form, expected] of cases) {
      const res = await visitor().post("/signup", form);
      expect(res.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      for (const [field, message] of Object.entries(expected)) expect(fieldError(res.text, field), field).toBe(message);
      expect(res.text).not.toContain(SCRIPT);
      expect(res.text).toContain('class="error-summary"');
      if (form.email) expect(attribute(tagWithId(res.text, "email"), "value")).toBe(form.email);
      expect(attribute(tagWithId(res.text, "password"), "value") ?? "").toBe("");
    }
    const kept = await visitor().post("/signup", { displayName: SCRIPT, email: "taro@example.jp", password: "" });
    expect(attribute(tagWithId(kept.text, "displayName"), "value")).toBe(SCRIPT);
    expect(kept.text).toContain("&lt;script&gt;");
    expect(await db.client.user.count({ where: { email: "taro@example.jp" } })).toBe(0);
  });

  it("sign-up in English", async () => {
    const res = await new Visitor(server, "lang=en").post("/signup", { email: "x" });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<html lang="en">');
    expect(fieldError(res.text, "displayName")).toBe("Please fill in this field");
  });

  it("log-in", async () => {
    const NOT_AN_ADDRESS = "メールアドレスの形式で入力してください（例：taro@example.jp）";
    // Each refused form with the message at each field (null: that field has none).
    const cases: [Record<string, string>, { email: string | null; password: string | null }][] = [
      [{}, { email: "入力してください", password: "入力してください" }],
      [{ email: SCRIPT, password: "" }, { email: NOT_AN_ADDRESS, password: "入力してください" }],
      [{ email: HUGE, password: HUGE }, { email: "254文字以内で入力してください", password: "200文字以内で入力してください" }],
      [{ email: "a\u0000@example.jp", password: "x" }, { email: NOT_AN_ADDRESS, password: null }],
    ];
    for (const [form, errors] of cases) {
      const res = await visitor().post("/login", form);
      const label = JSON.stringify(form).slice(0, 60);
      expect(res.status, label).toBe(400);
      expect({ email: fieldError(res.text, "email"), password: fieldError(res.text, "password") }, label).toEqual(errors);
      expect(res.text).not.toContain(SCRIPT);
    }
    const huge = await visitor().post("/login", { email: "taro@example.jp", password: HUGE });
    expect(fieldError(huge.text, "password")).toBe("200文字以内で入力してください");
    expect(attribute(tagWithId(huge.text, "email"), "value")).toBe("taro@example.jp");
  });

  it("the second step of log-in", async () => {
    const email = address("bad-2fa");
    await createAccount(db.client, { email, totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXR", at: AT });
    const v = visitor();
    await v.post("/login", { email, password: PASSWORD });
    const cases: [Record<string, string>, string, string][] = [
      [{ method: "totp" }, "code", "入力してください"],
      [{ method: "totp", code: "12345a" }, "code", "6桁の数字で入力してください"],
      [{ method: "totp", code: HUGE }, "code", "40文字以内で入力してください"],
      [{ method: "recovery", recoveryCode: SCRIPT }, "recoveryCode", "回復コードの形式で入力してください（例：abcde-fgh23）"],
      [{ method: "recovery", recoveryCode: "\u0001" }, "recoveryCode", "回復コードの形式で入力してください（例：abcde-fgh23）"],
    ];
    for (const [form, field, message] of cases) {
      const res = await v.post("/login/two-factor", form);
      expect(res.status, JSON.stringify(form).slice(0, 60)).toBe(400);
      expect(fieldError(res.text, field)).toBe(message);
      expect(res.text).not.toContain(SCRIPT);
    }
  });

  it("password forgot and reset", async () => {
    for (const [form, message] of [
      [{}, "入力してください"],
      [{ email: SCRIPT }, "メールアドレスの形式で入力してください（例：taro@example.jp）"],
      [{ email: HUGE }, "254文字以内で入力してください"],
    ] as const) {
      const res = await visitor().post("/password/forgot", form);
      expect(res.status).toBe(400);
      expect(fieldError(res.text, "email")).toBe(message);
    }
    const email = address("bad-reset");
    await createAccount(db.client, { email, at: AT });
    await visitor().post("/password/forgot", { email });
    const link = pathOf(linkIn((await mailsTo(email))[0], "/password/reset/"));
    for (const [form, message] of [
      [{}, "入力してください"],
      [{ password: HUGE }, "200文字以内で入力してください"],
      [{ password: "short\u0000" }, "10文字以上で入力してください"],
    ] as const) {
      const res = await visitor().post(link, form);
      expect(res.status).toBe(400);
      expect(fieldError(res.text, "password")).toBe(message);
    }
  });

  it("the forms of /account and of the two-factor set-up", async () => {
    const email = address("bad-account");
    await createAccount(db.client, { email, displayName: "元の名前", at: AT });
    const v = await loggedIn(email);
    const cases: [string, Record<string, string>, string, string][] = [
      ["/account", { intent: "profile" }, "displayName", "入力してください"],
      ["/account", { intent: "profile", displayName: HUGE }, "displayName", "50文字以内で入力してください"],
      ["/account", { intent: "profile", displayName: "名前\u001b[31m" }, "displayName", "使用できない文字が含まれています"],
      ["/account", { intent: "email", newEmail: SCRIPT, emailPassword: PASSWORD }, "newEmail", "メールアドレスの形式で入力してください（例：taro@example.jp）"],
      ["/account", { intent: "email", newEmail: email, emailPassword: PASSWORD }, "newEmail", "現在のメールアドレスと同じです"],
      ["/account", { intent: "email", newEmail: "x@example.jp", emailPassword: HUGE }, "emailPassword", "200文字以内で入力してください"],
      ["/account", { intent: "password", currentPassword: PASSWORD, newPassword: "abc" }, "newPassword", "10文字以上で入力してください"],
      ["/account", { intent: "password", currentPassword: PASSWORD }, "newPassword", "入力してください"],
      ["/account", { intent: "delete", deletePassword: HUGE }, "deletePassword", "200文字以内で入力してください"],
      ["/account/two-factor", { intent: "enable", secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", code: SCRIPT }, "code", "6桁の数字で入力してください"],
      ["/account/two-factor", { intent: "enable", secret: SCRIPT, code: "123456" }, "code", ""],
    ];
    for (const [path, form, field, message] of cases) {
      const res = await v.post(path, form);
      expect(res.status, `${path} ${JSON.stringify(form).slice(0, 80)}`).toBe(400);
      if (message) expect(fieldError(res.text, field), field).toBe(message);
      expect(res.text).not.toContain(SCRIPT);
      expect(res.text).not.toContain(PASSWORD);
    }
    const bogusSecret = await v.post("/account/two-factor", { intent: "enable", secret: SCRIPT, code: "123456" });
    expect(bogusSecret.text).toContain("設定用のキーが正しくありません");
    expect((await db.client.user.findUniqueOrThrow({ where: { email } })).displayName).toBe("元の名前");

    expect((await v.post("/account", { intent: "nonsense" })).status).toBe(400);
    expect((await v.post("/account", { intent: "revoke", sessionId: HUGE })).status).toBe(400);
    // Not a form at all.
    const raw = await request(server, "/account", { method: "POST", body: "{}", headers: { Origin: server.url, Cookie: `portal_session=${v.cookie}`, "Content-Type": "application/json" } });
    expect(raw.status).toBe(400);
    for (const path of ["/signup", "/login", "/password/forgot"]) {
      expect((await request(server, path, { method: "POST", headers: { Origin: server.url } })).status, path).toBe(400);
    }
  });

  it("limits sign-ups per client address", async () => {
    for (let i = 0; i < 10; i++) expect((await visitor().post("/signup", {})).status).toBe(400);
    const refused = await visitor().post("/signup", {});
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("answers nothing with 500 along the way", () => {
    const errors = server.logs.filter((line) => /"level":"error"/.test(line));
    expect(errors).toEqual([]);
    const serverErrors = server.logs.filter((line) => /"event":"request"/.test(line) && /"status":5\d\d/.test(line));
    expect(serverErrors).toEqual([]);
  });
});
