/**
 * Screenshots of the staff's morning as it is first seen: the dashboard (/admin) and the review
 * queue (/admin/groups), at a phone's width (390 px) and a desktop's (1280 px), in Japanese.
 * These pages show dates and days waiting, and every other test's groups would join their lists,
 * so they are taken on a server of their own whose clock stands still (TEST_CLOCK) over the demo
 * data seeded at that same instant (server.ts, startFixedClockServer): the same pictures every run,
 * with nothing masked but the member of staff's own address.
 */
import type { Page } from "@playwright/test";
import type { Db } from "../../app/platform/db.server.ts";
import { createPersonIn, expect, logInAt, test, type Person } from "./fixtures.ts";
import { expectAccessible } from "./helpers.ts";
import { startFixedClockServer, type RunningServer } from "./server.ts";

/** A Thursday morning in the middle of the fiscal year, in Annaka's time. */
const CLOCK = "2026-10-15T09:30:00+09:00";

let server: RunningServer;
let db: Db;
let staff: Person;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startFixedClockServer(CLOCK, "screens-queue");
  const { createDb } = await import("../../app/platform/db.server.ts");
  const holder = createDb(server.databaseUrl);
  await holder.ready;
  db = holder.client;
  // Made at the clock's instant: a password changed "after" the session would end it.
  staff = await createPersonIn(db, { role: "staff", label: "e2e-screens-queue", displayName: "画面 試験", at: new Date(CLOCK) });
});

test.afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
});

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

async function shoot(page: Page, name: string) {
  await expectAccessible(page);
  await expect(page).toHaveScreenshot(`${name}.png`, { fullPage: true, animations: "disabled", mask: [page.getByText(staff.email)] });
}

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`the dashboard, what waits oldest first (${size.name})`, async ({ page }) => {
      await logInAt(db, server.baseURL, page, staff, new Date(CLOCK));
      await page.goto(`${server.baseURL}/admin`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The clock stands still: the oldest wait is the same number of days in every run — the demo
      // consultation whose results are being prepared, closed 19 days before.
      await expect(page.locator(".waiting-days").first()).toHaveText("19 日");
      await shoot(page, `dashboard-${size.name}`);
    });

    test(`the review queue (${size.name})`, async ({ page }) => {
      await logInAt(db, server.baseURL, page, staff, new Date(CLOCK));
      await page.goto(`${server.baseURL}/admin/groups`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shoot(page, `queue-${size.name}`);
    });
  });
}
