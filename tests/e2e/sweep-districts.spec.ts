/**
 * 行政区 and 住民センター: the districts domain's accessibility sweep — the public list and centre
 * pages, and the staff area's district and centre pages (forms with errors and the import
 * preview and result included).
 */
import { randomUUID } from "node:crypto";
import { expectAdminMenu, previewCentersImport } from "./admin-area.ts";
import { expect } from "./fixtures.ts";
import { accessibilitySweep } from "./sweep.ts";

accessibilitySweep("districts", {
  pages: [
    { label: "/districts", open: "/districts", heading: { ja: /行政区・住民センター/ } },
    { label: "/districts, a search with results", open: "/districts?q=はらいち", heading: { ja: /行政区・住民センター/ } },
    { label: "/districts, a search without results", open: "/districts?q=該当なし", heading: { ja: /行政区・住民センター/ } },
    { label: "/centers/:id", open: "/centers/1", heading: { ja: /住民センター/ } },
  ],
});

accessibilitySweep("districts in the staff area", {
  everyPage: expectAdminMenu,
  pages: [
    { label: "/admin/districts", open: "/admin/districts", as: "admin", heading: { ja: /行政区の管理/ } },
    { label: "/admin/districts (filtered)", open: "/admin/districts?filter=no-center&q=%E5%AE%89%E4%B8%AD", as: "admin", heading: { ja: /行政区の管理/ } },
    { label: "/admin/districts/:id", open: "/admin/districts/1", as: "admin", heading: { ja: /行政区の編集/ } },
    { label: "/admin/centers", open: "/admin/centers", as: "admin", heading: { ja: /住民センターの管理/ } },
    { label: "/admin/centers/new", open: "/admin/centers/new", as: "admin", heading: { ja: /住民センターの登録/ } },
    { label: "/admin/centers/:id", open: "/admin/centers/1", as: "admin", heading: { ja: /住民センターの編集/ } },
    { label: "/admin/centers/import", open: "/admin/centers/import", as: "admin", heading: { ja: /住民センターの取り込み/ } },
    {
      label: "the centre form shows errors next to the fields and keeps what was typed",
      open: "/admin/centers/new",
      as: "admin",
      langs: ["ja"],
      check: async ({ page }) => {
        await page.locator("#name").fill("試験センター");
        await page.locator("#latitude").fill("北緯36度");
        await page.locator("#url").fill("javascript:alert(1)");
        await page.getByRole("button", { name: "住民センターを登録する" }).click();
        await expect(page.locator("#latitude-error")).toHaveText(/緯度は -90 以上 90 以下/);
        await expect(page.locator("#url-error")).toHaveText(/http:\/\/ または https:\/\//);
        await expect(page.locator("#name")).toHaveValue("試験センター");
        await expect(page.locator("#latitude")).toHaveAttribute("aria-invalid", "true");
      },
    },
    {
      label: "the import preview of a file with a refused row",
      open: ({ page, lang }) => previewCentersImport(page, `試験取込センター${randomUUID().slice(0, 4)}`, lang),
      as: "admin",
    },
    {
      label: "the import result",
      open: async ({ page, lang }) => {
        await previewCentersImport(page, `試験結果センター${randomUUID().slice(0, 4)}`, lang);
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === "POST"),
          page.getByRole("button", { name: lang === "ja" ? "取り込む" : "Import", exact: true }).click(),
        ]);
        await expect(page.getByText(lang === "ja" ? /取り込みました。新規 1 件、更新 0 件/ : /Imported: 1 new, 0 updated/)).toBeVisible();
        return response;
      },
      as: "admin",
    },
  ],
});
