/**
 * The group registry: its accessibility sweep — the public directory and profiles, the
 * representative's pages, and the staff review — every page in Japanese and English, forms
 * with their errors included.
 */
import { expectAdminMenu } from "./admin-area.ts";
import { expect } from "./fixtures.ts";
import { directoryGroups, draftGroup, MATCHES, reviewGroups, WORD, type ReviewGroups } from "./groups-data.ts";
import { accessibilitySweep } from "./sweep.ts";

const q = encodeURIComponent(WORD);

accessibilitySweep<{ listedId: number; lapsedId: number }>("groups: the directory", {
  setup: ({ db }) => directoryGroups(db),
  pages: [
    { label: "the directory with an empty search", open: "/groups", heading: { ja: "市民活動団体をさがす", en: "Find community groups" } },
    {
      label: "the directory with results",
      open: `/groups?q=${q}`,
      check: async ({ page }) => {
        await expect(page.getByRole("status")).toContainText(String(MATCHES));
        await expect(page.locator("mark").first()).toHaveText(WORD);
      },
    },
    {
      label: "the directory with no results",
      open: `/groups?q=${encodeURIComponent("存在しない言葉ですよ")}`,
      check: async ({ page, lang }) => {
        await expect(page.getByRole("status")).toHaveText(lang === "ja" ? "条件に合う団体は見つかりませんでした。" : "No group matches these conditions.");
      },
    },
    {
      label: "the directory, page 2",
      open: `/groups?q=${q}&page=2`,
      check: async ({ page }) => {
        await expect(page.locator('.pagination [aria-current="page"]')).toHaveText("2");
      },
    },
    {
      label: "a profile",
      open: ({ data }) => `/groups/${data.listedId}`,
      heading: { ja: new RegExp(`${WORD}子育ての会01`), en: new RegExp(`${WORD}子育ての会01`) },
      check: async ({ page }) => {
        await expect(page.locator("main")).not.toContainText("非公開 代表");
      },
    },
    {
      label: "the page of an ended registration",
      open: ({ data }) => `/groups/${data.lapsedId}`,
      status: 410,
      heading: { ja: "この団体の登録は終了しました", en: "This group's registration has ended" },
      check: async ({ page }) => {
        await expect(page.locator("main")).not.toContainText(`${WORD}解散した会`);
      },
    },
  ],
});

accessibilitySweep<Awaited<ReturnType<typeof draftGroup>>>("groups: the representative's pages", {
  setup: ({ db }) => draftGroup(db, "アクセシビリティの会"),
  pages: [
    { label: "/groups/new", open: "/groups/new", as: "resident", heading: { ja: "市民活動団体の登録" } },
    {
      label: "/groups/new with errors in a summary that takes focus",
      open: "/groups/new",
      as: "resident",
      check: async ({ page }) => {
        await page.locator("button[value=submit]").click();
        await expect(page.locator(".error-summary h2")).toBeFocused();
      },
    },
    { label: "/my/groups", open: "/my/groups", as: (d) => d.representative, heading: { ja: "わたしの団体", en: "My groups" } },
    {
      label: "a draft's status page",
      open: (s) => s.data.statusPath,
      as: (d) => d.representative,
      check: async ({ page, lang }) => {
        await expect(page.locator("main")).toContainText(lang === "ja" ? "下書き（未申請）" : "Draft (not yet applied)");
      },
    },
    {
      label: "the edit page",
      open: (s) => `${s.data.statusPath}/edit`,
      as: (d) => d.representative,
      check: async ({ page }) => {
        await expect(page.locator("#name")).not.toHaveValue("");
      },
    },
    {
      label: "the members page with an invitation error",
      open: (s) => `${s.data.statusPath}/members`,
      as: (d) => d.representative,
      check: async ({ page, lang }) => {
        await expect(page.locator("main table").first()).toContainText(lang === "ja" ? "代表者" : "Representative");
        await page.locator("#email").fill("not-an-address");
        await page.locator("main form button.button").last().click();
        await expect(page.locator("#email-error")).toBeVisible();
      },
    },
    { label: "the withdraw page", open: (s) => `${s.data.statusPath}/withdraw`, as: (d) => d.representative },
  ],
});

accessibilitySweep<ReviewGroups>("groups: the staff review", {
  setup: ({ db }) => reviewGroups(db),
  // The staff area's menu, with its entry for the review.
  everyPage: async (page, lang) => {
    await expectAdminMenu(page, lang);
    if (lang === "ja") await expect(page.getByRole("navigation", { name: "管理メニュー" }).getByRole("link", { name: "団体審査" })).toBeVisible();
  },
  pages: [
    { label: "the queue", open: "/admin/groups", as: "staff", heading: { ja: /^団体審査$/, en: /^Group review$/ } },
    { label: "the queue of changes, with a search", open: "/admin/groups?kind=change&q=%E5%AF%A9%E6%9F%BB", as: "staff", heading: { ja: /^団体審査$/, en: /^Group review$/ } },
    { label: "a change with its diff", open: (s) => `/admin/groups/${s.data.change}`, as: "staff", heading: { ja: /団体の審査：審査試験の会/, en: /Group review: / } },
    { label: "a new registration", open: (s) => `/admin/groups/${s.data.fresh}`, as: "staff", heading: { ja: /団体の審査：審査試験の新しい会/, en: /Group review: / } },
    { label: "the cancel page", open: (s) => `/admin/groups/${s.data.change}/cancel`, as: "staff", heading: { ja: /登録の取消し：/, en: /Cancel the registration: / } },
    { label: "the correct page", open: (s) => `/admin/groups/${s.data.change}/correct`, as: "staff", heading: { ja: /登録内容の訂正：/, en: /Correct the profile: / } },
    { label: "the 6-1 view", open: "/admin/indicators/groups", as: "staff", heading: { ja: /6-1/, en: /6-1/ } },
    { label: "the 6-1 view on a date", open: "/admin/indicators/groups?date=2027-03-31", as: "staff", heading: { ja: /6-1/, en: /6-1/ } },
    {
      label: "a decision without its reason or message: said at the field, nothing decided",
      open: (s) => `/admin/groups/${s.data.fresh}`,
      as: "staff",
      langs: ["ja"],
      check: async ({ page, db, data }) => {
        await page.getByRole("button", { name: "却下する", exact: true }).click();
        await expect(page.locator("#reason-error")).toHaveText("理由を入力してください");
        await expect(page.locator("#reason")).toHaveAttribute("aria-invalid", "true");
        await page.getByRole("button", { name: "修正を依頼する", exact: true }).click();
        await expect(page.locator("#message-error")).toHaveText("修正してほしい点を入力してください");
        expect((await db.groupVersion.findFirstOrThrow({ where: { groupId: data.fresh }, orderBy: { id: "desc" } })).status).toBe("submitted");
      },
    },
    {
      label: "a cancellation without its reason",
      open: (s) => `/admin/groups/${s.data.change}/cancel`,
      as: "staff",
      langs: ["ja"],
      check: async ({ page }) => {
        await page.getByRole("button", { name: "登録を取り消す" }).click();
        await expect(page.locator("#reason-error")).toHaveText("理由を入力してください");
      },
    },
  ],
});

accessibilitySweep<ReviewGroups>("groups: renewal", {
  setup: ({ db }) => reviewGroups(db, { fresh: "更新試験の新しい会", change: "更新試験の会" }),
  pages: [
    {
      label: "the representative's renewal page",
      open: (s) => `/my/groups/${s.data.change}/renew`,
      as: (d) => d.representative,
      heading: { ja: /登録の更新：更新試験の会/, en: /Renew the registration: / },
    },
  ],
});
