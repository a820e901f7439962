/**
 * The public side as a resident meets it (issue 11): the home page leads to the directory, the
 * footer and /contact give the section's address and phone, districts and centres lead to their
 * groups and to a map, the directory shows results first on a phone, every input of a public
 * form looks like the others, Japanese content is marked lang="ja" on English pages, and no
 * public page scrolls sideways at 320 px in either language (WCAG 1.4.10). The screenshots of
 * these pages are in screens-public.spec.ts.
 */
import type { Page } from "@playwright/test";
import { expect, test, useEnglish, type Role } from "./fixtures.ts";

const DEMO_GROUP = "NPO法人碓氷峠の森を守る会";

async function demoGroupPath(page: Page): Promise<string> {
  await page.goto(`/groups?q=${encodeURIComponent(DEMO_GROUP)}`);
  const href = await page.locator(".group-results h3 a").first().getAttribute("href");
  expect(href).toMatch(/^\/groups\/\d+$/);
  return href!;
}

/** A consultation of the demo in the list's `group` (open, published…), as /consultations links it; `suffix` after its path. */
function demoConsultationPath(group: "open" | "published", suffix = "") {
  return async (page: Page): Promise<string> => {
    await page.goto("/consultations");
    const href = await page.locator(`section[aria-labelledby="consultations-${group}"] a[href^="/consultations/"]`).first().getAttribute("href");
    expect(href).toMatch(/^\/consultations\/\d+$/);
    return `${href!}${suffix}`;
  };
}

test("the home page leads to the directory: finding a group first, with a search box that sends the words to /groups, then public comment", async ({ page }) => {
  await page.goto("/");
  const blocks = page.locator(".home-main > li h3");
  await expect(blocks).toHaveText(["団体を探す", "団体を登録する", "パブリックコメントに意見を出す"]);
  await expect(page.locator(".home-main h3 a").nth(2)).toHaveAttribute("href", "/consultations");
  await expect(page.locator(".home-main h3 a").nth(1)).toHaveAttribute("href", "/groups/new");
  await expect(page.locator(".cards h3")).toHaveText(["行政区と住民センター", "ご意見・お問い合わせ"]);
  // A plain label; the examples are its hint, read out as the box's description.
  const search = page.getByLabel("団体名や活動の言葉", { exact: true });
  await expect(search).toHaveAccessibleDescription("例：子育て、ふくし");
  await search.fill("こども");
  await page.getByRole("button", { name: "探す", exact: true }).click();
  await expect(page).toHaveURL(/\/groups\?q=%E3%81%93%E3%81%A9%E3%82%82$/);
  await expect(page.getByRole("status")).toContainText("団体が見つかりました");
  // The kana word finds the groups written in kanji (子ども食堂, 子供会…) too.
  await expect(page.locator(".group-results mark", { hasText: /子ども|子供/ }).first()).toBeVisible();
});

test("the home page lists the demo's consultations open now, closing soonest first, each leading to its page (issue 12)", async ({ page }) => {
  await page.goto("/");
  const entries = page.getByRole("list", { name: "意見を募集している案件" }).getByRole("listitem");
  await expect(entries.getByRole("link")).toHaveText(["安中市公民館使用料の見直し（案）", "安中市市民総働推進計画（案）"]);
  await expect(entries.first()).toContainText(/締切まで残り\d+日（\d{4}年\d{1,2}月\d{1,2}日まで）/);
  await expect(page.getByRole("link", { name: "すべての案件と結果を見る" })).toHaveAttribute("href", "/consultations");
  await entries.getByRole("link").nth(1).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("安中市市民総働推進計画（案）");
});

test("every page's footer gives the section, its address, phone, office hours and the city's site; /contact shows the phone", async ({ page }) => {
  await page.goto("/privacy");
  const footer = page.locator("footer");
  await expect(footer).toContainText("安中市 市民部 市民協働課");
  await expect(footer).toContainText("群馬県安中市安中一丁目23番13号");
  await expect(footer).toContainText("午前8時30分〜午後5時15分");
  await expect(footer.getByRole("link", { name: "027-382-1111" })).toHaveAttribute("href", "tel:0273821111");
  await expect(footer.getByRole("link", { name: "安中市公式ホームページ" })).toHaveAttribute("href", "https://www.city.annaka.lg.jp/");
  await page.goto("/contact");
  await expect(page.locator("main").getByRole("link", { name: "027-382-1111" })).toHaveAttribute("href", "tel:0273821111");
  await expect(page.locator("main")).toContainText("受付時間");
});

test("a centre links to a map of its position and to the groups of each district it serves", async ({ page }) => {
  await page.goto("/centers/1");
  await expect(page.getByRole("link", { name: /地図で場所を見る/ })).toHaveAttribute("href", /^https:\/\/www\.openstreetmap\.org\/\?mlat=36\.\d+&mlon=138\.\d+#map=17\//);
  const first = page.locator("main li a", { hasText: "で活動する団体" }).first();
  const district = (await first.textContent())!.replace("で活動する団体", "");
  await first.click();
  await expect(page).toHaveURL(/\/groups\?district=\d+$/);
  // The filters are open, showing the district chosen.
  await expect(page.getByLabel("地区（行政区）")).toBeVisible();
  await expect(page.locator("#district option:checked")).toHaveText(district);
  await page.goto("/districts");
  await expect(page.getByRole("link", { name: "安中一区で活動する団体" })).toHaveAttribute("href", /^\/groups\?district=\d+$/);
});

test.describe("the directory on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("shows the first results on the first screen, the filters behind one button, the districts by area", async ({ page }) => {
    await page.goto("/groups");
    const firstResult = page.locator(".group-results h3").first();
    await expect(firstResult).toBeInViewport();
    await expect(page.locator("summary")).toHaveText("条件で絞り込む（活動分野・地区・並び順）");
    await expect(page.locator("#district")).toBeHidden();
    await page.locator("summary").click();
    await expect(page.locator("#district")).toBeVisible();
    await expect(page.locator("#district optgroup").first()).toHaveAttribute("label", "安中地区");
    expect(await page.locator("#district optgroup").count()).toBeGreaterThan(5);
    await expect(page.locator("#sort option")).toHaveText(["ふりがな順", "新しく登録された順"]);
    // Registering comes after the search and its results, as a link, not as the first button.
    const register = page.getByRole("link", { name: "団体を登録する" });
    expect((await register.boundingBox())!.y).toBeGreaterThan((await firstResult.boundingBox())!.y);
  });
});

test("every text input of the public group form is as tall and wide as the others", async ({ page, signIn }) => {
  await signIn(page, "resident");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/groups/new");
  const name = (await page.locator("#name").boundingBox())!;
  expect(name.height).toBeGreaterThanOrEqual(44);
  for (const id of ["phone", "email", "website", "sns", "foundedOn", "memberCount"]) {
    const box = (await page.locator(`#${id}`).boundingBox())!;
    expect(Math.round(box.height), id).toBe(Math.round(name.height));
    expect(Math.round(box.width), id).toBe(Math.round(name.width));
  }
});

test.describe("in English", () => {
  test.beforeEach(async ({ page, baseURL }) => {
    await useEnglish(page, baseURL!);
  });

  test("Japanese content (group names and texts, districts, centres) carries lang=ja", async ({ page }) => {
    const path = await demoGroupPath(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator(".group-results h3").first()).toHaveAttribute("lang", "ja");
    await expect(page.locator(".group-results .excerpt").first()).toHaveAttribute("lang", "ja");
    await expect(page.locator("#district optgroup").first()).toHaveAttribute("lang", "ja");
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "ja");
    await expect(page.locator(".prose").first()).toHaveAttribute("lang", "ja");
    await page.goto("/districts");
    await expect(page.locator("tbody th ruby").first()).toHaveAttribute("lang", "ja");
    await page.goto("/centers/1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "ja");
    // The page's own words stay English.
    await expect(page.locator("dl.facts dt").first()).not.toHaveAttribute("lang", /.*/);
  });

  test("and in Japanese the same content needs no lang of its own", async ({ page, baseURL }) => {
    await page.context().clearCookies();
    await page.goto(`${baseURL}/centers/1`);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveAttribute("lang", /.*/);
  });
});

test("/account wraps a long email address on a phone", async ({ page, signIn }) => {
  await signIn(page, { role: "resident", label: "a-resident-with-a-really-quite-remarkably-long-address-for-a-phone" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/account");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

/** Every public page (and the resident's own forms), as a person reaches it. */
const PAGES_AT_320: { path: string | ((page: Page) => Promise<string>); as?: Role }[] = [
  { path: "/" },
  { path: "/groups" },
  { path: "/groups?q=%E5%AD%90%E8%82%B2%E3%81%A6&field=13" },
  { path: demoGroupPath },
  { path: "/districts" },
  { path: "/centers/1" },
  { path: "/contact" },
  { path: "/accessibility" },
  { path: "/privacy" },
  { path: "/login" },
  { path: "/signup" },
  { path: "/password/forgot" },
  { path: "/no-such-page" },
  { path: "/account", as: "resident" },
  { path: "/groups/new", as: "resident" },
  { path: "/consultations" },
  { path: demoConsultationPath("open") },
  { path: demoConsultationPath("published", "/results") },
];

test.describe("at 320 px", () => {
  test.describe.configure({ timeout: 90_000 });
  test.use({ viewport: { width: 320, height: 640 } });

  for (const lang of ["ja", "en"] as const) {
    test(`no public page scrolls sideways (${lang})`, async ({ page, baseURL, signIn }) => {
      const wide: string[] = [];
      for (const { path, as } of PAGES_AT_320) {
        await page.context().clearCookies();
        if (as) await signIn(page, as);
        if (lang === "en") await useEnglish(page, baseURL!);
        const target = typeof path === "string" ? path : await path(page);
        await page.goto(target);
        // Open every <details> (the directory's filters) so that what they hold is measured too.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) {
          const widest = await page.evaluate(() =>
            [...document.querySelectorAll("body *")]
              .filter((e) => e.getBoundingClientRect().right > 320 && !e.closest(".table-scroll"))
              .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(" ")[0]}` : ""} “${(e.textContent ?? "").trim().slice(0, 30)}”`)
              .slice(-1)[0],
          );
          wide.push(`${target}: ${width} px (${widest})`);
        }
      }
      expect(wide).toEqual([]);
    });
  }
});
