/**
 * A write the SQLite database cannot take in time (another process holds its write lock past
 * the busy timeout) answers 503 with Retry-After and the error page, not 500 (decision record
 * 0024; PostgreSQL's lock timeout in two-servers-suite.ts).
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";

const database = await prepareDatabase("sqlite");
const { createGroup } = await import("../../app/groups/editor.server.ts");
const { cookieFor, db, ensureDistricts, makePerson, profile } = await import("./group-review-support.ts");
const { groupForm } = await import("./two-servers-suite.ts");

describe("a busy database [sqlite]", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    await dropAfterAll(database);
  });

  it("answers a draft save that cannot get the write lock with 503, Retry-After and the Japanese page", async () => {
    const districts = await ensureDistricts();
    const rep = await makePerson("resident", "repBusy");
    const created = await createGroup(rep, { profile: await profile({ name: "すずらんの会" }), submit: false, logo: { kind: "keep" } });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const cookie = await cookieFor(rep);

    // Another process (npm run import:groups, a backup restore…) holds the write lock.
    const holder = new Database(database.url.slice("file:".length), { timeout: 0 });
    try {
      holder.exec("BEGIN IMMEDIATE");
      // The server waits its busy timeout (15 s) first.
      const busy = await request(server, `/my/groups/${created.groupId}/edit`, {
        method: "POST",
        form: groupForm("すずらんの会（改）", districts),
        headers: { Origin: server.url, Cookie: cookie },
        timeoutMs: 45_000,
      });
      expect(busy.status).toBe(503);
      expect(busy.headers["retry-after"]).toBe("5");
      expect(busy.text).toContain("ただいま混み合っています");
      holder.exec("ROLLBACK");
    } finally {
      holder.close();
    }
    expect((await db.groupVersion.findFirstOrThrow({ where: { groupId: created.groupId } })).name).toBe("すずらんの会");
  }, 60_000);
});
