/**
 * Public comment as the public meets it, against the production server on a real database:
 * the list, a consultation's page and its form (Art. 39, 40), bad input and abuse, the published
 * results (Art. 43), and no commenter's personal data on any public page or the feed. The
 * database-level rules (receipts in parallel, the period's edges) run on both databases in
 * consultation-comments-suite.ts.
 */

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportConsultationData } from "../../app/consultations/account.server.ts";
import { draftSections } from "../../app/consultations/draft.server.ts";
import { removeExpiredPersonalData } from "../../app/consultations/jobs.server.ts";
import { periodInstants } from "../../app/consultations/rules.ts";
import { db } from "../../app/platform/db.server.ts";
import { cookieFor, makePerson } from "./group-review-support.ts";
import { postForm, request, startServer, type ServerProcess } from "./helpers/server-process.ts";

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY + 9 * 3600_000).toISOString().slice(0, 10);
const DRAFT = "# 安中市市民総働推進計画（案）\n\n前文。\n\n## 第1章 計画の趣旨\n\n趣旨の本文。\n\n## 第2章 基本方針\n\n方針の本文。<script>alert(1)</script>\n\n## 第3章 推進体制\n\n体制の本文。";
/** Personal data no public response may contain. */
const SECRET = { name: "秘匿 太郎", address: "安中市秘匿町9-9-9", email: "hitoku.taro@example.jp" };

async function consultation(data: Record<string, unknown>) {
  const draft = (data.draft as string | undefined) ?? DRAFT;
  const row = await db.consultation.create({
    data: {
      title: "安中市市民総働推進計画（案）",
      summary: "市民総働の進め方を定める計画の案です。",
      section: "市民協働課 市民協働係",
      contact: "〒379-0192 安中市安中一丁目23番13号 市民協働課\nFAX 027-000-0000\nshimin@example.jp",
      state: "scheduled",
      draft,
      scheduledAt: new Date(),
      ...periodInstants(day(-2), day(27)),
      ...data,
    },
  });
  await db.consultationSection.createMany({ data: draftSections(draft).map((s) => ({ consultationId: row.id, ...s })) });
  return row.id;
}

const form = (overrides: Record<string, string> = {}) => ({
  name: "安中 花子",
  address: "安中市安中一丁目1番1号",
  category: "resident",
  email: "",
  section: "2",
  body: "第2章の方針に賛成です。",
  submissionKey: randomUUID().replace(/-/g, ""),
  ...overrides,
});

/** Shared by consultation-public.test.ts (SQLite) and consultation-public.postgresql.test.ts. */
export function defineConsultationPublicSuite() {
  let server: ServerProcess;
  let openId: number;

  beforeAll(async () => {
    openId = await consultation({});
    // Each test posts from its own address (X-Forwarded-For with TRUST_PROXY), so the limit counts per test.
    server = await startServer({ databaseUrl: process.env.DATABASE_URL ?? "", env: { TRUST_PROXY: "1" } });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  const from = (address: string) => ({ "X-Forwarded-For": address });

  describe("a consultation's public page (Art. 39, 40)", () => {
    it("Art. 39: publishes the draft by numbered sections, the period, who may comment, how to send by post, fax or at the counter, and the form", async () => {
      const page = await request(server, `/consultations/${openId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('id="section-2"');
      expect(page.text).toContain("2. 第2章 基本方針");
      expect(page.text).toContain("方針の本文。");
      expect(page.text).not.toContain("<script>alert(1)</script>");
      expect(page.text).toContain("（30日間）");
      expect(page.text).toContain("市内に住所を有する方");
      expect(page.text).toContain("郵送・FAX・持参・電子メール");
      expect(page.text).toContain("FAX 027-000-0000");
      expect(page.text).toContain("意見提出フォーム");
      expect(page.text).toContain("お名前とご住所は公表しません");
      const list = await request(server, "/consultations");
      expect(list.text).toContain(`/consultations/${openId}`);
      expect(list.text).toContain("残り");
    });

    it("Art. 40: publishes the reason of a period shorter than 30 days with the consultation", async () => {
      const id = await consultation({ ...periodInstants(day(0), day(9)), shortPeriodReason: "国の制度改正に合わせ4月1日に施行する必要があるため" });
      const page = await request(server, `/consultations/${id}`);
      expect(page.text).toContain("募集期間を30日未満とする理由");
      expect(page.text).toContain("国の制度改正に合わせ4月1日に施行する必要があるため");
    });

    it("shows nothing of a consultation still in draft", async () => {
      const id = await consultation({ state: "draft", title: "未公表の案" });
      expect((await request(server, `/consultations/${id}`)).status).toBe(404);
      expect((await request(server, "/consultations")).text).not.toContain("未公表の案");
      expect((await request(server, "/consultations/feed.xml")).text).not.toContain("未公表の案");
    });
  });

  describe("the comment form: bad input and abuse", () => {
    it("takes a comment on section 2 and answers with its receipt number", async () => {
      const response = await postForm(server, `/consultations/${openId}`, form(), from("10.0.1.1"));
      expect(response.status).toBe(200);
      const receipt = /受付番号は (PC\d+-\d{4}) です/.exec(response.text)?.[1];
      expect(receipt).toBeTruthy();
      const row = await db.consultationComment.findUniqueOrThrow({ where: { receiptNumber: receipt! } });
      expect(row.sectionNumber).toBe(2);
      expect(row.channel).toBe("online");
    });

    it("refuses an empty comment and one of 10,001 characters with the message at the field, keeping what was typed", async () => {
      const empty = await postForm(server, `/consultations/${openId}`, form({ body: "" }), from("10.0.2.1"));
      expect(empty.status).toBe(400);
      expect(empty.text).toContain("入力してください");
      expect(empty.text).toContain("安中市安中一丁目1番1号");
      const long = await postForm(server, `/consultations/${openId}`, form({ body: "あ".repeat(10_001) }), from("10.0.2.1"));
      expect(long.status).toBe(400);
      expect(long.text).toContain("あ".repeat(10_001));
      expect(long.text).toContain("10000");
    });

    it("shows HTML and scripts typed in any field as text", async () => {
      const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
      const response = await postForm(server, `/consultations/${openId}`, form({ name: hostile, address: hostile, email: hostile, body: "" }), from("10.0.3.1"));
      expect(response.status).toBe(400);
      expect(response.text).not.toContain('<script>alert("x")</script>');
      expect(response.text).not.toContain("<img src=x");
      expect(response.text).toContain("&lt;script&gt;");
    });

    it("refuses a comment sent one second after closing, stores nothing and keeps the text", async () => {
      const closesAt = new Date(Date.now() - 1000);
      const id = await consultation({ opensAt: new Date(Date.now() - 30 * DAY), closesAt });
      const response = await postForm(server, `/consultations/${id}`, form({ body: "締切後の意見" }), from("10.0.4.1"));
      expect(response.status).toBe(409);
      expect(response.text).toContain("受付期間外");
      expect(response.text).toContain("締切後の意見");
      expect(await db.consultationComment.count({ where: { consultationId: id } })).toBe(0);
    });

    it("stores a form sent twice by a double click once, and answers both with the same receipt", async () => {
      const twice = form({ body: "二度押しの意見" });
      const [a, b] = await Promise.all([postForm(server, `/consultations/${openId}`, twice, from("10.0.5.1")), postForm(server, `/consultations/${openId}`, twice, from("10.0.5.1"))]);
      const receipt = (r: { text: string }) => /受付番号は (PC\d+-\d{4}) です/.exec(r.text)?.[1];
      expect(receipt(a)).toBeTruthy();
      expect(receipt(b)).toBe(receipt(a));
      expect(await db.consultationComment.count({ where: { body: "二度押しの意見" } })).toBe(1);
    });

    it("takes ten comments from one address in ten minutes and refuses the other ninety of a hundred with a clear message", async () => {
      const statuses: number[] = [];
      let refused = "";
      let retryAfter: string | undefined;
      for (let i = 0; i < 100; i += 1) {
        const r = await postForm(server, `/consultations/${openId}`, form({ body: `連投 ${i}` }), from("10.0.6.1"));
        statuses.push(r.status);
        if (r.status === 429) [refused, retryAfter] = [r.text, r.headers["retry-after"]];
      }
      // The seconds to the end of the limit's window, with the page that says so.
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(600);
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(90);
      expect(refused).toContain("受付を一時停止しています");
      expect(refused).toContain("連投 99");
      expect(await db.consultationComment.count({ where: { body: { startsWith: "連投 " } } })).toBe(10);
    });

    it("answers a bot that fills the hidden field as if received, and stores nothing", async () => {
      const response = await postForm(server, `/consultations/${openId}`, { ...form({ body: "ボットの意見" }), website_url: "https://spam.example" }, from("10.0.7.1"));
      expect(response.status).toBe(200);
      expect(response.text).not.toMatch(/受付番号は PC/);
      expect(await db.consultationComment.count({ where: { body: "ボットの意見" } })).toBe(0);
    });
  });

  describe("the published results (Art. 43)", () => {
    it("Art. 43: lists people, comments and channels, the summarised opinions with the city's responses under their section, the changes, withheld passages, and no personal data", async () => {
      const id = await consultation({ state: "published", resultsPublishedAt: new Date(), ...periodInstants(day(-60), day(-31)), finalText: "## 決定した計画\n\n本文", finalTextUrl: "https://www.city.annaka.lg.jp/plan.pdf" });
      const opinion = await db.consultationOpinion.create({ data: { consultationId: id, sectionNumber: 2, summary: "基本方針に住民センターの役割を明記すべき。", response: "ご意見を踏まえ、第2章に住民センターの役割を追記しました。" } });
      const base = { consultationId: id, sectionNumber: 2, category: "resident", ...SECRET, receivedAt: new Date() };
      const first = await db.consultationComment.create({ data: { ...base, receiptNumber: `PC${id}-0001`, channel: "online", body: "隣の鈴木さんが反対していたが、住民センターの役割を書いてほしい。", opinionId: opinion.id } });
      await db.consultationComment.create({ data: { ...base, receiptNumber: `PC${id}-0002`, channel: "post", body: "同じ意見です。", opinionId: opinion.id } });
      await db.consultationComment.create({ data: { ...base, receiptNumber: `PC${id}-0003`, channel: "online", body: "重複", duplicateOfId: first.id } });
      await db.consultationWithholding.create({ data: { commentId: first.id, passage: "隣の鈴木さんが反対していたが、", reason: "第三者の個人に関する情報のため" } });
      await db.consultationChange.create({ data: { consultationId: id, sectionNumber: 2, change: "第2章に住民センターの役割を追記", reason: "寄せられた意見を踏まえたため" } });

      const page = await request(server, `/consultations/${id}/results`);
      expect(page.status, page.text.slice(-3000)).toBe(200);
      const text = page.text;
      expect(text).toContain("2人");
      expect(text).toContain("2件");
      expect(text).toMatch(/郵送<\/th><td>1人/);
      expect(text).toMatch(/ポータル（インターネット）<\/th><td>1人/);
      const section2 = text.slice(text.indexOf('id="results-section-2"'));
      expect(section2).toContain("ご意見を踏まえ、第2章に住民センターの役割を追記しました。");
      expect(section2).toContain("第2章に住民センターの役割を追記");
      expect(text).toContain("［一部非公開］住民センターの役割を書いてほしい。");
      expect(text).not.toContain("鈴木さん");
      expect(text).toContain("https://www.city.annaka.lg.jp/plan.pdf");
      for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
    });

    it("Art. 43: says so when no comment came", async () => {
      const id = await consultation({ state: "published", resultsPublishedAt: new Date(), ...periodInstants(day(-60), day(-31)) });
      const page = await request(server, `/consultations/${id}/results`);
      expect(page.status).toBe(200);
      expect(page.text).toContain("この案件にはご意見の提出がありませんでした。");
    });

    it("has no results page before the results are published", async () => {
      expect((await request(server, `/consultations/${openId}/results`)).status).toBe(404);
    });

    it("never shows a commenter's name, address or email on the list, any consultation's page, its results or the feed", async () => {
      const ids = (await db.consultation.findMany({ where: { state: { not: "draft" } }, select: { id: true } })).map((c) => c.id);
      const paths = ["/consultations", "/consultations/feed.xml", "/", ...ids.flatMap((id) => [`/consultations/${id}`, `/consultations/${id}/results`])];
      for (const path of paths) {
        const page = await request(server, path);
        for (const secret of [...Object.values(SECRET), "安中 花子", "安中市安中一丁目1番1号"]) expect(page.text, `${path} shows ${secret}`).not.toContain(secret);
      }
    });

    it("publishes an Atom feed of the announced and published consultations", async () => {
      const feed = await request(server, "/consultations/feed.xml");
      expect(feed.status).toBe(200);
      expect(feed.headers["content-type"]).toContain("application/atom+xml");
      expect(feed.text).toContain("<feed");
      expect(feed.text).toContain("意見募集：安中市市民総働推進計画（案）");
      expect(feed.text).toContain("結果公表：");
    });
  });

  describe("the commenter's own data", () => {
    it("lists the comments a logged-in resident sent on their own account page — receipt number, consultation, where it stands — and on nobody else's", async () => {
      const [author, other] = [await makePerson("resident"), await makePerson("resident")];
      const [authorCookie, otherCookie] = [await cookieFor(author), await cookieFor(other)];
      const before = await request(server, "/account", { headers: { Cookie: authorCookie } });
      expect(before.text).toContain("このアカウントから送った意見はありません");
      const sent = await postForm(server, `/consultations/${openId}`, form({ body: "アカウントから送った<b>意見</b>です。" }), { ...from("10.0.9.1"), Cookie: authorCookie });
      expect(sent.status).toBe(200);
      const receipt = /PC\d+-\d{4}/.exec(sent.text)?.[0];
      expect(receipt).toBeDefined();
      const page = await request(server, "/account", { headers: { Cookie: authorCookie } });
      expect(page.status).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.text).toContain("送ったパブリックコメント");
      expect(page.text).toContain(receipt!);
      expect(page.text).toContain(`href="/consultations/${openId}"`);
      expect(page.text).toContain("募集中");
      expect(page.text).toContain("アカウントから送った&lt;b&gt;意見&lt;/b&gt;です。");
      // The address typed into the form is not shown back, even to its author.
      expect(page.text).not.toContain("安中市安中一丁目1番1号");
      const others = await request(server, "/account", { headers: { Cookie: otherCookie } });
      expect(others.text).not.toContain(receipt!);
      expect(others.text).not.toContain("送った&lt;b&gt;意見");
    });

    it("puts the comments an account sent into its export, and removes names, addresses and emails after the keeping period while the text stays", async () => {
      const resident = await makePerson("resident");
      const id = await consultation({ ...periodInstants(day(-400), day(-370)), state: "published", resultsPublishedAt: new Date() });
      await db.consultationComment.create({ data: { consultationId: id, receiptNumber: `PC${id}-0001`, receivedAt: new Date(Date.now() - 380 * DAY), channel: "online", category: "resident", body: "一年以上前の意見", userId: resident.id, ...SECRET } });
      const exported = await exportConsultationData(resident.id);
      expect(exported.consultationComments).toHaveLength(1);
      expect(exported.consultationComments[0].body).toBe("一年以上前の意見");
      expect(await removeExpiredPersonalData(new Date())).toBeGreaterThanOrEqual(1);
      const row = await db.consultationComment.findUniqueOrThrow({ where: { receiptNumber: `PC${id}-0001` } });
      expect([row.name, row.address, row.email]).toEqual(["", "", ""]);
      expect(row.body).toBe("一年以上前の意見");
      expect(row.personalDataRemovedAt).not.toBeNull();
      // The open consultation's commenters keep theirs.
      expect(await db.consultationComment.count({ where: { consultationId: openId, name: "安中 花子" } })).toBeGreaterThan(0);
      expect(await db.auditEntry.count({ where: { action: "consultation.personal_data_removed", targetId: String(id) } })).toBe(1);
    });
  });
}
