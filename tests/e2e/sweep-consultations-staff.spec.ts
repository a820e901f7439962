/**
 * Public comment's staff pages: the accessibility sweep (ja/en, desktop width; the 320 px and screenshot specs cover the phone) as staff, and
 * the consultation form's Art. 40 refusal at its field, used from the keyboard.
 */
import { expect } from "./fixtures.ts";
import { accessibilitySweep } from "./sweep.ts";

type Data = { consultationId: number; commentId: number; draftId: number };

accessibilitySweep<Data>("consultations-staff", {
  setup: async ({ db }) => {
    const c = await db.consultation.create({
      data: {
        title: "安中市市民総働推進計画（案）",
        state: "scheduled",
        section: "市民部 市民協働課",
        contact: "安中市安中一丁目1番1号",
        draft: "## 第1章 趣旨\n\n本文\n\n## 第2章 方針\n\n本文",
        opensAt: new Date(Date.now() - 5 * 86_400_000),
        closesAt: new Date(Date.now() + 25 * 86_400_000),
        sections: { create: [{ number: 1, heading: "第1章 趣旨" }, { number: 2, heading: "第2章 方針" }] },
      },
    });
    const comment = await db.consultationComment.create({
      data: { consultationId: c.id, receiptNumber: `PC${c.id}-0001`, receivedAt: new Date(), channel: "post", sectionNumber: 2, body: "第2章の方針に賛成です。", category: "resident", name: "安中 花子", address: "安中市" },
    });
    // A draft, whose documents may still change: the files page shows its form.
    const draft = await db.consultation.create({ data: { title: "安中市地域福祉計画（案）", state: "draft", section: "福祉部 福祉課", contact: "安中市", draft: "## 第1章\n\n本文" } });
    return { consultationId: c.id, commentId: comment.id, draftId: draft.id };
  },
  pages: [
    { label: "/admin/consultations", open: "/admin/consultations", as: "staff", heading: { ja: /パブリックコメント案件/ } },
    { label: "/admin/consultations/new", open: "/admin/consultations/new", as: "staff", heading: { ja: /案件を作成/ } },
    { label: "/admin/consultations/:id", open: ({ data }) => `/admin/consultations/${data.consultationId}`, as: "staff", heading: { ja: /安中市市民総働推進計画/ } },
    { label: "/admin/consultations/:id/comments", open: ({ data }) => `/admin/consultations/${data.consultationId}/comments`, as: "staff", heading: { ja: /意見の一覧/ } },
    { label: "/admin/consultations/:id/comments/new", open: ({ data }) => `/admin/consultations/${data.consultationId}/comments/new`, as: "staff", heading: { ja: /郵送・FAX等の意見を入力/ } },
    { label: "/admin/consultations/:id/comments/:commentId", open: ({ data }) => `/admin/consultations/${data.consultationId}/comments/${data.commentId}`, as: "staff", heading: { ja: /意見 PC/ } },
    { label: "/admin/consultations/:id/results", open: ({ data }) => `/admin/consultations/${data.consultationId}/results`, as: "staff", heading: { ja: /意見の概要と市の考え方/ } },
    { label: "/admin/consultations/:id/results/preview", open: ({ data }) => `/admin/consultations/${data.consultationId}/results/preview`, as: "staff", heading: { ja: /意見募集の結果/ } },
    { label: "/admin/consultations/:id/files (a draft: the form)", open: ({ data }) => `/admin/consultations/${data.draftId}/files`, as: "staff", heading: { ja: /PDF資料/ } },
    { label: "/admin/consultations/:id/files (open: locked)", open: ({ data }) => `/admin/consultations/${data.consultationId}/files`, as: "staff", heading: { ja: /PDF資料/ } },
    {
      label: "Art. 40: a 10-day period without a reason is refused at the reason's field, from the keyboard",
      open: "/admin/consultations/new",
      as: "staff",
      langs: ["ja"],
      check: async ({ page }) => {
        await page.getByLabel("件名").fill("短期間の案件");
        await page.getByLabel("担当課・係").fill("市民協働課");
        await page.getByLabel("担当の連絡先（住所・電話・FAX・メール）").fill("安中市");
        const first = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
        const last = new Date(Date.now() + 11 * 86_400_000).toISOString().slice(0, 10);
        await page.getByLabel("募集期間の初日（公示日）").fill(first);
        await page.getByLabel("募集期間の最終日").fill(last);
        await page.getByRole("button", { name: "作成する" }).focus();
        await page.keyboard.press("Enter");
        await expect(page.locator("#shortPeriodReason-error")).toContainText("30日未満です");
      },
    },
  ],
});
