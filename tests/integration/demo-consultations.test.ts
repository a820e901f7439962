/**
 * The demo's consultations (prisma/seed.ts seedDemoConsultations, issue 12) on a real SQLite file
 * with the clock fixed: every state of the lifecycle by statusAt, written by the domain's own
 * functions — sections from the drafts, receipt numbers in the order taken, paper comments with
 * their days of receipt, marks, a withheld passage, opinions, changes and publishing — each step
 * audit-logged at the instant it happened, never after the clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
const { db, connectDb } = await import("../../app/platform/db.server.ts");
const { now, setClock } = await import("../../app/platform/clock.server.ts");
const { seedDemo, seedDemoConsultations } = await import("../../prisma/seed.ts");
const { publicConsultations, consultationResults } = await import("../../app/consultations/public.server.ts");
const { countComments, periodDays, periodDaysOf, statusAt, WITHHELD_MARK } = await import("../../app/consultations/rules.ts");
const { tokyoDate } = await import("../../app/platform/dates.ts");

const AT = new Date("2026-12-03T01:00:00.000Z");

beforeAll(async () => {
  await connectDb();
  setClock(AT);
  await seedDemo(db);
}, 120_000);
afterAll(async () => {
  setClock(null);
  await dropAfterAll(database);
});

const byTitle = async (title: string) => db.consultation.findFirstOrThrow({ where: { title }, include: { comments: { orderBy: { id: "asc" } }, sections: true } });

describe("the demo consultations", () => {
  it("show the whole lifecycle: one announced, two open, one awaiting results, two with results, one withdrawn", async () => {
    const lists = await publicConsultations(AT);
    expect({ open: lists.open.length, scheduled: lists.scheduled.length, closed: lists.closed.length, published: lists.published.length, withdrawn: lists.withdrawn.length }).toEqual({
      open: 2,
      scheduled: 1,
      closed: 1,
      published: 2,
      withdrawn: 1,
    });
    expect(lists.open.map((c) => c.title)).toEqual(["安中市公民館使用料の見直し（案）", "安中市市民総働推進計画（案）"]);
    expect(await db.consultation.count({ where: { state: "draft" } })).toBe(0);
    // The clock is back where it was.
    expect(now().getTime()).toBe(AT.getTime());
  });

  it("gives the open plan a few dozen comments across its five chapters and the whole, by every channel, numbered in the order taken", async () => {
    const plan = await byTitle("安中市市民総働推進計画（案）");
    expect(plan.sections.map((s) => s.heading).sort()).toEqual(["第1章 計画の趣旨", "第2章 市民総働を取り巻く現状と課題", "第3章 基本理念と基本目標", "第4章 施策の展開", "第5章 推進体制"]);
    expect(plan.comments.length).toBeGreaterThanOrEqual(24);
    expect(new Set(plan.comments.map((c) => c.sectionNumber))).toEqual(new Set([null, 1, 2, 3, 4, 5]));
    expect(new Set(plan.comments.map((c) => c.channel))).toEqual(new Set(["online", "post", "fax", "counter", "email"]));
    expect(plan.comments.map((c) => c.receiptNumber)).toEqual(plan.comments.map((_, i) => `PC${plan.id}-${String(i + 1).padStart(4, "0")}`));
    expect(plan.lastReceipt).toBe(plan.comments.length);
    const { firstDay, lastDay } = periodDaysOf({ opensAt: plan.opensAt!, closesAt: plan.closesAt! });
    for (const c of plan.comments) {
      expect(c.receivedAt.getTime()).toBeLessThan(AT.getTime());
      expect(tokyoDate(c.receivedAt) >= firstDay && tokyoDate(c.receivedAt) <= lastDay).toBe(true);
      // Paper is dated by its day of receipt; typed in by staff, whose account the audit names.
      if (c.channel !== "online") expect(c.enteredById).not.toBeNull();
    }
    // A person's duplicate and an organised set of identical postcards, marked.
    const counts = countComments(plan.comments);
    expect(plan.comments.filter((c) => c.duplicateOfId !== null)).toHaveLength(1);
    expect(plan.comments.filter((c) => c.identicalToId !== null).length).toBeGreaterThanOrEqual(3);
    expect(counts.people).toBe(plan.comments.length - 1);
    // One came from the demo resident's account.
    expect(plan.comments.filter((c) => c.userId !== null)).toHaveLength(1);
  });

  it("Art. 40: the short period states its reason", async () => {
    const fees = await byTitle("安中市公民館使用料の見直し（案）");
    const days = periodDaysOf({ opensAt: fees.opensAt!, closesAt: fees.closesAt! });
    expect(periodDays(days.firstDay, days.lastDay)).toBeLessThan(30);
    expect(fees.shortPeriodReason).toContain("15日間");
  });

  it("publishes results with opinions, responses, changes, identical submissions counted once and a withheld passage, and results that received no comment", async () => {
    const climate = await byTitle("安中市地球温暖化対策実行計画（区域施策編）（案）");
    const results = await consultationResults(climate.id);
    expect(results?.status).toBe("published");
    expect(results!.counts.people).toBe(11);
    expect(results!.counts.comments).toBe(7);
    expect(results!.counts.byChannel).toMatchObject({ online: 3, post: 5, fax: 1, counter: 1, email: 1 });
    const texts = results!.sections.flatMap((s) => s.opinions.flatMap((o) => o.comments.map((c) => c.text)));
    expect(texts.some((t) => t.includes(WITHHELD_MARK))).toBe(true);
    expect(texts.join("")).not.toContain("夜間も煙");
    expect(results!.sections.flatMap((s) => s.opinions).every((o) => o.response !== "")).toBe(true);
    expect(results!.sections.flatMap((s) => s.changes)).toHaveLength(3);
    expect(results!.finalTextHtml).toContain("<table>");

    const vacant = await consultationResults((await byTitle("安中市空家等対策計画（第2期）（案）")).id);
    expect(vacant?.status).toBe("published");
    expect(vacant!.counts.people).toBe(0);
    expect(vacant!.sections).toEqual([]);
  });

  it("leaves the closed plan with its results in preparation, and the withdrawn one with its notice", async () => {
    const closed = await byTitle("第3次安中市男女共同参画プラン（改定案）");
    expect(statusAt(closed, AT)).toBe("closed");
    expect(closed.comments.filter((c) => c.opinionId === null).length).toBeGreaterThan(0);
    expect(await db.consultationOpinion.count({ where: { consultationId: closed.id, response: "" } })).toBe(1);
    const withdrawn = await byTitle("安中市自転車駐車場条例の一部を改正する条例（案）");
    expect(withdrawn.state).toBe("withdrawn");
    expect(withdrawn.withdrawalNotice).toContain("取りやめ");
    expect(withdrawn.withdrawnAt!.getTime()).toBeLessThan(withdrawn.closesAt!.getTime());
    expect(withdrawn.sections).toHaveLength(3);
  });

  it("audit-logs every step at the instant it happened, each consultation created and announced before its period", async () => {
    const entries = await db.auditEntry.findMany({ where: { action: { startsWith: "consultation." } }, orderBy: { at: "asc" } });
    for (const e of entries) expect(e.at.getTime()).toBeLessThan(AT.getTime());
    const count = (action: string) => entries.filter((e) => e.action === action).length;
    expect({ created: count("consultation.created"), scheduled: count("consultation.scheduled"), published: count("consultation.results_published"), withdrawn: count("consultation.withdrawn") }).toEqual({
      created: 7,
      scheduled: 7,
      published: 2,
      withdrawn: 1,
    });
    expect(count("consultation.comment_withheld")).toBe(1);
    expect(count("consultation.comment_entered")).toBe(await db.consultationComment.count({ where: { channel: { not: "online" } } }));
    for (const c of await db.consultation.findMany()) {
      const scheduled = entries.find((e) => e.action === "consultation.scheduled" && e.targetId === String(c.id));
      expect(scheduled!.at.getTime()).toBeLessThan(c.opensAt!.getTime());
      expect(c.scheduledAt!.getTime()).toBe(scheduled!.at.getTime());
    }
  });

  it("adds none to a database that has a consultation", async () => {
    const before = await db.consultation.count();
    expect((await seedDemoConsultations(db)).seeded).toBe(false);
    expect(await db.consultation.count()).toBe(before);
  });
});
