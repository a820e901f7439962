import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

async function tabTo(page: Page, name: RegExp | string, max = 30) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.innerText || el.getAttribute("aria-label") || el.getAttribute("value") || "").trim() : "";
    });
    if (typeof name === "string" ? label === name : name.test(label)) return;
  }
  throw new Error(`could not reach ${String(name)} by Tab`);
}

test("the layout works by keyboard alone", async ({ page }) => {
  await page.goto("/");
  // The first Tab lands on the skip link, which moves focus to the main content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "本文へ移動" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Every navigation entry is reachable and opens its page.
  await page.goto("/");
  await tabTo(page, "行政区・住民センター");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/districts$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("行政区・住民センター");

  // The footer's policy links are reachable.
  await tabTo(page, "ウェブアクセシビリティ方針", 400);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/accessibility$/);

  // The language switch works by keyboard and keeps the page.
  await page.goto("/privacy");
  await tabTo(page, "English");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Handling of personal information");
  await tabTo(page, "日本語");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});

test("the district search is usable by keyboard", async ({ page }) => {
  await page.goto("/districts");
  await tabTo(page, /^$/, 15); // the search box has no text of its own
  await expect(page.getByLabel("行政区名・センター名で絞り込む")).toBeFocused();
  await page.keyboard.type("いそべ");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole("rowheader").first()).toContainText("磯部");
});

test("the contact form can be completed by keyboard, without JavaScript too", async ({ browser, baseURL }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, baseURL });
    const page = await context.newPage();
    await page.goto("/contact");
    await page.getByLabel("お名前（任意）").focus();
    await page.keyboard.type("安中 花子");
    await page.keyboard.press("Tab");
    await page.keyboard.type("hanako..a.@example.jp");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type("文字を大きくする方法を教えてください。");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "送信する" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText("お問い合わせを受け付けました。ありがとうございました。");
    await context.close();
  }
});
