/**
 * The staff's morning (issue 11) against a real SQLite database and the production server
 * (TEST_CLOCK): where a log-in lands, the dashboard's order of what waits, the review's
 * confirmation step and the next application offered, versions numbered per group.
 * Build first: `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";
import { postForm, request, startServer, type ServerProcess } from "./helpers/server-process.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const support = await import("./group-review-support.ts");
const { createAccount, PASSWORD, Visitor } = await import("./account-support.ts");
const { db, at, jst, makePerson, profile, submitNewGroup, submitVersion, submittedVersionId, cookieFor } = support;
const { decideVersion } = await import("../../app/groups/review.server.ts");
const { staffDashboard } = await import("../../app/admin/dashboard.server.ts");

const CLOCK = "2026-09-01T10:00:00+09:00";
let server: ServerProcess;

beforeAll(async () => {
  at("2026-08-20T09:00:00");
  server = await startServer({ databaseUrl: database.url, env: { TEST_CLOCK: CLOCK } });
});

afterAll(async () => {
  await server?.stop();
  await dropAfterAll(database);
});

describe("where a log-in lands", () => {
  const login = async (role: "resident" | "staff" | "admin", form: Record<string, string> = {}) => {
    const email = `${role}.${Math.random().toString(36).slice(2, 8)}@example.jp`;
    await createAccount(db, { email, role, at: jst("2026-08-01T09:00:00") });
    const visitor = new Visitor(server);
    return { visitor, res: await visitor.post("/login", { email, password: PASSWORD, ...form }) };
  };

  it("takes staff and admins to the dashboard when no page was asked for", async () => {
    for (const role of ["staff", "admin"] as const) {
      const { res } = await login(role);
      expect(res.status, role).toBe(302);
      expect(res.headers.location, role).toBe("/admin");
    }
  });

  it("keeps a resident's way, and anyone's asked-for page", async () => {
    expect((await login("resident")).res.headers.location).toBe("/");
    expect((await login("resident", { redirectTo: "/groups/new" })).res.headers.location).toBe("/groups/new");
    expect((await login("staff", { redirectTo: "/admin/groups" })).res.headers.location).toBe("/admin/groups");
    // An unsafe target is not followed: the person's own landing instead.
    expect((await login("staff", { redirectTo: "//evil.example" })).res.headers.location).toBe("/admin");
    expect((await login("resident", { redirectTo: "https://evil.example/" })).res.headers.location).toBe("/");
  });

  it("sends a logged-in member of staff who opens /login to the dashboard", async () => {
    const { visitor } = await login("staff");
    expect((await visitor.get("/login")).headers.location).toBe("/admin");
    expect((await visitor.get("/login?redirectTo=%2Fgroups")).headers.location).toBe("/groups");
  });

  it("carries the landing through the second factor", async () => {
    const email = `staff.totp.${Math.random().toString(36).slice(2, 8)}@example.jp`;
    await createAccount(db, { email, role: "staff", totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", at: jst("2026-08-01T09:00:00") });
    const visitor = new Visitor(server);
    const res = await visitor.post("/login", { email, password: PASSWORD });
    expect(res.headers.location).toBe("/login/two-factor?redirectTo=%2Fadmin");
    const page = await visitor.get("/login/two-factor");
    expect(page.text).toContain('name="redirectTo" value="/admin"');
  });
});


describe("the dashboard", () => {
  let staff: Awaited<ReturnType<typeof makePerson>>;
  let cookie: string;
  // A change is listed under the name the public knows.
  const names = { change: "変更前の会", older: "先に申請した会", newer: "昨日申請した会" };

  beforeAll(async () => {
    staff = await makePerson("staff");
    const rep = await makePerson("resident", "rep");
    at("2026-07-01T09:00:00");
    const changed = await submitNewGroup(rep, await profile({ name: names.change }));
    await decideVersion(staff, changed, await submittedVersionId(changed), "approve", "");
    at("2026-08-10T09:00:00");
    await submitNewGroup(rep, await profile({ name: names.older }));
    at("2026-08-05T15:00:00");
    await submitVersion(rep, changed, await profile({ name: "変更後の会" }));
    at("2026-08-31T23:30:00");
    await submitNewGroup(rep, await profile({ name: names.newer }));
    // Staff sessions are short: made at the server's time.
    at("2026-09-01T09:59:00");
    cookie = await cookieFor(staff);
  });

  it("lists what people wait for first, oldest first, with the days each has waited", async () => {
    const dashboard = await staffDashboard(staff, undefined, jst("2026-09-01T10:00:00"));
    const mine = dashboard.waiting.filter((row) => Object.values(names).includes(row.name));
    expect(mine.map((row) => [row.name, row.cardId, row.days])).toEqual([
      [names.change, "groups-change", 27],
      [names.older, "groups-new", 22],
      [names.newer, "groups-new", 1],
    ]);
    const since = dashboard.waiting.map((row) => new Date(row.since).getTime());
    expect(since).toEqual([...since].sort((a, b) => a - b));
    // Cards: what people wait for (longest wait first), then upkeep, then the figures.
    const kinds = dashboard.queues.map((q) => q.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ["waiting", "upkeep", "figure"].indexOf(a) - ["waiting", "upkeep", "figure"].indexOf(b)));
    expect(dashboard.queues.slice(0, 3).map((q) => q.id)).toEqual(["groups-change", "groups-new", "groups-renewal"]);
    expect(dashboard.queues.find((q) => q.id === "groups-change")?.oldestDays).toBe(27);
    expect(dashboard.queues.find((q) => q.id === "districts-without-representative")?.kind).toBe("upkeep");
    expect(dashboard.queues.find((q) => q.id === "groups-registered")).toMatchObject({ kind: "figure", countLabel: "groupReview.indicator.count" });
  });

  it("shows the order on the page, the indicator in 団体, and the queue's fiscal year in every row", async () => {
    const page = await request(server, "/admin", { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = page.text;
    const waitingAt = html.indexOf('id="dashboard-waiting"');
    const upkeepAt = html.indexOf('id="dashboard-upkeep"');
    const figuresAt = html.indexOf('id="dashboard-figures"');
    expect(waitingAt).toBeGreaterThan(0);
    expect(upkeepAt).toBeGreaterThan(waitingAt);
    expect(figuresAt).toBeGreaterThan(upkeepAt);
    expect(html.indexOf(names.change)).toBeLessThan(html.indexOf(names.older));
    expect(html.indexOf(names.older)).toBeLessThan(html.indexOf(names.newer));
    expect(html.slice(waitingAt, upkeepAt)).toContain("27 日");
    expect(html.slice(waitingAt, upkeepAt)).not.toContain("代表者が登録されていない行政区");
    expect(html.slice(figuresAt)).toMatch(/\d+ 団体/);
    expect(html.slice(figuresAt)).not.toMatch(/\d+ 件/);

    const queue = await request(server, "/admin/groups", { headers: { Cookie: cookie } });
    const rows = queue.text.split("<tbody>")[1].split("</tbody>")[0].split("<tr").slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/令和\d+年度/);
  });
});

describe("the review page", () => {
  let staff: Awaited<ReturnType<typeof makePerson>>;
  let cookie: string;
  let changed: number;
  let waitingNext: number;
  const page = (path: string) => request(server, path, { headers: { Cookie: cookie } });
  const post = (path: string, form: Record<string, string>) => postForm(server, path, form, { Cookie: cookie });

  beforeAll(async () => {
    staff = await makePerson("staff");
    const rep = await makePerson("resident", "rep");
    at("2026-06-01T09:00:00");
    changed = await submitNewGroup(rep, await profile({ name: "差分の会", purpose: "地域の子どもたちの見守りを行います。" }));
    await decideVersion(staff, changed, await submittedVersionId(changed), "approve", "");
    // The oldest application in the queue but this one: offered after the decision.
    at("2026-06-15T09:00:00");
    waitingNext = await submitNewGroup(rep, await profile({ name: "次に待つ会" }));
    at("2026-08-01T09:00:00");
    await submitVersion(rep, changed, await profile({ name: "差分の会", purpose: "地域の子どもたちの登下校の見守りと学習支援をしています。" }));
    at("2026-09-01T09:59:00");
    cookie = await cookieFor(staff);
  });

  it("marks what was added and removed within a changed text, for eyes and screen readers", async () => {
    const html = (await page(`/admin/groups/${changed}`)).text;
    const ins = [...html.matchAll(/<ins>(.*?)<\/ins>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
    const del = [...html.matchAll(/<del>(.*?)<\/del>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
    expect(ins).toContain("［追加ここから］登下校の［追加ここまで］");
    expect(ins.some((text) => text.includes("学習支援"))).toBe(true);
    expect(del).toContain("［削除ここから］行［削除ここまで］");
    // Unchanged words are not marked.
    expect([...ins, ...del].some((text) => text.includes("子ども"))).toBe(false);
    expect(html).toContain("取り消し線");
  });

  it("asks to confirm a decision before making it, and keeps the text on the way back", async () => {
    const versionId = String(await submittedVersionId(changed));
    const first = await post(`/admin/groups/${changed}`, { intent: "approve", versionId, note: "確認しました。" });
    expect(first.status).toBe(200);
    expect(first.text).toContain("承認の確認");
    expect(first.text).toContain('name="confirmed" value="yes"');
    expect(first.text).toContain("確認しました。");
    expect((await db.groupVersion.findUniqueOrThrow({ where: { id: Number(versionId) } })).status).toBe("submitted");
    const back = await post(`/admin/groups/${changed}`, { intent: "approve", versionId, note: "確認しました。", confirmed: "back" });
    expect(back.status).toBe(200);
    expect(back.text).not.toContain('name="confirmed" value="yes"');
    expect(back.text).toMatch(/<textarea[^>]*name="note"[^>]*>確認しました。<\/textarea>/);
    const audit = await db.auditEntry.findMany({ where: { targetType: "group", targetId: String(changed), action: "group.change_approved" } });
    expect(audit).toEqual([]);

    const done = await post(`/admin/groups/${changed}`, { intent: "approve", versionId, note: "確認しました。", confirmed: "yes" });
    expect(done.status).toBe(302);
    expect(done.headers.location).toBe(`/admin/groups/${changed}?done=approve`);
    expect(await db.auditEntry.count({ where: { targetType: "group", targetId: String(changed), action: "group.change_approved" } })).toBe(1);
  });

  it("numbers the versions within the group, not by database id", async () => {
    const ids = (await db.groupVersion.findMany({ where: { groupId: changed }, select: { id: true } })).map((v) => v.id);
    expect(Math.max(...ids)).toBeGreaterThan(2);
    const html = (await page(`/admin/groups/${changed}`)).text;
    expect(html).toContain(">第1版<");
    expect(html).toContain(">第2版<");
    for (const id of ids.filter((id) => id > 2)) expect(html).not.toContain(`>第${id}版<`);
  });

  it("offers the next application in the queue after a decision", async () => {
    const html = (await page(`/admin/groups/${changed}?done=approve`)).text;
    expect(html).toContain("承認しました");
    expect(html).toMatch(new RegExp(`<a[^>]*href="/admin/groups/${waitingNext}"[^>]*>次の申請へ進む：次に待つ会（新規登録）</a>`));
  });
});

describe("the 404 page's reference", () => {
  it("is short enough to read out, and the log line carries the same", async () => {
    const res = await request(server, "/no-such-page");
    expect(res.status).toBe(404);
    const reference = res.headers["x-request-id"] as string;
    expect(reference).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(res.text).toContain(`参照番号をお知らせください：${reference}`);
    await server.waitForLog((entry) => entry.event === "request" && entry.requestId === reference);
  });
});
