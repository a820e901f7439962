/**
 * Screenshots of the public pages on a phone (390 px) and a desktop (1280 px), compared with the
 * committed baselines (screens-public.spec.ts-snapshots/), so that a change that breaks their
 * look is seen. After an intended change of look: `npx playwright test
 * tests/e2e/screens-public.spec.ts --update-snapshots`, look at the new images, commit them.
 *
 * Other specs add groups to the worker's database while this one runs: what depends on them is
 * masked (the directory's counts and page links); the first page of the directory in kana order
 * holds demo groups only (29 demo names start with ア, none of the tests' groups do). The
 * profile shows the fiscal year of its registration: the baselines change once a year.
 *
 * The home page lists the consultations open now with their days left, and other specs open
 * consultations of their own: it is taken on a server of its own whose clock stands still over
 * the demo data seeded at that instant (server.ts startFixedClockServer), the same picture every run.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { startFixedClockServer, type RunningServer } from "./server.ts";

const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

async function demoGroupPath(page: Page): Promise<string> {
  await page.goto(`/groups?q=${encodeURIComponent("NPO法人碓氷峠の森を守る会")}`);
  return (await page.locator(".group-results h3 a").first().getAttribute("href"))!;
}

const SCREENS: { name: string; path: string | ((page: Page) => Promise<string>); fullPage?: boolean; mask?: string }[] = [
  { name: "groups", path: "/groups" },
  { name: "groups-search", path: `/groups?q=${encodeURIComponent("碓氷峠")}` },
  { name: "group-profile", path: demoGroupPath },
  // A hundred districts: the first screen is what changes of look show.
  // Other specs add centres to district 001 (an import, a new centre), which widens the table's
  // columns: the table is masked, the rest of the first screen is compared.
  { name: "districts", path: "/districts", fullPage: false, mask: "main table" },
  { name: "center", path: "/centers/1" },
  { name: "contact", path: "/contact" },
];

for (const [device, viewport] of Object.entries(WIDTHS)) {
  test.describe(`the public pages on a ${device} (${viewport.width} px)`, () => {
    test.use({ viewport });

    for (const screen of SCREENS) {
      test(screen.name, async ({ page }) => {
        const path = typeof screen.path === "string" ? screen.path : await screen.path(page);
        await page.goto(path);
        await page.evaluate(() => document.fonts.ready);
        await expect(page).toHaveScreenshot(`${screen.name}-${device}.png`, {
          fullPage: screen.fullPage ?? true,
          animations: "disabled",
          caret: "hide",
          mask: [page.locator("main [role=status]"), page.locator(".pagination"), ...(screen.mask ? [page.locator(screen.mask)] : [])],
          maxDiffPixelRatio: 0.01,
        });
      });
    }
  });
}

/** A Thursday morning in December, in Annaka's time: two demo consultations are open. */
const HOME_CLOCK = "2026-12-03T10:00:00+09:00";

test.describe("the home page, its clock standing still", () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startFixedClockServer(HOME_CLOCK, "screens-home");
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  for (const [device, viewport] of Object.entries(WIDTHS)) {
    test.describe(`on a ${device} (${viewport.width} px)`, () => {
      test.use({ viewport });

      test("home", async ({ page }) => {
        await page.goto(`${server.baseURL}/`);
        await expect(page.getByRole("list", { name: "意見を募集している案件" }).getByRole("listitem")).toHaveCount(2);
        await page.evaluate(() => document.fonts.ready);
        await expect(page).toHaveScreenshot(`home-${device}.png`, { fullPage: true, animations: "disabled", caret: "hide", maxDiffPixelRatio: 0.01 });
      });
    });
  }
});
