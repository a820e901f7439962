import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearJobs, listJobs, registerJob, runDueJobs } from "../../app/platform/jobs/scheduler.server.ts";
import { registerDefaultJobs } from "../../app/platform/jobs/index.server.ts";
import { setClock, advanceClock } from "../../app/platform/clock.server.ts";
import { createDb, type Db } from "../../app/platform/db.server.ts";
import { closeDb, describeBothDatabases } from "./helpers/test-db.ts";

const T0 = new Date("2026-04-01T00:00:00.000Z");

afterAll(() => {
  setClock(null);
  clearJobs();
});

describe("job registry", () => {
  it("registerDefaultJobs is idempotent and registers mail.deliver", () => {
    clearJobs();
    registerDefaultJobs();
    registerDefaultJobs();
    const names = listJobs().map((j) => j.name);
    expect(names.filter((n) => n === "mail.deliver")).toHaveLength(1);
    expect(listJobs().find((j) => j.name === "mail.deliver")?.everyMs).toBe(60_000);
  });
});

describeBothDatabases("scheduler", (getCtx) => {
  let second: Db;

  beforeAll(async () => {
    // A second, independent client on the same database: a second app server.
    const holder = createDb(getCtx().url);
    await holder.ready;
    second = holder.client;
  });

  afterAll(async () => {
    if (second) await closeDb(second);
  });

  beforeEach(() => {
    clearJobs();
    setClock(T0);
  });

  it("runs a due job on exactly one of two concurrent instances, then again after everyMs", async () => {
    const { client } = getCtx();
    let runs = 0;
    const seen: Date[] = [];
    registerJob({
      name: "test.counter",
      everyMs: 5 * 60_000,
      run: async ({ now }) => {
        runs++;
        seen.push(now);
        await new Promise((r) => setTimeout(r, 20)); // overlap with the other instance
      },
    });

    const [a, b] = await Promise.all([runDueJobs("instance-a", client), runDueJobs("instance-b", second)]);
    expect(runs).toBe(1);
    expect([...a, ...b]).toEqual(["test.counter"]);

    // Not due yet: nobody runs it.
    advanceClock(60_000);
    const again = await Promise.all([runDueJobs("instance-a", client), runDueJobs("instance-b", second)]);
    expect(again.flat()).toEqual([]);
    expect(runs).toBe(1);

    const lease = await client.jobLease.findUniqueOrThrow({ where: { name: "test.counter" } });
    expect(lease.lastStatus).toBe("ok");
    expect(lease.lastError).toBeNull();
    expect(lease.lockedUntil).toBeNull();
    expect(lease.lastRunAt?.toISOString()).toBe(T0.toISOString());
    expect(lease.nextRunAt.toISOString()).toBe(new Date(T0.getTime() + 5 * 60_000).toISOString());

    // Past everyMs: due again, and again only one instance runs it.
    advanceClock(4 * 60_000 + 1);
    const third = await Promise.all([runDueJobs("instance-b", second), runDueJobs("instance-a", client)]);
    expect(third.flat()).toEqual(["test.counter"]);
    expect(runs).toBe(2);
    expect(seen[1].getTime()).toBe(T0.getTime() + 5 * 60_000 + 1);
  });

  it("many concurrent ticks on both servers still run the job once", async () => {
    const { client } = getCtx();
    let runs = 0;
    registerJob({ name: "test.burst", everyMs: 60_000, run: async () => void runs++ });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => runDueJobs(`instance-${i}`, i % 2 ? second : client)),
    );
    expect(results.flat()).toEqual(["test.burst"]);
    expect(runs).toBe(1);
  });

  it("a failing job records lastStatus error and does not block another job", async () => {
    const { client } = getCtx();
    let okRuns = 0;
    registerJob({
      name: "test.failing",
      everyMs: 60_000,
      run: async () => {
        throw new Error("boom");
      },
    });
    registerJob({ name: "test.ok", everyMs: 60_000, run: async () => void okRuns++ });

    const ran = await runDueJobs("instance-a", client);
    expect(ran.sort()).toEqual(["test.failing", "test.ok"]);
    expect(okRuns).toBe(1);

    const failing = await client.jobLease.findUniqueOrThrow({ where: { name: "test.failing" } });
    expect(failing.lastStatus).toBe("error");
    expect(failing.lastError).toBe("boom");
    expect(failing.lockedUntil).toBeNull();
    const ok = await client.jobLease.findUniqueOrThrow({ where: { name: "test.ok" } });
    expect(ok.lastStatus).toBe("ok");

    // The failed job is rescheduled like any other, not retried in a tight loop.
    expect(await runDueJobs("instance-b", second)).toEqual([]);
    advanceClock(60_000);
    expect((await runDueJobs("instance-b", second)).sort()).toEqual(["test.failing", "test.ok"]);
    expect(okRuns).toBe(2);
  });

  it("a lock held by a live run blocks others; an expired lock does not", async () => {
    const { client } = getCtx();
    let runs = 0;
    registerJob({ name: "test.locked", everyMs: 60_000, run: async () => void runs++ });
    // Another server is (still) running it: due, but locked for another minute.
    await client.jobLease.create({
      data: { name: "test.locked", nextRunAt: T0, lockedBy: "other", lockedUntil: new Date(T0.getTime() + 60_000) },
    });
    expect(await runDueJobs("instance-a", client)).toEqual([]);
    advanceClock(60_000);
    expect(await runDueJobs("instance-a", client)).toEqual(["test.locked"]);
    expect(runs).toBe(1);
  });
});
