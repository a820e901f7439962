/** The site's own pages (home, policies, the 404 page): the platform's accessibility sweep. */
import { expect } from "./fixtures.ts";
import { accessibilitySweep } from "./sweep.ts";

accessibilitySweep("site", {
  pages: [
    { label: "/", open: "/", heading: { ja: /安中市 市民総働ポータル/ } },
    { label: "/accessibility", open: "/accessibility", heading: { ja: /ウェブアクセシビリティ方針/ } },
    { label: "/privacy", open: "/privacy", heading: { ja: /個人情報の取扱い/, en: "Handling of personal information" } },
    {
      label: "the 404 page, in the request's language, with a reference id",
      open: "/no-such-page",
      status: 404,
      heading: { ja: "ページが見つかりません", en: "Page not found" },
      check: async ({ page, response }) => {
        const requestId = response?.headers()["x-request-id"];
        expect(requestId).toBeTruthy();
        await expect(page.getByText(requestId!)).toBeVisible();
      },
    },
  ],
});
