/**
 * Hot writes (app/platform/hot-write.server.ts, decision 0034) against a real database: all or
 * nothing, their turn behind an open transaction of Prisma's (on SQLite the same connection:
 * never inside it), busy when that turn does not come in time, a unique index's refusal known
 * as one, and what the drivers give back. Part of consultation-comments-suite.ts's files, so
 * that it runs on the same database copies (SQLite and PostgreSQL).
 */
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { isDatabaseBusy } from "../../app/platform/database-busy.server.ts";
import { databaseTarget, isUniqueViolation, Prisma } from "../../app/platform/db.server.ts";
import { all, hotWrite, run } from "../../app/platform/hot-write.server.ts";
import { db } from "./group-review-support.ts";

const counter = (id: string) => db.rateLimitCounter.findUnique({ where: { id } });
const insert = (id: string, count = 1) =>
  run(Prisma.sql`INSERT INTO "RateLimitCounter" ("id", "windowStart", "count") VALUES (${id}, ${new Date("2027-01-01T00:00:00Z")}, ${count})`);

export function defineHotWriteSuite() {
  it("commits every step or none: a step that throws, or a statement that fails, leaves nothing behind", async () => {
    const a = `hot:${randomUUID()}`;
    const b = `hot:${randomUUID()}`;
    const made = await hotWrite(function* () {
      yield* insert(a);
      const rows = yield* all<{ count: number | bigint }>(Prisma.sql`UPDATE "RateLimitCounter" SET "count" = "count" + 1 WHERE "id" = ${a} RETURNING "count"`);
      return Number(rows[0].count);
    });
    expect(made).toBe(2);
    expect((await counter(a))?.count).toBe(2);

    const refusal = new Error("refused half-way");
    await expect(
      hotWrite(function* () {
        yield* insert(b);
        yield* run(Prisma.sql`UPDATE "RateLimitCounter" SET "count" = 99 WHERE "id" = ${a}`);
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await counter(b)).toBeNull();
    expect((await counter(a))?.count).toBe(2);

    // The second insert of the same key fails in the database: the first is rolled back with it.
    const c = `hot:${randomUUID()}`;
    const failed = await hotWrite(function* () {
      yield* insert(c);
      yield* insert(a);
    }).catch((error: unknown) => error);
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await counter(c)).toBeNull();
    // And the connection is usable again, outside any transaction.
    expect(await hotWrite(() => run(Prisma.sql`DELETE FROM "RateLimitCounter" WHERE "id" = ${a}`))).toBe(1);
    expect(await db.rateLimitCounter.count({ where: { id: { startsWith: "hot:" } } })).toBe(0);
  });

  it("waits for an open transaction of Prisma's to end, is never part of it, and is busy when its turn does not come in time", async () => {
    const inside = `hot:${randomUUID()}`;
    const beside = `hot:${randomUUID()}`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const transaction = db.$transaction(
      async (tx) => {
        await tx.rateLimitCounter.create({ data: { id: inside, windowStart: new Date("2027-01-01T00:00:00Z"), count: 1 } });
        opened();
        await held;
        throw new Error("rolled back on purpose");
      },
      { timeout: 20_000 },
    );
    await open;
    if (databaseTarget.provider === "sqlite") {
      // Too short a wait for the one connection: answered as busy, nothing written. (PostgreSQL's
      // pool has other connections; its busy answers are two-servers-suite.ts's.)
      const tooLong = await hotWrite(() => insert(beside), { maxWaitMs: 50 }).catch((error: unknown) => error);
      expect(isDatabaseBusy(tooLong)).toBe(true);
    }
    // A patient one: it runs once the transaction has ended, and the transaction's rollback does not take it along.
    let done = false;
    const waiting = hotWrite(() => insert(beside)).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (databaseTarget.provider === "sqlite") expect(done).toBe(false);
    release();
    await expect(transaction).rejects.toThrow("rolled back on purpose");
    await waiting;
    expect(done).toBe(true);
    expect(await counter(inside)).toBeNull();
    expect((await counter(beside))?.count).toBe(1);
    await db.rateLimitCounter.deleteMany({ where: { id: { startsWith: "hot:" } } });
  });

  it("gives rows back as the driver reads them: numbers convertible by Number(), instants by new Date()", async () => {
    const id = `hot:${randomUUID()}`;
    const at = new Date("2027-12-10T01:02:03.004Z");
    const rows = await hotWrite(function* () {
      yield* run(Prisma.sql`INSERT INTO "RateLimitCounter" ("id", "windowStart", "count") VALUES (${id}, ${at}, ${41})`);
      return yield* all<{ count: unknown; windowStart: unknown }>(Prisma.sql`UPDATE "RateLimitCounter" SET "count" = "count" + 1 WHERE "id" = ${id} RETURNING "count", "windowStart"`);
    });
    expect(Number(rows[0].count)).toBe(42);
    expect(new Date(rows[0].windowStart as string | Date).toISOString()).toBe(at.toISOString());
    // Prisma reads what the hot write stored as it reads its own: the same instant.
    expect((await counter(id))?.windowStart.toISOString()).toBe(at.toISOString());
    await db.rateLimitCounter.delete({ where: { id } });
  });
}
