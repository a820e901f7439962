/**
 * The registry from end to end, through the pages only: a resident registers a group, staff
 * approve it, the public finds it by a two-character word, the open-data CSV lists it, and the
 * 6-1 count on the staff dashboard goes up by one.
 *
 * The resident and the member of staff are new people logged in by the session fixture, so that
 * the registration limit per person is not shared with the other specs.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

const GROUP = "苔玉を育てる会";
const WORD = "苔玉";

test.describe.configure({ mode: "serial", timeout: 120_000 });

/** The 6-1 figure as the staff dashboard shows it. */
async function dashboardCount(page: Page): Promise<number> {
  await page.goto("/admin");
  const link = page.locator("li:has(#queue-groups-registered) .queue-count a");
  await expect(page.locator("#queue-groups-registered")).toHaveText(/^6-1 /);
  const text = (await link.innerText()).trim();
  const match = /^(\d+) 団体$/.exec(text);
  if (!match) throw new Error(`unexpected count text: ${text}`);
  return Number(match[1]);
}

test("a resident registers a group, staff approve it, and the public finds it", { tag: "@postgresql" }, async ({ browser, page, signIn }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "staff");
  const countBefore = await dashboardCount(staff);

  // The resident registers the group.
  await signIn(page, { label: "koke", displayName: "碓氷 苔子" });
  await page.goto("/groups/new");
  await page.locator("#name").fill(GROUP);
  await page.locator("#nameKana").fill("こけだまをそだてるかい");
  await page.locator("#kind-volunteer").check();
  await page.locator("#volunteerCenter").check();
  await page.locator("#representativeName").fill("碓氷 苔子");
  await page.locator("#mainDistrictId").selectOption({ index: 1 });
  await page.locator("#activityFields-3").check();
  await page.locator("#purpose").fill("苔玉づくりを通して、地域の高齢者と子どもが一緒に過ごす場をつくります。");
  await page.locator("#activities").fill("毎月第二土曜日に住民センターで苔玉教室を開いています。");
  await page.locator("#foundedOn").fill("2019-05-01");
  await page.locator("#memberCount").fill("15");
  await page.locator("#welcomesVolunteers").check();
  await page.locator("#consent").check();
  await page.getByRole("button", { name: "審査を申請する" }).click();
  await expect(page).toHaveURL(/\/my\/groups\/\d+\?notice=submitted$/);
  const groupId = Number(/\/my\/groups\/(\d+)/.exec(page.url())![1]);
  await expect(page.locator("main")).toContainText("審査中");

  // Not public yet.
  const anonymous = await (await browser.newContext()).newPage();
  expect((await anonymous.goto(`/groups/${groupId}`))!.status()).toBe(404);

  // Staff find it in the queue and approve it.
  await staff.goto("/admin/groups");
  await staff.getByRole("link", { name: `${GROUP} の審査画面を開く` }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(new RegExp(GROUP));
  await staff.getByLabel("団体への連絡（任意）").first().fill("登録しました。活動を楽しみにしています。");
  await staff.getByRole("button", { name: "承認する", exact: true }).click();
  await staff.getByRole("button", { name: "承認を確定する" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "承認しました。" })).toBeVisible();

  // The representative sees the decision.
  await page.goto(`/my/groups/${groupId}`);
  await expect(page.locator("main")).toContainText("登録済み");

  // The public finds it with a two-character word, through the search form.
  await anonymous.goto("/groups");
  await anonymous.getByRole("searchbox").fill(WORD);
  await anonymous.getByRole("searchbox").press("Enter");
  await expect(anonymous).toHaveURL(new RegExp(`/groups\\?q=${encodeURIComponent(WORD)}`));
  const result = anonymous.getByRole("link", { name: GROUP });
  await expect(result).toBeVisible();
  await result.click();
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(`${GROUP}（コケダマヲソダテルカイ）`);
  // The representative's name was not made public.
  await expect(anonymous.locator("main")).not.toContainText("碓氷 苔子");

  // The open data lists it, in a row starting with the city code.
  const csv = await anonymous.request.get("/opendata/groups.csv");
  expect(csv.status()).toBe(200);
  const line = (await csv.text()).split("\r\n").find((l) => l.includes(GROUP));
  expect(line).toMatch(/^102113,/);

  // And 6-1 counts one more group.
  expect(await dashboardCount(staff)).toBe(countBefore + 1);
  await staff.goto("/admin/indicators/groups");
  await expect(staff.locator("main")).toContainText(GROUP);
});
