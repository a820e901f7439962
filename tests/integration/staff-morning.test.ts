/**
 * The staff's morning (issue 11) against a real SQLite database and the production server
 * (TEST_CLOCK): where a log-in lands, the dashboard's order of what waits, the review's
 * confirmation step and the next application offered, versions numbered per group.
 * Build first: `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";

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
