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
const { periodInstants } = await import("../../app/consultations/rules.ts");
const { tokyoDate } = await import("../../app/platform/dates.ts");

describe("a busy database [sqlite]", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // A short busy timeout (the setting's own), so that the test waits 2 s and not 15.
    server = await startServer({ databaseUrl: database.url, env: { SQLITE_BUSY_TIMEOUT_MS: "2000" } });
  });
  afterAll(async () => {
    await server?.stop();
    await dropAfterAll(database);
  });

  it("answers a draft save that cannot get the write lock with 503, Retry-After and the Japanese page; a comment with its form and everything typed", async () => {
    const districts = await ensureDistricts();
    const rep = await makePerson("resident", "repBusy");
    const created = await createGroup(rep, { profile: await profile({ name: "すずらんの会" }), submit: false, logo: { kind: "keep" } });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const cookie = await cookieFor(rep);

    // An open consultation (the server's own clock), for a comment sent in the same busy moment.
    const day = (offset: number) => tokyoDate(new Date(Date.now() + offset * 86_400_000));
    const { id: consultationId } = await db.consultation.create({
      data: { title: "安中市市民総働推進計画（案）", state: "scheduled", draft: "## 第1章 趣旨\n\n本文", ...periodInstants(day(-3), day(26)) },
    });
    const comment = "第1章について。混雑していても、この文章は失われてはなりません。";

    // Another process (npm run import:groups, a backup restore…) holds the write lock.
    const holder = new Database(database.url.slice("file:".length), { timeout: 0 });
    try {
      holder.exec("BEGIN IMMEDIATE");
      // The server waits its busy timeout (2 s here) first. One after the other: better-sqlite3 waits
      // for the lock synchronously, so a second request waiting at the same time would stall the
      // first's error page past Remix's render deadline (closing note of 2026-12-03).
      const busy = await request(server, `/my/groups/${created.groupId}/edit`, {
        method: "POST",
        form: groupForm("すずらんの会（改）", districts),
        headers: { Origin: server.url, Cookie: cookie },
        timeoutMs: 45_000,
      });
      const busyComment = await request(server, `/consultations/${consultationId}`, {
        method: "POST",
        form: { website_url: "", submissionKey: "busy-0123456789abcdef", name: "安中 花子", address: "安中市安中一丁目1番1号", category: "resident", email: "", section: "", body: comment },
        headers: { Origin: server.url },
        timeoutMs: 45_000,
      });
      expect(busy.status).toBe(503);
      expect(busy.headers["retry-after"]).toBe("5");
      expect(busy.text).toContain("ただいま混み合っています");
      // The comment form comes back with the message and everything typed, so nothing is lost.
      expect(busyComment.status).toBe(503);
      expect(busyComment.headers["retry-after"]).toBe("5");
      expect(busyComment.text).toContain("ただいま大変混み合っているため、受け付けられませんでした");
      expect(busyComment.text).toContain(comment);
      expect(busyComment.text).toContain('value="安中 花子"');
      expect(busyComment.text).toContain("busy-0123456789abcdef");
      holder.exec("ROLLBACK");
    } finally {
      holder.close();
    }
    expect((await db.groupVersion.findFirstOrThrow({ where: { groupId: created.groupId } })).name).toBe("すずらんの会");
    expect(await db.consultationComment.count({ where: { consultationId } })).toBe(0);
  }, 90_000);
});
