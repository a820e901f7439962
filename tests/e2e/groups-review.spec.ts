/**
 * The staff review of groups in the browser, as a member of staff logged in by the session
 * fixture: a change shown field by field, a change approved through the page, and two members of
 * staff deciding the same application (the second gets the 409 notice; without JavaScript, the
 * 409 page). The axe checks of the review pages are in sweep-groups.spec.ts; axe runs here only
 * on the states no sweep row reaches (after an approval, after a decision made by someone else,
 * a correction refused in the browser). The correction is the shared group form: refused at the
 * fields in the browser and, without JavaScript, by the server, then published.
 *
 * Its groups are added to the worker's database through the registry's own model functions.
 */
import { expect, test, useEnglish, type Person } from "./fixtures.ts";
import { actorOfStaff, registeredWithChange } from "./groups-data.ts";
import { expectAccessible } from "./helpers.ts";

const ids = { change: 0, approveChange: 0, race: 0, raceWithScript: 0, correct: 0 };
let representative: Person;

test.beforeAll(async ({ db }) => {
  const support = await import("../integration/group-review-support.ts");
  const { createPersonIn } = await import("./fixtures.ts");
  const rep = await createPersonIn(db, { label: "e2e-review-walk" });
  representative = rep;
  const staff = await db.user.findFirstOrThrow({ where: { role: "staff", isDemo: true } });
  ids.race = await support.submitNewGroup(rep, await support.profile({ name: "審査試験の競合の会" }));
  ids.raceWithScript = await support.submitNewGroup(rep, await support.profile({ name: "審査試験の二重判断の会" }));
  ids.change = await registeredWithChange(rep, actorOfStaff(staff.id), "差分試験の会");
  ids.approveChange = await registeredWithChange(rep, actorOfStaff(staff.id), "承認試験の会");
  ids.correct = await support.submitNewGroup(rep, await support.profile({ name: "訂正試験の会" }));
  const { decideVersion } = await import("../../app/groups/review.server.ts");
  await decideVersion(actorOfStaff(staff.id), ids.correct, await support.submittedVersionId(ids.correct), "approve", "");
});

test.beforeEach(async ({ page, signIn }) => {
  await signIn(page, "staff");
});

test("the change shows old beside new, item by item", async ({ page }) => {
  await page.goto(`/admin/groups/${ids.change}`);
  const diff = page.getByRole("table", { name: "公開中の内容と申請内容の違い" });
  await expect(diff).toBeVisible();
  const nameRow = diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "団体名", exact: true }) });
  await expect(nameRow).toContainText("差分試験の会");
  await expect(nameRow.locator("ins")).toContainText("（改称）");
  // Counts carry their unit, old and new.
  const countRow = diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "会員数" }) });
  await expect(countRow.getByRole("cell")).toHaveText(["12人", "30人"]);
  await expect(diff.getByRole("rowheader", { name: "団体の目的" })).toHaveCount(0);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the change shows old above new, each cell naming its column", async ({ page }) => {
    await page.goto(`/admin/groups/${ids.change}`);
    const diff = page.getByRole("table", { name: "公開中の内容と申請内容の違い" });
    const nameRow = diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "団体名", exact: true }) });
    const [before, after] = [nameRow.getByRole("cell").nth(0), nameRow.getByRole("cell").nth(1)];
    await expect(before).toHaveAttribute("data-label", "公開中");
    await expect(after).toHaveAttribute("data-label", "申請内容");
    const [b, a] = [(await before.boundingBox())!, (await after.boundingBox())!];
    // Stacked: the new text below the old one, both as wide as the row.
    expect(a.y).toBeGreaterThanOrEqual(b.y + b.height);
    expect(Math.round(a.width)).toBe(Math.round(b.width));
    expect(b.width).toBeGreaterThan(250);
  });
});

test("the public profile and the representative's page give the member count with its unit, in Japanese and in English", async ({ page, baseURL, logIn }) => {
  await page.goto(`/groups/${ids.change}`);
  await expect(page.locator("dt", { hasText: "会員数" }).locator("+ dd")).toHaveText("12人");
  await useEnglish(page, baseURL!);
  await page.reload();
  await expect(page.locator("dt", { hasText: /^Members$/ }).locator("+ dd")).toHaveText("12 members");
  await page.context().clearCookies();
  await logIn(page, representative);
  await page.goto(`/my/groups/${ids.change}`);
  await expect(page.locator("#profile-heading + dl dt", { hasText: "会員数" }).locator("+ dd")).toHaveText(/^(12|30)人$/);
});

test("the staff's search field is named by what it takes; which groups it searches is its hint", async ({ page, db }) => {
  await page.goto("/admin/groups");
  await expect(page.getByRole("searchbox", { name: "団体名・ふりがな", exact: true })).toHaveAccessibleDescription("登録中・取消し済みなど、すべての団体から探します。");
  // The same on a district's form: the reading's label, and "in katakana" as its hint.
  const district = await db.district.findFirstOrThrow({ orderBy: { code: "asc" } });
  await page.goto(`/admin/districts/${district.id}`);
  await expect(page.getByRole("textbox", { name: /^行政区名の読み/ })).toHaveAccessibleDescription("カタカナで入力してください。");
});

test("the correction is the group form: the browser refuses bad and hostile input at the fields, then it is published", async ({ page, db }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.goto(`/admin/groups/${ids.correct}/correct`);
  await expect(page.locator("#name")).toHaveValue("訂正試験の会");
  await expect(page.locator("#activityFields")).toBeChecked();
  const published = (await db.group.findUniqueOrThrow({ where: { id: ids.correct } })).publishedVersionId;
  await page.locator("#name").fill("<script>alert(1)</script>");
  await page.locator("#memberCount").fill("3");
  await page.locator("#website").fill("javascript:alert(1)");
  await page.locator("#purpose").fill("あ".repeat(2001));
  await page.getByRole("button", { name: "訂正して公開する" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary.locator("h2")).toBeFocused();
  await expect(page.locator("#memberCount-error")).toHaveText("会員数は5人以上99999人以下で入力してください");
  await expect(page.locator("#website-error")).toHaveText("http:// 又は https:// で始まるアドレスを入力してください");
  await expect(page.locator("#purpose-error")).toContainText("2000");
  await expect(page.locator("#reason-error")).toHaveText("理由を入力してください");
  await expect(page.locator("#name")).toHaveValue("<script>alert(1)</script>");
  await expect(page).toHaveURL(/\/correct$/);
  expect(posts, "judged in the browser: nothing was posted").toEqual([]);
  await expectAccessible(page);
  expect((await db.group.findUniqueOrThrow({ where: { id: ids.correct } })).publishedVersionId).toBe(published);

  // The messages follow the corrections; a valid correction is published.
  await page.locator("#memberCount").fill("25");
  await page.locator("#website").fill("");
  await page.locator("#purpose").fill("訂正後の目的");
  await page.locator("#name").fill("訂正試験の会（訂正）");
  await expect(page.locator("#memberCount-error")).toHaveCount(0);
  await page.locator("#reason").fill("会員数の誤記");
  await page.getByRole("button", { name: "訂正して公開する" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/groups/${ids.correct}\\?done=correct$`));
  const version = (await db.group.findUniqueOrThrow({ where: { id: ids.correct }, include: { publishedVersion: true } })).publishedVersion;
  expect(version).toMatchObject({ name: "訂正試験の会（訂正）", memberCount: 25, purpose: "訂正後の目的" });
});

test("staff approve a change through the page; the new profile is published", async ({ page, db }) => {
  await page.goto("/admin/groups?kind=change");
  await page.getByRole("link", { name: "承認試験の会 の審査画面を開く" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/承認試験の会/);
  await page.getByLabel("団体への連絡（任意）").first().fill("変更を確認しました。");
  await page.getByRole("button", { name: "承認する", exact: true }).click();
  await expect(page.getByRole("heading", { name: "承認の確認" })).toBeFocused();
  await page.getByRole("button", { name: "承認を確定する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "承認しました。" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/承認試験の会（改称）/);
  await expect(page.getByText("審査を待っている申請はありません。")).toBeVisible();
  await expect(page.getByRole("table", { name: "操作記録" })).toContainText("変更を承認");
  await expectAccessible(page);
  const group = await db.group.findUniqueOrThrow({ where: { id: ids.approveChange } });
  expect(group.name).toBe("承認試験の会（改称）");
});

test("a decision already made by someone else shows the 409 notice and the current state", async ({ page, context, db }) => {
  const other = await context.newPage();
  await page.goto(`/admin/groups/${ids.raceWithScript}`);
  await other.goto(`/admin/groups/${ids.raceWithScript}`);
  await other.getByRole("button", { name: "承認する", exact: true }).click();
  await other.getByRole("button", { name: "承認を確定する" }).click();
  await expect(other.getByRole("status").filter({ hasText: "承認しました。" })).toBeVisible();

  await page.getByLabel("修正してほしい点").fill("添付の書類を追加してください。");
  // Decided meanwhile: refused at the first step, before any confirmation is asked.
  await page.getByRole("button", { name: "修正を依頼する", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("この申請はすでに判断されています");
  // The page shows the state as it now is: nothing waits any more.
  await expect(page.getByText("審査を待っている申請はありません。")).toBeVisible();
  await expectAccessible(page);
  expect((await db.groupVersion.findFirstOrThrow({ where: { groupId: ids.raceWithScript } })).status).toBe("approved");
});

// axe needs script in the page, so the checks without JavaScript are of content and status only.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("without JavaScript the correction is refused by the server at the fields, keeping what was typed", async ({ page }) => {
    await page.goto(`/admin/groups/${ids.correct}/correct`);
    await page.locator("#memberCount").fill("100000");
    await page.locator("#name").fill("スクリプトなしの訂正");
    await page.getByRole("button", { name: "訂正して公開する" }).click();
    await expect(page.locator("#memberCount-error")).toHaveText("会員数は5人以上99999人以下で入力してください");
    await expect(page.locator("#reason-error")).toHaveText("理由を入力してください");
    await expect(page.locator("#name")).toHaveValue("スクリプトなしの訂正");
    await expect(page.locator("#activityFields")).toBeChecked();
  });

  test("the second of two members of staff deciding the same application gets a clear 409 page", async ({ page, context, db }) => {
    const first = page;
    const second = await context.newPage();
    await first.goto(`/admin/groups/${ids.race}`);
    await second.goto(`/admin/groups/${ids.race}`);

    // Without JavaScript the server refuses an empty reason at the field, keeping the page.
    await second.getByRole("button", { name: "却下する", exact: true }).click();
    await expect(second.locator("#reason-error")).toHaveText("理由を入力してください");

    await first.getByRole("button", { name: "承認する", exact: true }).click();
    await first.getByRole("button", { name: "承認を確定する" }).click();
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
    const group = await db.group.findUniqueOrThrow({ where: { id: ids.race } });
    expect(group.state).toBe("active");
  });
});
