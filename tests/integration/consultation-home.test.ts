/**
 * The home page's public-comment block (issue 12): the consultations open at the clock's instant —
 * not those announced for later, closed, with results, withdrawn or still drafts — closing
 * soonest first, at most three, each with its days left; one plain line when none is open. The
 * query against a real SQLite file, the page from the production server with its clock fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";

const database = await prepareDatabase("sqlite");
const { db } = await import("../../app/platform/db.server.ts");
const { periodInstants, statusAt } = await import("../../app/consultations/rules.ts");
const { openConsultations, publicConsultations } = await import("../../app/consultations/public.server.ts");
const { tokyoDate, tokyoInstant } = await import("../../app/platform/dates.ts");

/** 12:00 in Tokyo on 2026-12-03. */
const AT = new Date("2026-12-03T03:00:00.000Z");
const DAY = 86_400_000;
const day = (offset: number) => tokyoDate(new Date(AT.getTime() + offset * DAY));

async function consultation(title: string, state: string, first: number | null, last: number) {
  const period = first === null ? {} : periodInstants(day(first), day(last));
  return (await db.consultation.create({ data: { title, state, section: "市民協働課", ...period }, select: { id: true } })).id;
}

const ids: Record<string, number> = {};
let server: ServerProcess;

beforeAll(async () => {
  // Created in an order unlike their closing, so that the order is the query's.
  ids.laterStill = await consultation("締切が最も遅い案", "scheduled", -20, 60);
  ids.soonest = await consultation("締切が最も近い案", "scheduled", -10, 5);
  ids.later = await consultation("締切が三番目の案", "scheduled", -1, 40);
  ids.second = await consultation("締切が二番目の案", "scheduled", -2, 27);
  ids.scheduled = await consultation("募集前の案", "scheduled", 3, 33);
  ids.closed = await consultation("募集を終えた案", "scheduled", -40, -10);
  ids.closedYesterday = await consultation("昨日締め切った案", "scheduled", -31, -1);
  ids.withdrawn = await consultation("取りやめた案", "withdrawn", -5, 25);
  ids.published = await consultation("結果を公表した案", "published", -60, -30);
  ids.draft = await consultation("下書きの案", "draft", -3, 30);
  server = await startServer({ databaseUrl: database.url, env: { TEST_CLOCK: AT.toISOString() } });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await dropAfterAll(database);
});

describe("the consultations open now (public.server.ts openConsultations)", () => {
  it("gives the open ones only, closing soonest first, with their last day and days left (today counted)", async () => {
    const open = await openConsultations(AT);
    expect(open.map((c) => c.id)).toEqual([ids.soonest, ids.second, ids.later, ids.laterStill]);
    expect(open[0]).toEqual({ id: ids.soonest, title: "締切が最も近い案", lastDay: "2026-12-08", daysLeft: 6 });
    expect(open.map((c) => c.daysLeft)).toEqual([6, 28, 41, 61]);
  });

  it("agrees with statusAt and the list page: announced for later, closed, published, withdrawn and drafts are not open", async () => {
    const open = await openConsultations(AT);
    const rows = await db.consultation.findMany({ select: { id: true, state: true, opensAt: true, closesAt: true } });
    expect(new Set(open.map((c) => c.id))).toEqual(new Set(rows.filter((c) => statusAt(c, AT) === "open").map((c) => c.id)));
    expect(new Set(open.map((c) => c.id))).toEqual(new Set((await publicConsultations(AT)).open.map((c) => c.id)));
    for (const notOpen of [ids.scheduled, ids.closed, ids.closedYesterday, ids.withdrawn, ids.published, ids.draft]) expect(open.map((c) => c.id)).not.toContain(notOpen);
  });

  it("gives at most the number asked for", async () => {
    expect((await openConsultations(AT, 3)).map((c) => c.id)).toEqual([ids.soonest, ids.second, ids.later]);
  });

  it("follows the clock: from the first instant of the first day until the last instant of the last day", async () => {
    const opens = tokyoInstant(day(3));
    expect((await openConsultations(new Date(opens.getTime() - 1))).map((c) => c.id)).not.toContain(ids.scheduled);
    expect((await openConsultations(opens)).map((c) => c.id)).toContain(ids.scheduled);
    const closes = new Date(tokyoInstant(day(5)).getTime() + DAY);
    expect((await openConsultations(new Date(closes.getTime() - 1))).map((c) => c.id)).toContain(ids.soonest);
    expect((await openConsultations(closes)).map((c) => c.id)).not.toContain(ids.soonest);
    // Yesterday's last day: open yesterday, closed today.
    expect((await openConsultations(new Date(AT.getTime() - DAY))).map((c) => c.id)).toContain(ids.closedYesterday);
    expect(await openConsultations(new Date(AT.getTime() + 100 * DAY))).toEqual([]);
  });
});

describe("the home page's public-comment block", () => {
  it("lists the three open ones closing soonest with their days left and links, then a link to every consultation", async () => {
    const page = await request(server, "/");
    expect(page.status).toBe(200);
    expect(page.text).toContain("意見を募集している案件");
    for (const key of ["soonest", "second", "later"] as const) expect(page.text).toContain(`href="/consultations/${ids[key]}"`);
    expect(page.text.indexOf(`/consultations/${ids.soonest}"`)).toBeLessThan(page.text.indexOf(`/consultations/${ids.second}"`));
    expect(page.text.indexOf(`/consultations/${ids.second}"`)).toBeLessThan(page.text.indexOf(`/consultations/${ids.later}"`));
    expect(page.text).toContain("締切まで残り6日（2026年12月8日まで）");
    // The fourth open one, and none that is not open.
    for (const key of ["laterStill", "scheduled", "closed", "closedYesterday", "withdrawn", "published", "draft"] as const) {
      expect(page.text, key).not.toContain(`href="/consultations/${ids[key]}"`);
    }
    expect(page.text).toContain("すべての案件と結果を見る");
  });

  it("speaks English to an English reader", async () => {
    const page = await request(server, "/", { headers: { "Accept-Language": "en" } });
    expect(page.text).toContain("Open for comment");
    expect(page.text).toContain("Days left: 6 (until 8 December 2026)");
    expect(page.text).toContain("All consultations and their results");
  });

  it("says in one line that none is open when none is", async () => {
    await db.consultation.updateMany({ where: { state: "scheduled" }, data: { state: "withdrawn" } });
    const page = await request(server, "/");
    expect(page.text).toContain("現在、意見を募集している案件はありません。");
    expect(page.text).not.toContain("意見を募集している案件</h4>");
    expect(page.text).not.toContain("すべての案件と結果を見る");
  });
});
