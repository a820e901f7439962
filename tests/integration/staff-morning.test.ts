/**
 * The staff's morning (issue 11) against a real SQLite database and the production server
 * (TEST_CLOCK): where a log-in lands, the dashboard's order of what waits, the review's
 * confirmation step and the next application offered, versions numbered per group.
 * Build first: `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";
import { startServer, type ServerProcess } from "./helpers/server-process.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const support = await import("./group-review-support.ts");
const { createAccount, PASSWORD, Visitor } = await import("./account-support.ts");
const { db, at, jst } = support;

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

