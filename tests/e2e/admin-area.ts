/** What every page of the staff area shows, for the sweeps of the domains that have pages there. */
import type { Page } from "@playwright/test";
import { expect } from "./fixtures.ts";
import type { Lang } from "./sweep.ts";

const MENU: Record<Lang, string> = { ja: "管理メニュー", en: "Staff area menu" };

export async function expectAdminMenu(page: Page, lang: Lang) {
  await expect(page.getByRole("navigation", { name: MENU[lang] })).toBeVisible();
}

/** The head of the 公共施設一覧 CSV the centres import reads, and a row of it. */
export const CENTER_CSV_HEADERS =
  "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,名称_通称,POIコード,住所,方書,緯度,経度,電話番号,内線番号,法人番号,団体名,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,説明,バリアフリー情報,URL,備考,行政区コード";

/** A file with one new centre named `name` and one row refused for an unknown district code. */
export function centersCsv(name: string): Buffer {
  const row = (cells: string[]) => ["102113", "1", "群馬県", "安中市", ...cells].join(",");
  const empty = (n: number) => Array.from({ length: n }, () => "");
  const csv = [CENTER_CSV_HEADERS, row([name, ...empty(5), "36.3", "138.9", "027-300-1234", ...empty(11), "001;002"]), row(["不明コード", ...empty(19), "999"])].join("\r\n");
  return Buffer.from("\uFEFF" + csv, "utf8");
}

const PREVIEW: Record<Lang, { button: string; heading: string }> = {
  ja: { button: "内容を確認する", heading: "取り込み内容の確認" },
  en: { button: "Check the file", heading: "What the import would do" },
};

/** Uploads the file on /admin/centers/import and asks for the preview; returns the preview's response. */
export async function previewCentersImport(page: Page, name: string, lang: Lang = "ja") {
  await page.goto("/admin/centers/import");
  await page.setInputFiles("#file", { name: "centers.csv", mimeType: "text/csv", buffer: centersCsv(name) });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: PREVIEW[lang].button }).click(),
  ]);
  await expect(page.getByRole("heading", { name: PREVIEW[lang].heading })).toBeVisible();
  return response;
}
