/**
 * The public group directory in the browser: the search form and the pagination by keyboard
 * alone, and the search without JavaScript. Its axe checks (empty search, results, no results,
 * page 2, a profile, the 410 page, in both languages) are in sweep-groups.spec.ts.
 *
 * Its groups are added to the worker's database through the registry's model functions, with a
 * word no demo group uses (groups-data.ts), so the counts here hold whatever demo groups exist.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { directoryGroups, MATCHES, WORD } from "./groups-data.ts";

test.beforeAll(async ({ db }) => {
  await directoryGroups(db);
});

const q = encodeURIComponent(WORD);

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabUntil(page: Page, matches: () => boolean, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(matches)) return;
  }
  throw new Error("could not reach the element by Tab");
}

test("search, filter and page through the directory by keyboard", async ({ page }) => {
  await page.goto("/groups");
  await tabUntil(page, () => document.activeElement?.id === "q");
  await page.keyboard.type(WORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${q}`));
  await expect(page.getByRole("status")).toHaveText(`${MATCHES}団体が見つかりました。1〜20団体目を表示しています。`);

  // The filters open from their one button (a <summary>, Enter), then the volunteers box by Space and the search button.
  await page.locator("#q").focus();
  await tabUntil(page, () => document.activeElement?.tagName === "SUMMARY");
  await page.keyboard.press("Enter");
  await tabUntil(page, () => document.activeElement?.id === "volunteers");
  await page.keyboard.press("Space");
  await tabUntil(page, () => (document.activeElement as HTMLElement | null)?.getAttribute("type") === "submit");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/volunteers=1/);
  await expect(page.getByRole("status")).toContainText(`${Math.floor(MATCHES / 2)}団体`);

  // Back to all matches, then page 2 by the pagination links.
  await page.goto(`/groups?q=${q}`);
  await tabUntil(page, () => document.activeElement?.getAttribute("rel") === "next", 200);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator('.pagination [aria-current="page"]')).toHaveText("2");
  await expect(page.getByRole("status")).toContainText("21〜23");
  await tabUntil(page, () => document.activeElement?.getAttribute("aria-label") === "1ページ目", 200);
  await page.keyboard.press("Enter");
  await expect(page.locator('.pagination [aria-current="page"]')).toHaveText("1");

  // A result opens its profile (the results come after the search form).
  await page.locator("#q").focus();
  await tabUntil(page, () => /^\/groups\/\d+$/.test((document.activeElement as HTMLAnchorElement | null)?.pathname ?? ""), 200);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/groups\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(WORD);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form and the pagination work", async ({ page }) => {
    await page.goto("/groups");
    await page.getByLabel("キーワード").fill(WORD);
    await page.getByText("条件で絞り込む").click();
    await page.getByLabel("活動分野").selectOption("13");
    await page.locator("details").getByRole("button", { name: "検索する" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${q}.*field=13`));
    await expect(page.getByRole("status")).toContainText(`${MATCHES}団体`);
    await page.getByRole("link", { name: "次のページ" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('.pagination [aria-current="page"]')).toHaveText("2");
    // A search with a filter shows the filters open, with what was chosen.
    await expect(page.getByLabel("活動分野")).toHaveValue("13");
  });
});
