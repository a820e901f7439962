import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers.ts";

/** Every page that exists, in both languages. Each later feature adds its pages here. */
const PAGES = [
  { path: "/", heading: /安中市 市民総働ポータル/ },
  { path: "/districts", heading: /行政区・住民センター/ },
  { path: "/districts?q=はらいち", heading: /行政区・住民センター/ },
  { path: "/districts?q=該当なし", heading: /行政区・住民センター/ },
  { path: "/centers/1", heading: /住民センター/ },
  { path: "/contact", heading: /お問い合わせ/ },
  { path: "/accessibility", heading: /ウェブアクセシビリティ方針/ },
  { path: "/privacy", heading: /個人情報の取扱い/ },
];

for (const { path, heading } of PAGES) {
  test(`${path} is accessible in Japanese`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectAccessible(page);
  });

  test(`${path} is accessible in English`, async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
    await expectAccessible(page);
  });
}

test("the 404 page is accessible, in the request's language, with a reference id", async ({ page, baseURL }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  const requestId = response?.headers()["x-request-id"];
  await expect(page.getByText(requestId!)).toBeVisible();
  await expectAccessible(page);

  await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  const english = await page.goto("/no-such-page");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("the contact form with errors is accessible and keeps what was typed", async ({ page }) => {
  await page.goto("/contact");
  await page.getByLabel("お名前（任意）").fill("安中 太郎");
  await page.getByLabel("メールアドレス（回答を希望する場合）").fill("not-an-address");
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByText("メールアドレスの形式で入力してください").first()).toBeVisible();
  await expect(page.getByText("入力してください").first()).toBeVisible();
  await expect(page.getByLabel("お名前（任意）")).toHaveValue("安中 太郎");
  await expectAccessible(page);
});
