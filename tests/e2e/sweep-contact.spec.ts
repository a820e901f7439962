/** The contact form: the contact domain's accessibility sweep. */
import { expect } from "./fixtures.ts";
import { accessibilitySweep } from "./sweep.ts";

accessibilitySweep("contact", {
  pages: [
    { label: "/contact", open: "/contact", heading: { ja: /お問い合わせ/ } },
    {
      label: "the contact form with errors keeps what was typed",
      open: "/contact",
      langs: ["ja"],
      check: async ({ page }) => {
        await page.getByLabel("お名前（任意）").fill("安中 太郎");
        await page.getByLabel("メールアドレス（回答を希望する場合）").fill("not-an-address");
        await page.getByRole("button", { name: "送信する" }).click();
        await expect(page.getByText("メールアドレスの形式で入力してください").first()).toBeVisible();
        await expect(page.getByText("入力してください").first()).toBeVisible();
        await expect(page.getByLabel("お名前（任意）")).toHaveValue("安中 太郎");
      },
    },
  ],
});
