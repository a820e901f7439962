/**
 * The staff review of groups in the browser, as the demo staff account (password and TOTP, the
 * secret the README gives): axe on the queue, a change with its field-by-field diff, a new
 * registration, the cancel and correct pages and the 6-1 view, in Japanese and English; a
 * reason required at the field; a change approved through the page; the correction through the
 * shared group form, with and without JavaScript; and, without JavaScript,
 * two members of staff deciding the same application (the second gets the 409 page).
 *
 * Its groups are added to the e2e database (tests/e2e/server.ts writes its URL to the state file)
 * through the registry's own model functions.
 */
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { e2eDatabaseUrl, e2eScratchFile, expectAccessible, logInAsDemo } from "./helpers.ts";

/** The saved log-in, one per project (its server). */
const storage = (): string => e2eScratchFile(test.info(), "staff-storage");
const ids = { fresh: 0, change: 0, approveChange: 0, race: 0, raceWithScript: 0, correct: 0 };
let support: typeof import("../integration/group-review-support.ts");
let representativeCookie = "";

test.beforeAll(async ({ browser }, testInfo) => {
  const databaseUrl = e2eDatabaseUrl(testInfo);
  // Before db.server.ts is loaded, so that the app's client (used by the model functions) is the e2e database.
  process.env.DATABASE_URL = databaseUrl;
  support = await import("../integration/group-review-support.ts");
  const { db, makePerson, profile, submitNewGroup, submitVersion, submittedVersionId } = support;
  const { decideVersion } = await import("../../app/groups/review.server.ts");
  await db.rateLimitCounter.deleteMany();
  const staff = await db.user.findFirstOrThrow({ where: { role: "staff", isDemo: true } });
  const actor = { id: staff.id, role: "staff" as const };
  const rep = await makePerson("resident", "e2e-review");
  representativeCookie = (await support.cookieFor(rep)).replace(/^portal_session=/, "");

  const registered = async (name: string, changedName: string) => {
    const id = await submitNewGroup(rep, await profile({ name }));
    await decideVersion(actor, id, await submittedVersionId(id), "approve", "");
    await submitVersion(rep, id, await profile({ name: changedName, memberCount: "30", activityFields: ["1", "13", "7"] }));
    return id;
  };
  ids.fresh = await submitNewGroup(rep, await profile({ name: "審査試験の新しい会" }));
  ids.race = await submitNewGroup(rep, await profile({ name: "審査試験の競合の会" }));
  ids.raceWithScript = await submitNewGroup(rep, await profile({ name: "審査試験の二重判断の会" }));
  ids.change = await registered("審査試験の会", "審査試験の会（改称）");
  ids.approveChange = await registered("承認試験の会", "承認試験の会（改称）");
  ids.correct = await submitNewGroup(rep, await profile({ name: "訂正試験の会" }));
  await decideVersion(actor, ids.correct, await submittedVersionId(ids.correct), "approve", "");

  // A fresh context: the file's storageState (written just below) does not exist yet.
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await logInAsDemo(page, "staff", "/admin/groups");
  await context.storageState({ path: storage() });
  await context.close();
});

test.afterAll(async () => {
  await support?.db.$disconnect();
  fs.rmSync(storage(), { force: true });
});

test.use({ storageState: async ({}, use, testInfo) => use(e2eScratchFile(testInfo, "staff-storage")) });
// axe on these long pages (the correction form, the history tables) takes a while on a busy machine.
test.describe.configure({ timeout: 90_000 });

const PAGES: { label: string; path: () => string; heading: { ja: RegExp; en: RegExp } }[] = [
  { label: "the queue", path: () => "/admin/groups", heading: { ja: /^団体審査$/, en: /^Group review$/ } },
  { label: "the queue of changes, with a search", path: () => "/admin/groups?kind=change&q=%E5%AF%A9%E6%9F%BB", heading: { ja: /^団体審査$/, en: /^Group review$/ } },
  { label: "a change with its diff", path: () => `/admin/groups/${ids.change}`, heading: { ja: /団体の審査：審査試験の会/, en: /Group review: / } },
  { label: "a new registration", path: () => `/admin/groups/${ids.fresh}`, heading: { ja: /団体の審査：審査試験の新しい会/, en: /Group review: / } },
  { label: "the cancel page", path: () => `/admin/groups/${ids.change}/cancel`, heading: { ja: /登録の取消し：/, en: /Cancel the registration: / } },
  { label: "the correct page", path: () => `/admin/groups/${ids.change}/correct`, heading: { ja: /登録内容の訂正：/, en: /Correct the profile: / } },
  { label: "the 6-1 view", path: () => "/admin/indicators/groups", heading: { ja: /6-1/, en: /6-1/ } },
  { label: "the 6-1 view on a date", path: () => "/admin/indicators/groups?date=2027-03-31", heading: { ja: /6-1/, en: /6-1/ } },
];

for (const { label, path: target, heading } of PAGES) {
  test(`${label} is accessible in Japanese`, async ({ page }) => {
    const response = await page.goto(target());
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading.ja);
    await expect(page.getByRole("navigation", { name: "管理メニュー" }).getByRole("link", { name: "団体審査" })).toBeVisible();
    await expectAccessible(page);
  });

  test(`${label} is accessible in English`, async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
    const response = await page.goto(target());
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading.en);
    await expectAccessible(page);
  });
}

test("the change shows old beside new, item by item", async ({ page }) => {
  await page.goto(`/admin/groups/${ids.change}`);
  const diff = page.getByRole("table", { name: "公開中の内容と申請内容の違い" });
  await expect(diff).toBeVisible();
  const nameRow = diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "団体名", exact: true }) });
  await expect(nameRow).toContainText("審査試験の会");
  await expect(nameRow).toContainText("審査試験の会（改称）");
  await expect(diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "会員数" }) })).toContainText("30");
  await expect(diff.getByRole("rowheader", { name: "団体の目的" })).toHaveCount(0);
});

test("the correction is the group form: the browser refuses bad and hostile input at the fields, then it is published", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.goto(`/admin/groups/${ids.correct}/correct`);
  await expect(page.locator("#name")).toHaveValue("訂正試験の会");
  await expect(page.locator("#activityFields")).toBeChecked();
  const published = (await support.db.group.findUniqueOrThrow({ where: { id: ids.correct } })).publishedVersionId;
  await page.locator("#name").fill("<script>alert(1)</script>");
  await page.locator("#memberCount").fill("3");
  await page.locator("#website").fill("javascript:alert(1)");
  await page.locator("#purpose").fill("あ".repeat(2001));
  await page.getByRole("button", { name: "訂正して公開する" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(page.locator("#memberCount-error")).toHaveText("会員数は5人以上99999人以下で入力してください");
  await expect(page.locator("#website-error")).toHaveText("http:// 又は https:// で始まるアドレスを入力してください");
  await expect(page.locator("#purpose-error")).toContainText("2000");
  await expect(page.locator("#reason-error")).toHaveText("理由を入力してください");
  await expect(page.locator("#name")).toHaveValue("<script>alert(1)</script>");
  await expect(page).toHaveURL(/\/correct$/);
  expect(posts, "judged in the browser: nothing was posted").toEqual([]);
  await expectAccessible(page);
  expect((await support.db.group.findUniqueOrThrow({ where: { id: ids.correct } })).publishedVersionId).toBe(published);

  // The messages follow the corrections; a valid correction is published.
  await page.locator("#memberCount").fill("25");
  await page.locator("#website").fill("");
  await page.locator("#purpose").fill("訂正後の目的");
  await page.locator("#name").fill("訂正試験の会（訂正）");
  await expect(page.locator("#memberCount-error")).toHaveCount(0);
  await page.locator("#reason").fill("会員数の誤記");
  await page.getByRole("button", { name: "訂正して公開する" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/groups/${ids.correct}\\?done=correct$`));
  const version = (await support.db.group.findUniqueOrThrow({ where: { id: ids.correct }, include: { publishedVersion: true } })).publishedVersion;
  expect(version).toMatchObject({ name: "訂正試験の会（訂正）", memberCount: 25, purpose: "訂正後の目的" });
});

test("a reason is required: the message shows at the field and nothing is decided", async ({ page }) => {
  await page.goto(`/admin/groups/${ids.fresh}`);
  await page.getByRole("button", { name: "却下する", exact: true }).click();
  await expect(page.locator("#reason-error")).toHaveText("理由を入力してください");
  await expect(page.locator("#reason")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByRole("button", { name: "修正を依頼する", exact: true }).click();
  await expect(page.locator("#message-error")).toHaveText("修正してほしい点を入力してください");
  expect((await support.db.groupVersion.findFirstOrThrow({ where: { groupId: ids.fresh }, orderBy: { id: "desc" } })).status).toBe("submitted");

  await page.goto(`/admin/groups/${ids.change}/cancel`);
  await page.getByRole("button", { name: "登録を取り消す" }).click();
  await expect(page.locator("#reason-error")).toHaveText("理由を入力してください");
  await expectAccessible(page);
});

test("staff approve a change through the page; the new profile is published", async ({ page }) => {
  await page.goto("/admin/groups?kind=change");
  await page.getByRole("link", { name: "承認試験の会 の審査画面を開く" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/承認試験の会/);
  await page.getByLabel("団体への連絡（任意）").first().fill("変更を確認しました。");
  await page.getByRole("button", { name: "承認する", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "承認しました。" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/承認試験の会（改称）/);
  await expect(page.getByText("審査を待っている申請はありません。")).toBeVisible();
  await expect(page.getByRole("table", { name: "操作記録" })).toContainText("変更を承認");
  await expectAccessible(page);
  const group = await support.db.group.findUniqueOrThrow({ where: { id: ids.approveChange } });
  expect(group.name).toBe("承認試験の会（改称）");
});

test("a decision already made by someone else shows the 409 notice and the current state", async ({ page, context }) => {
  const other = await context.newPage();
  await page.goto(`/admin/groups/${ids.raceWithScript}`);
  await other.goto(`/admin/groups/${ids.raceWithScript}`);
  await other.getByRole("button", { name: "承認する", exact: true }).click();
  await expect(other.getByRole("status").filter({ hasText: "承認しました。" })).toBeVisible();

  await page.getByLabel("修正してほしい点").fill("添付の書類を追加してください。");
  await page.getByRole("button", { name: "修正を依頼する", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("この申請はすでに判断されています");
  // The page shows the state as it now is: nothing waits any more.
  await expect(page.getByText("審査を待っている申請はありません。")).toBeVisible();
  await expectAccessible(page);
  expect((await support.db.groupVersion.findFirstOrThrow({ where: { groupId: ids.raceWithScript } })).status).toBe("approved");
});

test("the representative's renewal page is accessible in both languages", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: undefined });
  await context.addCookies([{ name: "portal_session", value: representativeCookie, url: baseURL! }]);
  const page = await context.newPage();
  const response = await page.goto(`/my/groups/${ids.change}/renew`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/登録の更新：審査試験の会/);
  await expectAccessible(page);
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Renew the registration: /);
  await expectAccessible(page);
  await context.close();
});

// axe needs script in the page, so the checks without JavaScript are of content and status only.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("without JavaScript the correction is refused by the server at the fields, keeping what was typed", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storage(), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/admin/groups/${ids.correct}/correct`);
    await page.locator("#memberCount").fill("100000");
    await page.locator("#name").fill("スクリプトなしの訂正");
    await page.getByRole("button", { name: "訂正して公開する" }).click();
    await expect(page.locator("#memberCount-error")).toHaveText("会員数は5人以上99999人以下で入力してください");
    await expect(page.locator("#reason-error")).toHaveText("理由を入力してください");
    await expect(page.locator("#name")).toHaveValue("スクリプトなしの訂正");
    await expect(page.locator("#activityFields")).toBeChecked();
    await context.close();
  });

  test("the second of two members of staff deciding the same application gets a clear 409 page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storage(), javaScriptEnabled: false });
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(`/admin/groups/${ids.race}`);
    await second.goto(`/admin/groups/${ids.race}`);

    // Without JavaScript the server refuses an empty reason at the field, keeping the page.
    await second.getByRole("button", { name: "却下する", exact: true }).click();
    await expect(second.locator("#reason-error")).toHaveText("理由を入力してください");

    await first.getByRole("button", { name: "承認する", exact: true }).click();
    await expect(first.getByRole("status").filter({ hasText: "承認しました。" })).toBeVisible();

    await second.getByLabel("却下の理由").fill("重複した申請のため");
    const [response] = await Promise.all([
      second.waitForResponse((r) => r.request().method() === "POST"),
      second.getByRole("button", { name: "却下する", exact: true }).click(),
    ]);
    expect(response.status()).toBe(409);
    await expect(second.getByRole("alert")).toContainText("この申請はすでに判断されています");
    await expect(second.getByRole("heading", { level: 1 })).toHaveText(/審査試験の競合の会/);
    await expect(second.getByText("審査を待っている申請はありません。")).toBeVisible();
    await context.close();
    const group = await support.db.group.findUniqueOrThrow({ where: { id: ids.race } });
    expect(group.state).toBe("active");
  });
});
