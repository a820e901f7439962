/**
 * The representative's registration form in the browser, as a resident logged in by the session
 * fixture: completed by keyboard alone, the error summary, and the form without JavaScript. The
 * axe checks of the representative's pages (the form empty and with errors, "my groups", the
 * status, edit, members and withdraw pages, in both languages) are in sweep-groups.spec.ts.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

/** Presses Tab until the element with this id has focus; fails if it is never reached. */
async function tabTo(page: Page, id: string, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.id ?? "")) === id) return;
  }
  throw new Error(`could not reach #${id} by Tab`);
}

/** Presses Tab until a button with this text has focus. */
async function tabToButton(page: Page, text: string, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.tagName === "BUTTON" ? el.innerText.trim() : "";
    });
    if (focused === text) return;
  }
  throw new Error(`could not reach the button "${text}" by Tab`);
}

// A new resident for every test: the registration limit per person is not shared between tests.
test.beforeEach(async ({ page, signIn }) => {
  await signIn(page, "resident");
});

test("a group is registered with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/groups/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("市民活動団体の登録");
  await tabTo(page, "name");
  await page.keyboard.type("キーボードの会");
  await tabTo(page, "nameKana");
  await page.keyboard.type("きーぼーどのかい");
  await tabTo(page, "kind");
  await page.keyboard.press("ArrowDown"); // moves to and chooses the second kind
  await expect(page.locator("#kind-volunteer")).toBeChecked();
  await tabTo(page, "representativeName");
  await page.keyboard.type("安中 太郎");
  await tabTo(page, "representativePublic");
  await page.keyboard.press("Space");
  await tabTo(page, "mainDistrictId");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#mainDistrictId")).not.toHaveValue("");
  // Districts are grouped by area behind a <summary> each, closed at first: Enter opens one.
  await expect(page.locator("#districtIds")).toBeHidden();
  await tabTo(page, "districtIds-area-0");
  await expect(page.locator("#districtIds-area-0")).toContainText("0件選択");
  await page.keyboard.press("Enter");
  await tabTo(page, "districtIds");
  await page.keyboard.press("Space");
  await expect(page.locator("#districtIds-area-0")).toContainText("1件選択");
  await tabTo(page, "activityFields");
  await page.keyboard.press("Space");
  await tabTo(page, "activityFields-13");
  await page.keyboard.press("Space");
  await tabTo(page, "purpose");
  await page.keyboard.type("キーボードだけで使えるまちづくり");
  await tabTo(page, "activities");
  await page.keyboard.type("勉強会を毎月開いています。");
  await tabTo(page, "foundedOn");
  await page.keyboard.type("2015-04-01");
  await expect(page.locator("#foundedOn")).toHaveValue("2015-04-01");
  await tabTo(page, "memberCount");
  await page.keyboard.type("8");
  await tabTo(page, "consent");
  await page.keyboard.press("Space");
  await tabToButton(page, "審査を申請する");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/my\/groups\/\d+\?notice=submitted$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("キーボードの会");
  await expect(page.getByRole("status")).toHaveText("申請を受け付けました。審査の結果はメールでお知らせします。");
  await expect(page.locator("main")).toContainText("審査中");
});

test("an incomplete form shows the errors in a summary that takes focus, and keeps what was typed", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.goto("/groups/new");
  await page.locator("#name").fill("<script>alert(1)</script>");
  await page.locator("#memberCount").fill("0");
  await page.locator("#website").fill("javascript:alert(1)");
  await page.locator("button[value=submit]").click();
  const summary = page.locator(".error-summary");
  // The summary's heading takes focus and is in view (not scrolled away under anything).
  await expect(summary.locator("h2")).toBeFocused();
  await expect(summary.locator("h2")).toBeInViewport();
  await expect(summary).toContainText("会員数は5人以上99999人以下で入力してください");
  await expect(summary).toContainText("http:// 又は https:// で始まるアドレスを入力してください");
  await expect(summary).toContainText("個人情報の利用目的への同意が必要です");
  await expect(page.locator("#name")).toHaveValue("<script>alert(1)</script>");
  await expect(page).toHaveURL(/\/groups\/new$/);
  // Judged in the browser with the pressed button's intent (the consent is asked for on "submit" only).
  expect(posts).toEqual([]);
});

test("a label is the field's name; what to type is its hint, read with the field", async ({ page }) => {
  await page.goto("/groups/new");
  const fields = [
    { id: "logo", name: "ロゴ画像", hint: "PNG又はJPEG形式、1MBまで（任意）。" },
    { id: "corporateNumber", name: "法人番号", hint: "NPO法人の場合だけ入力してください。国税庁の法人番号（13桁）です。" },
    { id: "consent", name: "上記の利用目的に同意します", hint: "申請するときに必要です。" },
  ];
  for (const field of fields) {
    await expect(page.locator(`#${field.id}`)).toHaveAccessibleName(field.name);
    await expect(page.locator(`#${field.id}`)).toHaveAccessibleDescription(field.hint);
  }
});

test("the form works without JavaScript: errors from the server, then a saved draft", async ({ browser, baseURL, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await signIn(page, "resident");
  await page.goto("/groups/new");
  await page.locator("#name").fill("スクリプトなしの会");
  await page.locator("button[value=submit]").click();
  // Without JavaScript the server's page focuses the summary's heading (autofocus) and shows it.
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("入力してください");
  await expect(summary.locator("h2")).toBeFocused();
  await expect(summary.locator("h2")).toBeInViewport();
  await expect(page.locator(".form-toc")).toContainText("要確認");
  await expect(page.locator("#name")).toHaveValue("スクリプトなしの会");
  // A draft saves what is typed: the name alone is enough.
  await page.locator("button[value=draft]").click();
  await expect(page).toHaveURL(/\/my\/groups\/\d+\?notice=created$/);
  await context.close();
});
