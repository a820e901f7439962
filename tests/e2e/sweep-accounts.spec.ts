/**
 * Accounts: the accounts domain's accessibility sweep — sign-up, log-in and the second factor,
 * the password reset and address verification from the mailed links, the account page and the
 * two-factor set-up, each in Japanese and English, forms with errors included.
 */
import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { totpCodeAt } from "../../app/auth/totp.server.ts";
import type { Db } from "../../app/platform/db.server.ts";
import { expect } from "./fixtures.ts";
import { mailedLink } from "./helpers.ts";
import { accessibilitySweep, type SweepStep } from "./sweep.ts";

const PASSWORD = "安中の春は梅の花から";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

const uniqueEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@example.jp`;

/** Signs up through the form (JavaScript or not alike), up to the "check your mail" notice. */
async function signUp(page: Page, db: Db, email: string) {
  // The sign-up and reset forms are limited per client address; every test here comes from one.
  await db.rateLimitCounter.deleteMany();
  const response = await page.goto("/signup");
  await page.locator("#displayName").fill("Newcomer");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#consent").check();
  await page.locator("#consent").press("Enter");
  await expect(page.getByRole("status")).toBeVisible();
  return response;
}

async function askForReset(page: Page, db: Db, email: string) {
  await db.rateLimitCounter.deleteMany();
  const response = await page.goto("/password/forgot");
  await page.locator("#email").fill(email);
  await page.locator("#email").press("Enter");
  await expect(page.getByRole("status")).toBeVisible();
  return response;
}

type Step = SweepStep<undefined>;

/** A verified account with a password, for the tests that log in through the form. */
const account = async ({ createPerson }: Step, { totp = false } = {}) =>
  (await createPerson({ password: PASSWORD, totpSecret: totp ? TOTP_SECRET : null })).email;

/** The log-in form with the password, up to the second factor's page. */
async function toSecondFactor(step: Step) {
  const { page } = step;
  const email = await account(step, { totp: true });
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  return null;
}

accessibilitySweep("accounts", {
  pages: [
    { label: "/signup", open: "/signup", heading: { ja: "新規登録" } },
    { label: "/login", open: "/login" },
    { label: "/password/forgot", open: "/password/forgot" },
    {
      label: "sign-up errors show at the fields and keep what was typed",
      open: "/signup",
      langs: ["ja"],
      check: async ({ page }) => {
        await page.getByLabel("表示名").fill("安中 太郎");
        await page.getByLabel("メールアドレス").fill("not-an-address");
        await page.getByLabel("パスワード").fill("short");
        // Enter, not a click: the errors shown as fields lose focus move the button under the pointer.
        await page.getByLabel("パスワード").press("Enter");
        await expect(page.locator("#email-error")).toHaveText("メールアドレスの形式で入力してください（例：taro@example.jp）");
        await expect(page.locator("#password-error")).toHaveText("10文字以上で入力してください");
        await expect(page.locator("#consent-error")).toHaveText("個人情報の取扱いに同意いただく必要があります");
        await expect(page.getByLabel("表示名")).toHaveValue("安中 太郎");
      },
    },
    { label: "/signup, the notice after sending", open: ({ page, db }) => signUp(page, db, uniqueEmail("signup")) },
    {
      label: "/verify-email/<token> from the mailed link",
      open: async ({ page, db }) => {
        const email = uniqueEmail("verify");
        await signUp(page, db, email);
        return page.goto(await mailedLink(db, email, "/verify-email/"));
      },
    },
    { label: "/verify-email/<a link that cannot be used>", open: "/verify-email/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", status: 404 },
    { label: "/password/forgot, the notice after sending", open: async (step) => askForReset(step.page, step.db, await account(step)) },
    {
      label: "/password/reset/<token> from the mailed link",
      open: async (step) => {
        const { page, db } = step;
        const email = await account(step);
        await askForReset(page, db, email);
        return page.goto(await mailedLink(db, email, "/password/reset/"));
      },
      check: async ({ page }) => {
        await expect(page.locator("#password")).toHaveAttribute("autocomplete", "new-password");
      },
    },
    {
      label: "/login/two-factor",
      open: toSecondFactor,
      check: async ({ page }) => {
        await expect(page.locator("#code")).toHaveAttribute("inputmode", "numeric");
        await expect(page.locator("#code")).toHaveAttribute("autocomplete", "one-time-code");
      },
    },
    {
      label: "/login/two-factor with a wrong code",
      open: toSecondFactor,
      check: async ({ page }) => {
        await page.locator("#code").fill("12345");
        await page.locator("#code").press("Enter");
        await expect(page.locator("#code-error")).toBeVisible();
      },
    },
    { label: "/account of an account with TOTP", open: "/account", as: { totpSecret: TOTP_SECRET }, heading: { ja: "アカウント" } },
    { label: "/account/two-factor of an account with TOTP", open: "/account/two-factor", as: { totpSecret: TOTP_SECRET } },
    {
      label: "/account/two-factor, the set-up with its QR code",
      open: "/account/two-factor",
      as: "resident",
      check: async ({ page }) => {
        await expect(page.locator("main img")).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
      },
    },
    {
      label: "the recovery codes, shown once after the set-up",
      open: "/account/two-factor",
      as: "resident",
      check: async ({ page }) => {
        const secret = await page.locator("input[name=secret]").inputValue();
        await page.locator("#code").fill(totpCodeAt(secret));
        await page.locator("#code").press("Enter");
        await expect(page.locator("main code")).toHaveCount(10);
      },
    },
    {
      label: "/account/two-factor?required=1 for staff without TOTP",
      open: "/admin",
      as: { role: "staff", totpSecret: null },
      langs: ["ja"],
      check: async ({ page }) => {
        await expect(page).toHaveURL(/\/account\/two-factor\?required=1$/);
        await expect(page.getByRole("alert")).toHaveText("職員・管理者のアカウントは、管理画面を使う前に2段階認証の設定が必要です。");
      },
    },
    {
      label: "/account with the notice to verify, and form errors",
      open: "/account?verify=required",
      as: { unverified: true },
      langs: ["ja"],
      check: async ({ page }) => {
        await expect(page.getByRole("alert").first()).toContainText("メールアドレスの確認が必要です");
        await page.locator("#newEmail").fill("broken");
        await page.locator("#emailPassword").fill("x");
        await page.getByRole("button", { name: "確認のメールを送る" }).click();
        await expect(page.locator("#newEmail-error")).toBeVisible();
      },
    },
  ],
});
