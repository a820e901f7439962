/**
 * Accounts in the browser, through the log-in form itself (the one place it is driven; every
 * other spec logs in with the session fixture): a resident from sign-up to verified log-in, a
 * keyboard-only sign-up (with and without JavaScript), the second factor at log-in, and the demo
 * staff account with the TOTP secret the README gives. Every account page's axe check is in
 * sweep-accounts.spec.ts. Links that the portal mails are read from the worker's outbox.
 */
import { randomUUID } from "node:crypto";
import { totpCodeAt } from "../../app/auth/totp.server.ts";
import { expect, test } from "./fixtures.ts";
import { logInAsDemo, mailedLink } from "./helpers.ts";

const PASSWORD = "安中の春は梅の花から";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

// The sign-up and reset forms are limited per client address; every test here comes from one.
test.beforeEach(async ({ db }) => {
  await db.rateLimitCounter.deleteMany();
});

function uniqueEmail(label: string) {
  return `${label}.${randomUUID().slice(0, 8)}@example.jp`;
}

test("a resident signs up, verifies the address from the mail and logs in", { tag: "@postgresql" }, async ({ page, db }) => {
  const email = uniqueEmail("walk");
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新規登録");
  await page.getByLabel("表示名").fill("安中 歩");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByLabel("上記の利用目的に同意します").check();
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("メールを確認してください");

  const link = await mailedLink(db, email, "/verify-email/");
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

test("an account with TOTP logs in with its password, then the code", async ({ page, createPerson }) => {
  const person = await createPerson({ password: PASSWORD, totpSecret: TOTP_SECRET });
  await page.goto("/login");
  await page.locator("#email").fill(person.email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await page.locator("#code").fill("12345");
  await page.locator("#code").press("Enter");
  await expect(page.locator("#code-error")).toBeVisible();
  await page.locator("#code").fill(totpCodeAt(TOTP_SECRET));
  await page.locator("#code").press("Enter");
  await expect(page).toHaveURL(/\/$/);
});

test("the demo staff account logs in with the password and the TOTP secret the README gives", async ({ page }) => {
  await logInAsDemo(page, "staff", "/admin");
  await expect(page.getByRole("navigation", { name: "管理メニュー" })).toBeVisible();
});
