/**
 * Accounts in the browser: a resident from sign-up to verified log-in, a keyboard-only
 * sign-up (with and without JavaScript), and axe on every account page in both languages.
 * Links that the portal mails are read from the e2e database's outbox (tests/e2e/server.ts
 * writes its URL to the state file).
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../app/auth/password.server.ts";
import { totpCodeAt } from "../../app/auth/totp.server.ts";
import type { Db } from "../../app/platform/db.server.ts";
import { e2eDatabaseUrl, expectAccessible } from "./helpers.ts";

const PASSWORD = "安中の春は梅の花から";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

let client: Db;

test.beforeAll(async ({}, testInfo) => {
  const databaseUrl = e2eDatabaseUrl(testInfo);
  // Before db.server.ts is loaded, so that its default client is the e2e database too.
  process.env.DATABASE_URL = databaseUrl;
  const { createDb } = await import("../../app/platform/db.server.ts");
  const holder = createDb(databaseUrl);
  await holder.ready;
  client = holder.client;
});

test.afterAll(async () => {
  await client?.$disconnect();
});

// The sign-up and reset forms are limited per client address; every test here comes from one.
test.beforeEach(async () => {
  await client.rateLimitCounter.deleteMany();
});

function uniqueEmail(label: string) {
  return `${label}.${randomUUID().slice(0, 8)}@example.jp`;
}

/** The newest link to `pathPrefix` mailed to `to`. */
async function mailedLink(to: string, pathPrefix: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const mail = await client.outboxMail.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
    const match = mail ? new RegExp(`https?://\\S+${pathPrefix}\\S+`).exec(mail.text) : null;
    if (match) return new URL(match[0]).pathname;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} with a link to ${pathPrefix}`);
}

async function createAccount(email: string, { totp = false, role = "resident" }: { totp?: boolean; role?: string } = {}) {
  const at = new Date();
  await client.user.create({
    data: {
      id: randomUUID(),
      email,
      displayName: "試験 一郎",
      passwordHash: await hashPassword(PASSWORD),
      role,
      emailVerifiedAt: at,
      totpSecret: totp ? TOTP_SECRET : null,
      totpEnabledAt: totp ? at : null,
      passwordChangedAt: at,
      createdAt: at,
    },
  });
}

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("main form button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

async function english(context: BrowserContext, baseURL: string) {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL }]);
}

test("a resident signs up, verifies the address from the mail and logs in", { tag: "@postgresql" }, async ({ page }) => {
  const email = uniqueEmail("walk");
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新規登録");
  await page.getByLabel("表示名").fill("安中 歩");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByLabel("上記の利用目的に同意します").check();
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("メールを確認してください");

  const link = await mailedLink(email, "/verify-email/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("メールアドレスの確認");
  await page.getByRole("button", { name: "メールアドレスを確認する" }).click();
  await expect(page).toHaveURL(/\/login\?notice=verified$/);
  await expect(page.getByRole("status")).toHaveText("メールアドレスを確認しました。");

  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("link", { name: "アカウント", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("アカウント");
  await expect(page.getByText(`${email} (確認済み)`)).toBeVisible();

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?notice=loggedOut$/);
  await expect(page.getByRole("link", { name: "新規登録", exact: true })).toBeVisible();
});

test("sign-up errors show at the fields, keep what was typed, and pass axe", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("表示名").fill("安中 太郎");
  await page.getByLabel("メールアドレス").fill("not-an-address");
  await page.getByLabel("パスワード").fill("short");
  // Enter, not a click: the errors shown as fields lose focus move the button under the pointer.
  await page.getByLabel("パスワード").press("Enter");
  await expect(page.locator("#email-error")).toHaveText("メールアドレスの形式で入力してください（例：taro@example.jp）");
  await expect(page.locator("#password-error")).toHaveText("10文字以上で入力してください");
  await expect(page.locator("#consent-error")).toHaveText("個人情報の取扱いに同意いただく必要があります");
  await expect(page.getByLabel("表示名")).toHaveValue("安中 太郎");
  await expectAccessible(page);
});

test("sign-up works by keyboard alone, with and without JavaScript", async ({ browser, baseURL }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, baseURL });
    const page = await context.newPage();
    await page.goto("/signup");
    await page.locator("main").focus();
    // From the start of the main content, Tab reaches each field in order.
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("表示名")).toBeFocused();
    await page.keyboard.type("鍵盤 操作");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("メールアドレス")).toBeFocused();
    await page.keyboard.type(uniqueEmail(javaScriptEnabled ? "keys" : "nojs"));
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("パスワード")).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "個人情報の取扱いについて（詳細）" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("上記の利用目的に同意します")).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByLabel("上記の利用目的に同意します")).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "登録する" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("メールを確認してください");
    await context.close();
  }
});

test.describe("account pages pass axe in Japanese and English", () => {
  // Each test runs axe on several pages; the machines running them are not always idle.
  test.describe.configure({ timeout: 120_000 });

  for (const lang of ["ja", "en"] as const) {
    test.describe(lang, () => {
      test.beforeEach(async ({ context, baseURL }) => {
        if (lang === "en") await english(context, baseURL!);
      });

      test(`/signup, /login, /password/forgot (${lang})`, async ({ page }) => {
        for (const pathname of ["/signup", "/login", "/password/forgot"]) {
          const response = await page.goto(pathname);
          expect(response?.status(), pathname).toBe(200);
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          await expectAccessible(page);
        }
      });

      test(`/password/reset/<token> from the mailed link (${lang})`, async ({ page }) => {
        const email = uniqueEmail(`reset-${lang}`);
        await createAccount(email);
        await page.goto("/password/forgot");
        await page.locator("#email").fill(email);
        await page.locator("#email").press("Enter");
        await expect(page.getByRole("status")).toBeVisible();
        await expectAccessible(page);
        expect((await page.goto(await mailedLink(email, "/password/reset/")))?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("#password")).toHaveAttribute("autocomplete", "new-password");
        await expectAccessible(page);
      });

      test(`/verify-email/<token> from the mailed link, and a link that cannot be used (${lang})`, async ({ page }) => {
        const newcomer = uniqueEmail(`verify-${lang}`);
        await page.goto("/signup");
        await page.locator("#displayName").fill("Newcomer");
        await page.locator("#email").fill(newcomer);
        await page.locator("#password").fill(PASSWORD);
        await page.locator("#consent").check();
        await page.locator("#consent").press("Enter");
        await expect(page.getByRole("status")).toBeVisible();
        await expectAccessible(page);
        expect((await page.goto(await mailedLink(newcomer, "/verify-email/")))?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expectAccessible(page);
        expect((await page.goto("/verify-email/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))?.status()).toBe(404);
        await expectAccessible(page);
      });

      test(`/login/two-factor, /account and the two-factor page of an account with TOTP (${lang})`, async ({ page }) => {
        const withTotp = uniqueEmail(`totp-${lang}`);
        await createAccount(withTotp, { totp: true });
        await logIn(page, withTotp);
        await expect(page).toHaveURL(/\/login\/two-factor/);
        await expect(page.locator("#code")).toHaveAttribute("inputmode", "numeric");
        await expect(page.locator("#code")).toHaveAttribute("autocomplete", "one-time-code");
        await expectAccessible(page);
        await page.locator("#code").fill("12345");
        await page.locator("#code").press("Enter");
        await expect(page.locator("#code-error")).toBeVisible();
        await expectAccessible(page);
        await page.locator("#code").fill(totpCodeAt(TOTP_SECRET));
        await page.locator("#code").press("Enter");
        await expect(page).toHaveURL(/\/$/);
        await page.goto("/account");
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expectAccessible(page);
        await page.goto("/account/two-factor");
        await expectAccessible(page);
      });

      test(`the two-factor set-up with its QR code, and the recovery codes shown once (${lang})`, async ({ page }) => {
        const resident = uniqueEmail(`setup-${lang}`);
        await createAccount(resident);
        await logIn(page, resident);
        await page.goto("/account/two-factor");
        await expect(page.locator("main img")).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
        await expectAccessible(page);
        const secret = await page.locator("input[name=secret]").inputValue();
        await page.locator("#code").fill(totpCodeAt(secret));
        await page.locator("#code").press("Enter");
        await expect(page.locator("main code")).toHaveCount(10);
        await expectAccessible(page);
      });
    });
  }

  test("/account/two-factor?required=1 for staff without TOTP", async ({ page }) => {
    const staff = uniqueEmail("staff");
    await createAccount(staff, { role: "staff" });
    await logIn(page, staff);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/account\/two-factor\?required=1$/);
    await expect(page.getByRole("alert")).toHaveText("職員・管理者のアカウントは、管理画面を使う前に2段階認証の設定が必要です。");
    await expectAccessible(page);
  });

  test("/account with the notice to verify, and form errors", async ({ page }) => {
    const email = uniqueEmail("unverified");
    await page.goto("/signup");
    await page.locator("#displayName").fill("未確認 次郎");
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(PASSWORD);
    await page.locator("#consent").check();
    await page.locator("main form button[type=submit]").click();
    await expect(page.getByRole("status")).toBeVisible();
    await logIn(page, email);
    await page.goto("/account?verify=required");
    await expect(page.getByRole("alert").first()).toContainText("メールアドレスの確認が必要です");
    await page.locator("#newEmail").fill("broken");
    await page.locator("#emailPassword").fill("x");
    await page.getByRole("button", { name: "確認のメールを送る" }).click();
    await expect(page.locator("#newEmail-error")).toBeVisible();
    await expectAccessible(page);
  });
});
