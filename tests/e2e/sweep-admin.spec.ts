/**
 * The staff area's own pages (dashboard, accounts, audit log, outbox): the admin domain's
 * accessibility sweep, as an admin, in Japanese and English.
 */
import { randomUUID } from "node:crypto";
import { expectAdminMenu } from "./admin-area.ts";
import { expect } from "./fixtures.ts";
import { accessibilitySweep } from "./sweep.ts";

type Data = { residentId: string; mailId: string };

accessibilitySweep<Data>("admin", {
  setup: async ({ db }) => {
    const email = `admin-pages.${randomUUID().slice(0, 8)}@example.jp`;
    const resident = await db.user.create({
      data: { id: randomUUID(), email, displayName: "試験 admin-pages", passwordHash: "not-used", role: "resident", emailVerifiedAt: new Date() },
    });
    const mail = await db.outboxMail.create({
      data: { id: randomUUID(), to: email, subject: "【市民総働ポータル】メールアドレスの確認", text: "次のリンクを開いてください。\nhttps://example.jp/verify", status: "pending" },
    });
    return { residentId: resident.id, mailId: mail.id };
  },
  everyPage: expectAdminMenu,
  pages: [
    { label: "/admin", open: "/admin", as: "admin", heading: { ja: /管理ダッシュボード/ } },
    { label: "/admin/users", open: "/admin/users", as: "admin", heading: { ja: /アカウントの管理/ } },
    { label: "/admin/users (filtered)", open: "/admin/users?role=admin&status=active", as: "admin", heading: { ja: /アカウントの管理/ } },
    { label: "/admin/users/:id", open: ({ data }) => `/admin/users/${data.residentId}`, as: "admin", heading: { ja: /アカウント：/ } },
    {
      label: "the role form without a reason says so at the field and keeps the choice",
      open: ({ data }) => `/admin/users/${data.residentId}`,
      as: "admin",
      langs: ["ja"],
      check: async ({ page }) => {
        await page.getByLabel("新しい役割").selectOption("staff");
        await page.getByRole("button", { name: "役割を変更する" }).click();
        await expect(page.locator("#roleReason-error")).toHaveText("入力してください");
        await expect(page.getByLabel("新しい役割")).toHaveValue("staff");
      },
    },
    { label: "/admin/audit", open: "/admin/audit", as: "admin", heading: { ja: /操作記録/ } },
    { label: "/admin/audit, filtered by an action", open: "/admin/audit?action=user.role_changed", as: "admin", heading: { ja: /操作記録/ } },
    { label: "/admin/audit (dates in the wrong order: 400)", open: "/admin/audit?from=2026-04-01&to=2026-03-01", status: 400, as: "admin", heading: { ja: /操作記録/ } },
    { label: "/admin/outbox", open: "/admin/outbox", as: "admin", heading: { ja: /送信メール/ } },
    { label: "/admin/outbox/:id", open: ({ data }) => `/admin/outbox/${data.mailId}`, as: "admin", heading: { ja: /送信メール：/ } },
  ],
});
