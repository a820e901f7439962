/**
 * Screenshots of the first group registration at a phone's width (390 px) and a desktop's
 * (1280 px): the log-in page with its reason, /signup, and /groups/new empty and after a
 * refused submit. A change that breaks how these pages look fails here; after a wanted change,
 * look at the new pictures and update them with `npx playwright test tests/e2e/screens-forms.spec.ts
 * --update-snapshots`.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

const WIDTHS = [390, 1280] as const;

/** The whole page, without the caret and with fonts loaded (Noto CJK from Debian). */
async function expectScreen(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await expect(page).toHaveScreenshot(`${name}.png`, { fullPage: true, animations: "disabled", caret: "hide", maxDiffPixelRatio: 0.01 });
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 900 } });

    test("/login with the reason for /groups/new", async ({ page }) => {
      await page.goto("/login?redirectTo=%2Fgroups%2Fnew");
      await expect(page.locator("main")).toContainText("団体を登録するには、ログインが必要です。");
      await expectScreen(page, `login-reason-${width}`);
    });

    test("/signup", async ({ page }) => {
      await page.goto("/signup?redirectTo=%2Fgroups%2Fnew");
      await expectScreen(page, `signup-${width}`);
    });

    test("/groups/new, empty and after a refused submit", async ({ page, signIn }) => {
      await signIn(page, "resident");
      await page.goto("/groups/new");
      await expect(page.locator(".form-toc")).toBeVisible();
      await expectScreen(page, `groups-new-${width}`);
      await page.locator("#name").fill("安中こども食堂");
      await page.locator("#memberCount").fill("3");
      await page.locator("button[value=submit]").click();
      await expect(page.locator(".error-summary h2")).toBeFocused();
      await expectScreen(page, `groups-new-refused-${width}`);
    });
  });
}
