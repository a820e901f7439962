/**
 * The admin area in the browser: the demo admin logs in with password and TOTP (the secret the
 * README gives), axe checks every admin page in Japanese and English (forms with errors and
 * the import preview included), and an admin grants a user the staff role with a reason that
 * then shows in the audit log — with JavaScript and without.
 */
import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type { Db } from "../../app/platform/db.server.ts";
import { e2eDatabaseUrl, e2eScratchFile, expectAccessible, logInAsDemo } from "./helpers.ts";

/** The saved log-in, one per project (its server). */
const storage = (): string => e2eScratchFile(test.info(), "admin-storage");

let client: Db;
let resident: { id: string; email: string };
let mailId: string;

async function createResident(label: string) {
  const email = `${label}.${randomUUID().slice(0, 8)}@example.jp`;
  const user = await client.user.create({
    data: { id: randomUUID(), email, displayName: `試験 ${label}`, passwordHash: "not-used", role: "resident", emailVerifiedAt: new Date() },
  });
  return { id: user.id, email };
}

test.beforeAll(async ({ browser }, testInfo) => {
  const databaseUrl = e2eDatabaseUrl(testInfo);
  process.env.DATABASE_URL = databaseUrl;
  const { createDb } = await import("../../app/platform/db.server.ts");
  const holder = createDb(databaseUrl);
  await holder.ready;
  client = holder.client;
  await client.rateLimitCounter.deleteMany();

  resident = await createResident("admin-pages");
  mailId = randomUUID();
  await client.outboxMail.create({
    data: { id: mailId, to: resident.email, subject: "【市民総働ポータル】メールアドレスの確認", text: "次のリンクを開いてください。\nhttps://example.jp/verify", status: "pending" },
  });

  // Not the stored state (test.use below): that file is what this log-in writes.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await logInAsDemo(page, "admin", "/admin");
  await context.storageState({ path: storage() });
  await context.close();
});

test.afterAll(async () => {
  await client?.$disconnect();
  fs.rmSync(storage(), { force: true });
});

test.use({ storageState: async ({}, use, testInfo) => use(e2eScratchFile(testInfo, "admin-storage")) });
// axe on the district and centre tables (a hundred rows each) takes a while on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** Every admin page; ids made in beforeAll are filled in when the test runs. */
const PAGES: { label: string; path: () => string; heading: RegExp }[] = [
  { label: "/admin", path: () => "/admin", heading: /管理ダッシュボード/ },
  { label: "/admin/districts", path: () => "/admin/districts", heading: /行政区の管理/ },
  { label: "/admin/districts (filtered)", path: () => "/admin/districts?filter=no-center&q=%E5%AE%89%E4%B8%AD", heading: /行政区の管理/ },
  { label: "/admin/districts/:id", path: () => "/admin/districts/1", heading: /行政区の編集/ },
  { label: "/admin/centers", path: () => "/admin/centers", heading: /住民センターの管理/ },
  { label: "/admin/centers/new", path: () => "/admin/centers/new", heading: /住民センターの登録/ },
  { label: "/admin/centers/:id", path: () => "/admin/centers/1", heading: /住民センターの編集/ },
  { label: "/admin/centers/import", path: () => "/admin/centers/import", heading: /住民センターの取り込み/ },
  { label: "/admin/users", path: () => "/admin/users", heading: /アカウントの管理/ },
  { label: "/admin/users (filtered)", path: () => "/admin/users?role=admin&status=active", heading: /アカウントの管理/ },
  { label: "/admin/users/:id", path: () => `/admin/users/${resident.id}`, heading: /アカウント：/ },
  { label: "/admin/audit", path: () => "/admin/audit", heading: /操作記録/ },
  { label: "/admin/audit (dates in the wrong order: 400)", path: () => "/admin/audit?from=2026-04-01&to=2026-03-01", heading: /操作記録/ },
  { label: "/admin/outbox", path: () => "/admin/outbox", heading: /送信メール/ },
  { label: "/admin/outbox/:id", path: () => `/admin/outbox/${mailId}`, heading: /送信メール：/ },
];

for (const { label, path: target, heading } of PAGES) {
  test(`${label} is accessible in Japanese`, async ({ page }) => {
    const response = await page.goto(target());
    expect([200, 400]).toContain(response?.status());
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByRole("navigation", { name: "管理メニュー" })).toBeVisible();
    await expectAccessible(page);
  });

  test(`${label} is accessible in English`, async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
    const response = await page.goto(target());
    expect([200, 400]).toContain(response?.status());
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Staff area menu" })).toBeVisible();
    await expectAccessible(page);
  });
}

test("the centre form shows errors next to the fields, keeps what was typed, and is accessible", async ({ page }) => {
  await page.goto("/admin/centers/new");
  await page.locator("#name").fill("試験センター");
  await page.locator("#latitude").fill("北緯36度");
  await page.locator("#url").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "住民センターを登録する" }).click();
  await expect(page.locator("#latitude-error")).toHaveText(/緯度は -90 以上 90 以下/);
  await expect(page.locator("#url-error")).toHaveText(/http:\/\/ または https:\/\//);
  await expect(page.locator("#name")).toHaveValue("試験センター");
  await expect(page.locator("#latitude")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("the import previews a file with refused rows, writes nothing, then imports", async ({ page, baseURL }) => {
  const name = `試験取込センター${randomUUID().slice(0, 4)}`;
  const headers =
    "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,名称_通称,POIコード,住所,方書,緯度,経度,電話番号,内線番号,法人番号,団体名,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,説明,バリアフリー情報,URL,備考,行政区コード";
  const row = (cells: string[]) => ["102113", "1", "群馬県", "安中市", ...cells].join(",");
  const empty = (n: number) => Array.from({ length: n }, () => "");
  const csv = [
    headers,
    row([name, ...empty(5), "36.3", "138.9", "027-300-1234", ...empty(11), "001;002"]),
    row(["不明コード", ...empty(19), "999"]),
  ].join("\r\n");
  await page.goto("/admin/centers/import");
  await page.setInputFiles("#file", { name: "centers.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + csv, "utf8") });
  await page.getByRole("button", { name: "内容を確認する" }).click();
  await expect(page.getByRole("heading", { name: "取り込み内容の確認" })).toBeVisible();
  await expect(page.getByText("新規 1 件、更新 0 件、変更なし 0 件、取り込めない行 1 件")).toBeVisible();
  await expect(page.getByText("登録されていない行政区コードです：999")).toBeVisible();
  expect(await client.communityCenter.findUnique({ where: { name } })).toBeNull();
  await expectAccessible(page);

  // The result page is checked in English: the language follows the cookie from the next request.
  await page.context().addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByText(/Imported: 1 new, 0 updated/)).toBeVisible();
  await expectAccessible(page);
  expect(await client.communityCenter.findUnique({ where: { name } })).not.toBeNull();
});

/** axe runs inside the page, so not where JavaScript is off. */
async function grantStaff(page: Page, email: string, reason: string, { axe = true } = {}) {
  await page.goto("/admin/users");
  await page.getByLabel("名前・メールアドレスの一部").fill(email);
  await page.getByRole("button", { name: "検索する" }).click();
  await expect(page.getByText("1 件のアカウント")).toBeVisible();
  await page.getByRole("link", { name: /^試験 / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/アカウント：試験/);

  // A reason is required: without one the form says so at the field and changes nothing.
  await page.getByLabel("新しい役割").selectOption("staff");
  await page.getByRole("button", { name: "役割を変更する" }).click();
  await expect(page.locator("#roleReason-error")).toHaveText("入力してください");
  await expect(page.getByLabel("新しい役割")).toHaveValue("staff");
  if (axe) await expectAccessible(page);

  await page.getByLabel("変更の理由").fill(reason);
  await page.getByRole("button", { name: "役割を変更する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "役割を変更しました。" })).toBeVisible();
  await expect(page.locator("dl.facts")).toContainText("職員");
}

async function expectInAuditLog(page: Page, reason: string, { axe = true } = {}) {
  await page.goto("/admin/audit");
  await page.getByLabel("操作", { exact: true }).selectOption("user.role_changed");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/action=user\.role_changed/);
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("役割の変更");
  await expect(row).toContainText("デモ管理者");
  await expect(row).toContainText("from: resident");
  await expect(row).toContainText("to: staff");
  if (axe) await expectAccessible(page);
}

test("an admin grants a user the staff role with a reason, and it appears in the audit log", { tag: "@postgresql" }, async ({ page }) => {
  const person = await createResident("grant");
  const reason = `広報担当として採用（${randomUUID().slice(0, 6)}）`;
  await grantStaff(page, person.email, reason);
  expect((await client.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("staff");
  await expectInAuditLog(page, reason);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same grant works with plain form posts", async ({ page }) => {
    const person = await createResident("grant-nojs");
    const reason = `JavaScriptなしで付与（${randomUUID().slice(0, 6)}）`;
    await grantStaff(page, person.email, reason, { axe: false });
    await expectInAuditLog(page, reason, { axe: false });
  });
});

test("staff see no account, audit or outbox sections, and get 403 there", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await logInAsDemo(page, "staff", "/admin");
  const nav = page.getByRole("navigation", { name: "管理メニュー" });
  await expect(nav.getByRole("link", { name: "行政区", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "住民センター", exact: true })).toBeVisible();
  for (const hidden of ["アカウント", "操作記録", "送信メール"]) await expect(nav.getByRole("link", { name: hidden, exact: true })).toHaveCount(0);
  for (const target of ["/admin/users", "/admin/audit", "/admin/outbox"]) {
    const response = await page.goto(target);
    expect(response?.status(), target).toBe(403);
  }
  await context.close();
});
