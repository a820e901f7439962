/**
 * Public comment's public pages: the accessibility sweep (ja/en) — the list, an open consultation
 * with its form, the form with its errors, the receipt, published results — and the form used
 * from the keyboard.
 */
import { expect } from "./fixtures.ts";
import { accessibilitySweep } from "./sweep.ts";

type Data = { openId: number; publishedId: number };
const DAY = 86_400_000;

accessibilitySweep<Data>("consultations", {
  setup: async ({ db }) => {
    const draft = "## 第1章 趣旨\n\n計画の趣旨。\n\n## 第2章 基本方針\n\n- 市民総働\n- 住民センター";
    const sections = { create: [{ number: 1, heading: "第1章 趣旨" }, { number: 2, heading: "第2章 基本方針" }] };
    const open = await db.consultation.create({
      data: { title: "安中市市民総働推進計画（案）", summary: "計画の案です。", section: "市民協働課", contact: "〒379-0192 安中市安中一丁目23番13号", state: "scheduled", draft, opensAt: new Date(Date.now() - 5 * DAY), closesAt: new Date(Date.now() + 25 * DAY), sections },
    });
    const published = await db.consultation.create({
      data: { title: "安中市男女共同参画プラン（案）", state: "published", draft, opensAt: new Date(Date.now() - 70 * DAY), closesAt: new Date(Date.now() - 40 * DAY), resultsPublishedAt: new Date(), sections },
    });
    const opinion = await db.consultationOpinion.create({ data: { consultationId: published.id, sectionNumber: 2, summary: "住民センターの役割を明記すべき。", response: "第2章に追記しました。" } });
    await db.consultationComment.create({
      data: { consultationId: published.id, receiptNumber: `PC${published.id}-0001`, receivedAt: new Date(Date.now() - 50 * DAY), channel: "post", sectionNumber: 2, body: "住民センターの役割を書いてほしい。", category: "resident", opinionId: opinion.id },
    });
    await db.consultationChange.create({ data: { consultationId: published.id, sectionNumber: 2, change: "第2章に住民センターの役割を追記", reason: "意見を踏まえたため" } });
    return { openId: open.id, publishedId: published.id };
  },
  pages: [
    { label: "/consultations", open: "/consultations", heading: { ja: /パブリックコメント/ } },
    { label: "/consultations/:id (open, with its form)", open: ({ data }) => `/consultations/${data.openId}`, heading: { ja: /安中市市民総働推進計画/ } },
    { label: "/consultations/:id/results", open: ({ data }) => `/consultations/${data.publishedId}/results`, heading: { ja: /意見募集の結果/ } },
    {
      label: "the comment form with errors keeps what was typed",
      open: ({ data }) => `/consultations/${data.openId}`,
      langs: ["ja"],
      check: async ({ page }) => {
        await page.getByLabel(/^お名前/).fill("安中 花子");
        await page.getByRole("button", { name: "意見を提出する" }).click();
        await expect(page.getByText("入力してください").first()).toBeVisible();
        await expect(page.getByLabel(/^お名前/)).toHaveValue("安中 花子");
        // Checked by the server (the page runs no scripts, decision 0031): the answer puts focus on the error summary.
        expect(await page.locator("script[src], script[type=module]").count()).toBe(0);
        await expect(page.locator(".error-summary h2")).toBeFocused();
      },
    },
    {
      label: "a comment on section 2 sent from the keyboard gets a receipt number",
      open: ({ data }) => `/consultations/${data.openId}?section=2`,
      langs: ["ja"],
      check: async ({ page }) => {
        await page.getByLabel(/^お名前/).fill("安中 花子");
        await page.getByLabel(/^ご住所/).fill("安中市安中一丁目1番1号");
        await page.getByLabel(/^提出者の区分/).selectOption("resident");
        await expect(page.getByLabel("意見の対象となる箇所")).toHaveValue("2");
        await page.getByLabel(/^ご意見/).fill("第2章の方針に賛成です。");
        await page.getByLabel(/^ご意見/).press("Tab");
        await page.keyboard.press("Enter");
        await expect(page.getByText(/受付番号は PC\d+-\d{4} です。/)).toBeVisible();
      },
    },
  ],
});
