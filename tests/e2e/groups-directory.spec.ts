/**
 * The public group directory in the browser: axe on the directory (empty search, results,
 * no results, page 2), a profile and the 410 page in both languages; the search form and the
 * pagination by keyboard alone; the search without JavaScript.
 *
 * Its own groups are added to the e2e database (tests/e2e/server.ts writes its URL to the state
 * file) through the registry's model functions, with a word no demo group uses (風早), so the
 * counts here hold whatever demo groups exist.
 */
import { expect, test, type Page } from "@playwright/test";
import type { Db } from "../../app/platform/db.server.ts";
import { e2eDatabaseUrl, expectAccessible, useEnglish } from "./helpers.ts";

const WORD = "風早";
const MATCHES = 23;
let client: Db;
let listedId = 0;
let lapsedId = 0;

test.beforeAll(async ({}, testInfo) => {
  const databaseUrl = e2eDatabaseUrl(testInfo);
  // Before db.server.ts is loaded, so that its default client is the e2e database too.
  process.env.DATABASE_URL = databaseUrl;
  const { createDb } = await import("../../app/platform/db.server.ts");
  const { seedGroup } = await import("../integration/helpers/directory-groups.ts");
  const { fiscalYearAt } = await import("../../app/platform/dates.ts");
  const holder = createDb(databaseUrl);
  await holder.ready;
  client = holder.client;
  const fy = fiscalYearAt(new Date());
  const district = await client.district.findFirstOrThrow({ orderBy: { code: "asc" } });
  const existing = await client.group.findFirst({ where: { name: `${WORD}子育ての会01` } });
  if (!existing) {
    for (let i = 1; i <= MATCHES; i++) {
      await seedGroup(
        client,
        {
          name: `${WORD}子育ての会${String(i).padStart(2, "0")}`,
          nameKana: `カザハヤコソダテノカイ${"ア".repeat(i)}`,
          mainDistrictId: district.id,
          activityFields: [13, 2],
          purpose: `${WORD}地区で子育て中の家族を応援し、人権について学ぶ機会もつくります。`,
          activities: "毎月の親子ひろばと読み聞かせを行っています。",
          welcomesVolunteers: i % 2 === 0,
          website: "https://example.jp/kazahaya",
          phone: "027-382-1234",
          representativeName: "非公開 代表",
          representativePublic: false,
        },
        { fiscalYear: fy },
      );
    }
    await seedGroup(client, { name: `${WORD}解散した会`, nameKana: "カザハヤカイサンシタカイ", mainDistrictId: district.id }, { fiscalYear: fy - 1 });
  }
  listedId = (await client.group.findFirstOrThrow({ where: { name: `${WORD}子育ての会01` } })).id;
  lapsedId = (await client.group.findFirstOrThrow({ where: { name: `${WORD}解散した会` } })).id;
});

test.afterAll(async () => {
  await client?.$disconnect();
});

const q = encodeURIComponent(WORD);

for (const lang of ["ja", "en"] as const) {
  test.describe(`axe (${lang})`, () => {
    test.beforeEach(async ({ page }) => {
      if (lang === "en") await useEnglish(page);
    });

    test("the directory with an empty search", async ({ page }) => {
      await page.goto("/groups");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "ja" ? "市民活動団体をさがす" : "Find community groups");
      await expectAccessible(page);
    });

    test("the directory with results", async ({ page }) => {
      await page.goto(`/groups?q=${q}`);
      await expect(page.getByRole("status")).toContainText(String(MATCHES));
      await expect(page.locator("mark").first()).toHaveText(WORD);
      await expectAccessible(page);
    });

    test("the directory with no results", async ({ page }) => {
      await page.goto(`/groups?q=${encodeURIComponent("存在しない言葉ですよ")}`);
      await expect(page.getByRole("status")).toHaveText(lang === "ja" ? "条件に合う団体は見つかりませんでした。" : "No group matches these conditions.");
      await expectAccessible(page);
    });

    test("the directory, page 2", async ({ page }) => {
      await page.goto(`/groups?q=${q}&page=2`);
      await expect(page.locator('.pagination [aria-current="page"]')).toHaveText("2");
      await expectAccessible(page);
    });

    test("a profile", async ({ page }) => {
      const profile = await page.goto(`/groups/${listedId}`);
      expect(profile?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(`${WORD}子育ての会01`);
      await expect(page.locator("main")).not.toContainText("非公開 代表");
      await expectAccessible(page);
    });

    test("the page of an ended registration", async ({ page }) => {
      const ended = await page.goto(`/groups/${lapsedId}`);
      expect(ended?.status()).toBe(410);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        lang === "ja" ? "この団体の登録は終了しました" : "This group's registration has ended",
      );
      await expect(page.locator("main")).not.toContainText(`${WORD}解散した会`);
      await expectAccessible(page);
    });
  });
}

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

  // The volunteers box by Space, then the search button.
  await page.locator("#q").focus();
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
    await page.getByLabel("活動分野").selectOption("13");
    await page.getByRole("button", { name: "検索する" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${q}.*field=13`));
    await expect(page.getByRole("status")).toContainText(`${MATCHES}団体`);
    await page.getByRole("link", { name: "次のページ" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('.pagination [aria-current="page"]')).toHaveText("2");
  });
});
