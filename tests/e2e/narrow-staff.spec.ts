/**
 * The staff area at 320 px (WCAG 1.4.10), as the public pages are in public-pages.spec.ts: no
 * page scrolls sideways, in Japanese or English. A table too wide for the screen is either
 * stacked (one block per row) or held in a labelled scroll region (.table-scroll) that scrolls
 * by itself; what is inside such a region is not counted as the page's width.
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test, useEnglish, type Role } from "./fixtures.ts";
import { actorOfStaff, registeredWithChange } from "./groups-data.ts";

const data = { change: 0, districtId: 0, centerId: 0, mailId: "", userId: "", consultationId: 0, commentId: 0 };

test.beforeAll(async ({ db }) => {
  const { createPersonIn } = await import("./fixtures.ts");
  const rep = await createPersonIn(db, { label: "e2e-narrow-staff" });
  const staff = await db.user.findFirstOrThrow({ where: { role: "staff", isDemo: true } });
  data.change = await registeredWithChange(rep, actorOfStaff(staff.id), "狭い画面試験の会");
  data.userId = rep.id;
  data.districtId = (await db.district.findFirstOrThrow({ orderBy: { code: "asc" } })).id;
  data.centerId = (await db.communityCenter.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const mail = await db.outboxMail.create({
    data: { id: randomUUID(), to: rep.email, subject: "【市民総働ポータル】メールアドレスの確認", text: "次のリンクを開いてください。\nhttps://example.jp/verify", status: "pending" },
  });
  data.mailId = mail.id;
  // The demo's open consultation with the most comments (public comment's staff pages).
  const comment = await db.consultationComment.findFirstOrThrow({ where: { consultation: { title: "安中市市民総働推進計画（案）" } }, orderBy: { id: "asc" } });
  data.consultationId = comment.consultationId;
  data.commentId = comment.id;
});

/** Every page of the staff area a member of staff or an administrator opens in a morning. */
const PAGES: { path: () => string; as: Role }[] = [
  { path: () => "/admin", as: "staff" },
  { path: () => "/admin/groups", as: "staff" },
  { path: () => `/admin/groups/${data.change}`, as: "staff" },
  { path: () => `/admin/groups/${data.change}/correct`, as: "staff" },
  { path: () => "/admin/indicators/groups", as: "staff" },
  { path: () => "/admin/districts", as: "staff" },
  { path: () => `/admin/districts/${data.districtId}`, as: "staff" },
  { path: () => "/admin/centers", as: "staff" },
  { path: () => `/admin/centers/${data.centerId}`, as: "staff" },
  { path: () => "/admin/centers/import", as: "staff" },
  { path: () => "/admin/users", as: "admin" },
  { path: () => `/admin/users/${data.userId}`, as: "admin" },
  { path: () => "/admin/audit", as: "admin" },
  { path: () => "/admin/outbox", as: "admin" },
  { path: () => `/admin/outbox/${data.mailId}`, as: "admin" },
  { path: () => "/admin/consultations", as: "staff" },
  { path: () => "/admin/consultations/new", as: "staff" },
  { path: () => `/admin/consultations/${data.consultationId}`, as: "staff" },
  { path: () => `/admin/consultations/${data.consultationId}/comments`, as: "staff" },
  { path: () => `/admin/consultations/${data.consultationId}/comments/new`, as: "staff" },
  { path: () => `/admin/consultations/${data.consultationId}/comments/${data.commentId}`, as: "staff" },
  { path: () => `/admin/consultations/${data.consultationId}/results`, as: "staff" },
  { path: () => `/admin/consultations/${data.consultationId}/results/preview`, as: "staff" },
  { path: () => `/admin/consultations/${data.consultationId}/files`, as: "staff" },
];

/** The page's width, and the innermost element that sticks out beyond 320 px (outside a scroll region). */
async function overflow(page: Page): Promise<{ width: number; widest?: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    const widest = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 320 && !e.closest(".table-scroll"))
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(" ")[0]}` : ""} “${(e.textContent ?? "").trim().slice(0, 30)}”`)
      .slice(-1)[0];
    return { width, widest };
  });
}

test.describe("at 320 px", () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 320, height: 640 } });

  for (const lang of ["ja", "en"] as const) {
    test(`no page of the staff area scrolls sideways (${lang})`, async ({ page, baseURL, signIn }) => {
      const wide: string[] = [];
      let signedInAs: Role | undefined;
      for (const { path, as } of PAGES) {
        if (signedInAs !== as) {
          await page.context().clearCookies();
          await signIn(page, as);
          if (lang === "en") await useEnglish(page, baseURL!);
          signedInAs = as;
        }
        const response = await page.goto(path());
        expect(response?.status(), path()).toBe(200);
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const { width, widest } = await overflow(page);
        if (width > 320) wide.push(`${path()}: ${width} px (${widest})`);
      }
      expect(wide).toEqual([]);
    });
  }

  test("a wide table is a labelled region that scrolls by itself and takes the keyboard", async ({ page, signIn }) => {
    await signIn(page, "admin");
    await page.goto("/admin/audit");
    const regions = page.locator(".table-scroll");
    await expect(regions.first()).toBeVisible();
    for (const region of await regions.all()) {
      await expect(region).toHaveAttribute("role", "region");
      await expect(region).toHaveAttribute("tabindex", "0");
      await expect(region).toHaveAccessibleName(/.+/);
    }
  });
});
