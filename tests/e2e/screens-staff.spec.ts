/**
 * Screenshots of the staff's morning and of two pages issue 11 named (/my/groups, the 404 page),
 * at a phone's width (390 px) and a desktop's (1280 px), so the next change that breaks their look
 * is seen. What changes from run to run (the reference, dates, other tests' groups) is masked.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { actorOfStaff, registeredWithChange } from "./groups-data.ts";
import { expectAccessible } from "./helpers.ts";

const ids = { change: 0 };

test.beforeAll(async ({ db }) => {
  const { createPersonIn } = await import("./fixtures.ts");
  const rep = await createPersonIn(db, { label: "e2e-screens-staff" });
  const staff = await db.user.findFirstOrThrow({ where: { role: "staff", isDemo: true } });
  ids.change = await registeredWithChange(rep, actorOfStaff(staff.id), "画面試験の会");
});

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

async function shoot(page: Page, name: string, mask: string[] = []) {
  await expectAccessible(page);
  await expect(page).toHaveScreenshot(`${name}.png`, { fullPage: true, mask: mask.map((selector) => page.locator(selector)), animations: "disabled" });
}

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`the 404 page with its short reference (${size.name})`, async ({ page }) => {
      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expect(page.locator(".error-page__ref")).toHaveText(/[2-9A-Z]{4}-[2-9A-Z]{4}/);
      await shoot(page, `404-${size.name}`, [".error-page__ref"]);
    });

    test(`/my/groups (${size.name})`, async ({ page, signIn }) => {
      await signIn(page, "resident");
      await page.goto("/my/groups");
      await shoot(page, `my-groups-${size.name}`);
    });

    test(`the confirmation step of a decision (${size.name})`, async ({ page, signIn }) => {
      await signIn(page, "staff");
      await page.goto(`/admin/groups/${ids.change}`);
      await page.getByLabel("団体への連絡（任意）").first().fill("内容を確認しました。");
      await page.getByRole("button", { name: "承認する", exact: true }).click();
      await expect(page.getByRole("heading", { name: "承認の確認" })).toBeVisible();
      const confirm = page.locator(".decision-confirm");
      await expectAccessible(page);
      await expect(confirm).toHaveScreenshot(`confirm-${size.name}.png`, { animations: "disabled" });
    });

    test(`a change with its marked diff (${size.name})`, async ({ page, signIn }) => {
      await signIn(page, "staff");
      await page.goto(`/admin/groups/${ids.change}`);
      const diff = page.locator(".review-diff");
      await expect(diff.locator("ins").first()).toBeVisible();
      // The contact address is numbered by how many groups this worker made before (group8/group9…).
      await expect(diff).toHaveScreenshot(`diff-${size.name}.png`, { animations: "disabled", mask: [diff.locator("td", { hasText: "@example.jp" })] });
    });
  });
}
