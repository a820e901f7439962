/**
 * limitedCheck on a real database: the counters that guard log-in, the second factor and
 * re-authentication. Twenty-five tries at once must not get more than the limit's worth of
 * checks (the old read-then-count let all of them through), and only failures stay counted.
 */
import { afterAll, expect, it } from "vitest";
import { setClock } from "../../app/platform/clock.server.ts";
import { deleteExpiredCounters, enforceRateLimit, hit, limitedCheck, type RateLimitRule } from "../../app/platform/rate-limit.server.ts";
import { describeBothDatabases } from "./helpers/test-db.ts";

// A year-long window: the test cannot straddle two windows.
const rule = (bucket: string, limit = 10): RateLimitRule => ({ bucket, limit, windowSeconds: 365 * 24 * 3600 });

describeBothDatabases("limitedCheck", (ctx) => {
  const counts = async (bucket: string) =>
    (await ctx().client.rateLimitCounter.findMany({ where: { id: { startsWith: `${bucket}:` } } })).map((r) => r.count);

  it("lets exactly the limit's worth of parallel failures be checked, and refuses the rest", async () => {
    const limits = [[rule("parallel"), "a@example.jp"]] as const;
    let checks = 0;
    const failing = async () => {
      checks++;
      await new Promise((r) => setTimeout(r, 20));
      return false;
    };
    const results = await Promise.all(Array.from({ length: 25 }, () => limitedCheck(limits, failing, ctx().client)));
    expect(results.filter((r) => !r.limited)).toHaveLength(10);
    expect(results.filter((r) => r.limited)).toHaveLength(15);
    expect(checks).toBe(10);
    expect(await counts("parallel")).toEqual([10]);
    const refused = results.find((r) => r.limited);
    expect(refused && refused.limited && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("gives the place back when the check succeeds: successes never add up to a limit", async () => {
    const limits = [[rule("success", 3), "b@example.jp"]] as const;
    for (let i = 0; i < 8; i++) expect(await limitedCheck(limits, async () => true, ctx().client)).toMatchObject({ limited: false, ok: true });
    expect(await counts("success")).toEqual([0]);
    for (let i = 0; i < 3; i++) expect(await limitedCheck(limits, async () => false, ctx().client)).toMatchObject({ limited: false, ok: false, counts: [i + 1] });
    const over = await limitedCheck(limits, async () => true, ctx().client);
    expect(over.limited).toBe(true);
    expect(await counts("success")).toEqual([3]);
  });

  it("does not count a try refused by one limit against the other", async () => {
    const perAddress = rule("per-address", 2);
    const perClient = rule("per-client", 100);
    for (let i = 0; i < 2; i++) await limitedCheck([[perAddress, "c@example.jp"], [perClient, "127.0.0.1"]], async () => false, ctx().client);
    let called = false;
    const refused = await limitedCheck(
      [
        [perAddress, "c@example.jp"],
        [perClient, "127.0.0.1"],
      ],
      async () => (called = true),
      ctx().client,
    );
    expect(refused.limited).toBe(true);
    expect(called).toBe(false);
    expect(await counts("per-address")).toEqual([2]);
    expect(await counts("per-client")).toEqual([2]);
  });

  it("counts in fixed windows from the epoch and says how long until the window ends", async () => {
    afterAll(() => setClock(null));
    const window = { bucket: "window", limit: 2, windowSeconds: 600 } satisfies RateLimitRule;
    const start = 600_000 * 2_950_000; // 2026-02-02T02:40:00Z, a multiple of 600 s: a window starts there
    setClock(new Date(start + 100_000));
    expect(await hit(window, "w@example.jp", ctx().client)).toEqual({ allowed: true, count: 1, retryAfterSeconds: 500 });
    setClock(new Date(start + 599_000));
    expect(await hit(window, "w@example.jp", ctx().client)).toEqual({ allowed: true, count: 2, retryAfterSeconds: 1 });
    setClock(new Date(start + 599_999));
    expect(await hit(window, "w@example.jp", ctx().client)).toEqual({ allowed: false, count: 3, retryAfterSeconds: 1 });
    const rows = await ctx().client.rateLimitCounter.findMany({ where: { id: { startsWith: "window:" } } });
    expect(rows.map((r) => [r.id, r.windowStart.getTime(), r.count])).toEqual([[`window:w@example.jp:${start}`, start, 3]]);
    // The next window starts afresh.
    setClock(new Date(start + 600_000));
    expect(await hit(window, "w@example.jp", ctx().client)).toEqual({ allowed: true, count: 1, retryAfterSeconds: 600 });
    setClock(null);
  });

  it("enforceRateLimit lets the limit's attempts through and throws 429 with Retry-After for the next", async () => {
    afterAll(() => setClock(null));
    const enforced = { bucket: "enforced", limit: 2, windowSeconds: 900 } satisfies RateLimitRule;
    setClock(new Date("2026-12-02T10:29:00.000Z"));
    await enforceRateLimit(enforced, "e@example.jp", ctx().client);
    await enforceRateLimit(enforced, "e@example.jp", ctx().client);
    const thrown = await enforceRateLimit(enforced, "e@example.jp", ctx().client).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(429);
    expect((thrown as Response).headers.get("Retry-After")).toBe("60");
    expect(await counts("enforced")).toEqual([3]);
    setClock(null);
  });

  it("deleteExpiredCounters deletes the windows that started before the cutoff, and only those", async () => {
    afterAll(() => setClock(null));
    const day = { bucket: "expiring", limit: 5, windowSeconds: 3600 } satisfies RateLimitRule;
    setClock(new Date("2026-12-01T10:00:00.000Z"));
    await hit(day, "old", ctx().client);
    setClock(new Date("2026-12-01T11:00:00.000Z"));
    await hit(day, "edge", ctx().client);
    setClock(new Date("2026-12-02T10:30:00.000Z"));
    await hit(day, "new", ctx().client);
    // 24 h before 2026-12-02T11:00 is 2026-12-01T11:00: the "edge" window started exactly then and stays.
    setClock(new Date("2026-12-02T11:00:00.000Z"));
    const deleted = await deleteExpiredCounters(ctx().client);
    const left = (await ctx().client.rateLimitCounter.findMany({ where: { id: { startsWith: "expiring:" } } })).map((r) => r.id.split(":")[1]).sort();
    expect(left).toEqual(["edge", "new"]);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await deleteExpiredCounters(ctx().client, 30 * 60)).toBeGreaterThanOrEqual(2);
    expect(await ctx().client.rateLimitCounter.count({ where: { id: { startsWith: "expiring:" } } })).toBe(0);
    setClock(null);
  });
});
