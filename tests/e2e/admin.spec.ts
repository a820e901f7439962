/**
 * The admin area in the browser: an admin grants a user the staff role with a reason that then
 * shows in the audit log — with JavaScript and without; the centres import previews, writes
 * nothing, then imports; staff do not see the admin-only sections. The axe checks of these
 * pages are in sweep-admin.spec.ts and sweep-districts.spec.ts.
 */
import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { previewCentersImport } from "./admin-area.ts";
import { expect, test, type Person } from "./fixtures.ts";

async function grantStaff(page: Page, email: string, reason: string) {
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

  await page.getByLabel("変更の理由").fill(reason);
  await page.getByRole("button", { name: "役割を変更する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "役割を変更しました。" })).toBeVisible();
  await expect(page.locator("dl.facts")).toContainText("職員");
}

async function expectInAuditLog(page: Page, reason: string, admin: Person) {
  await page.goto("/admin/audit");
  await page.getByLabel("操作", { exact: true }).selectOption("user.role_changed");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/action=user\.role_changed/);
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("役割の変更");
  await expect(row).toContainText(admin.displayName);
  await expect(row).toContainText("from: resident");
  await expect(row).toContainText("to: staff");
}

test("an admin grants a user the staff role with a reason, and it appears in the audit log", { tag: "@postgresql" }, async ({ page, signIn, createPerson, db }) => {
  const admin = await signIn(page, { role: "admin", displayName: "試験管理者" });
  const person = await createPerson({ label: "grant" });
  const reason = `広報担当として採用（${randomUUID().slice(0, 6)}）`;
  await grantStaff(page, person.email, reason);
  expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("staff");
  await expectInAuditLog(page, reason, admin);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same grant works with plain form posts", async ({ page, signIn, createPerson }) => {
    const admin = await signIn(page, { role: "admin", displayName: "試験管理者" });
    const person = await createPerson({ label: "grant-nojs" });
    const reason = `JavaScriptなしで付与（${randomUUID().slice(0, 6)}）`;
    await grantStaff(page, person.email, reason);
    await expectInAuditLog(page, reason, admin);
  });
});

test("the import previews a file with refused rows, writes nothing, then imports", async ({ page, signIn, db }) => {
  await signIn(page, "admin");
  const name = `試験取込センター${randomUUID().slice(0, 4)}`;
  await previewCentersImport(page, name);
  await expect(page.getByText("新規 1 件、更新 0 件、変更なし 0 件、取り込めない行 1 件")).toBeVisible();
  await expect(page.getByText("登録されていない行政区コードです：999")).toBeVisible();
  expect(await db.communityCenter.findUnique({ where: { name } })).toBeNull();

  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByText(/取り込みました。新規 1 件、更新 0 件/)).toBeVisible();
  expect(await db.communityCenter.findUnique({ where: { name } })).not.toBeNull();
});

test("staff see no account, audit or outbox sections, and get 403 there", async ({ page, signIn }) => {
  await signIn(page, "staff");
  await page.goto("/admin");
  const nav = page.getByRole("navigation", { name: "管理メニュー" });
  await expect(nav.getByRole("link", { name: "行政区", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "住民センター", exact: true })).toBeVisible();
  for (const hidden of ["アカウント", "操作記録", "送信メール"]) await expect(nav.getByRole("link", { name: hidden, exact: true })).toHaveCount(0);
  for (const target of ["/admin/users", "/admin/audit", "/admin/outbox"]) {
    const response = await page.goto(target);
    expect(response?.status(), target).toBe(403);
  }
});
