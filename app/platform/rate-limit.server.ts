import { db as defaultDb, Prisma, type Db } from "./db.server.ts";
import { now } from "./clock.server.ts";
import { all, type Steps } from "./hot-write.server.ts";

/**
 * Fixed-window counters in the database, so that every app server sees the same count.
 * One row per bucket, key and window; old windows are deleted by the cleanup job.
 */
export type RateLimitRule = { bucket: string; limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * The pure arithmetic of the counters (unit-tested in tests/unit/rate-limit.test.ts, so that
 * mutation testing reaches it without a database). Windows are fixed and counted from the epoch:
 * a 900-second window starts on every quarter hour.
 */

/** The start of the window that `at` falls in. */
export function windowStart(windowSeconds: number, at: Date): Date {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(at.getTime() / size) * size);
}

/** Whole seconds until the window that `at` falls in ends, rounded up: at least 1. */
export function retryAfterSeconds(windowSeconds: number, at: Date): number {
  const end = windowStart(windowSeconds, at).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - at.getTime()) / 1000));
}

/** The count includes the attempt being decided: the limit's own attempt is still allowed. */
export function withinLimit(rule: RateLimitRule, count: number): boolean {
  return count <= rule.limit;
}

/** The counter row of a bucket, key and window. */
export function counterId(rule: RateLimitRule, key: string, start: Date): string {
  return `${rule.bucket}:${key}:${start.getTime()}`;
}

/** Refused by several limits, a try waits for the one that ends last. */
export function longestRetryAfter(refused: readonly { retryAfterSeconds: number }[]): number {
  return Math.max(...refused.map((t) => t.retryAfterSeconds));
}

/** Counters whose window started before this are deleted by the cleanup. */
export function expiryCutoff(at: Date, olderThanSeconds: number): Date {
  return new Date(at.getTime() - olderThanSeconds * 1000);
}

/** Counts one attempt and says whether it is within the limit. */
export async function hit(rule: RateLimitRule, key: string, client: Db = defaultDb): Promise<RateLimitResult> {
  const { retryAfterSeconds, count } = await count1(rule, key, client);
  return { allowed: withinLimit(rule, count), count, retryAfterSeconds };
}

/** The counter's statement: one on both databases, atomic under parallel tries and across servers (the row made or raised in place). */
function counting(rule: RateLimitRule, key: string) {
  const at = now();
  const start = windowStart(rule.windowSeconds, at);
  const id = counterId(rule, key, start);
  const query = Prisma.sql`
    INSERT INTO "RateLimitCounter" ("id", "windowStart", "count") VALUES (${id}, ${start}, 1)
    ON CONFLICT ("id") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  return { id, query, retryAfterSeconds: retryAfterSeconds(rule.windowSeconds, at) };
}

async function count1(rule: RateLimitRule, key: string, client: Db) {
  const { id, query, retryAfterSeconds: retryAfter } = counting(rule, key);
  // Plain SQL, a fifth of what Prisma's upsert costs per request.
  const rows = await client.$queryRaw<{ count: number | bigint }[]>(query);
  const count = Number(rows[0].count);
  return { id, count, retryAfterSeconds: retryAfter };
}

/**
 * `hit` as a step of a hot write (hot-write.server.ts, decision 0034): for a public form that
 * every visitor sends, `await hotWrite(() => hitting(rule, key))` costs a twentieth of `hit`.
 */
export function* hitting(rule: RateLimitRule, key: string): Steps<RateLimitResult> {
  const { query, retryAfterSeconds: retryAfter } = counting(rule, key);
  const rows = yield* all<{ count: number | bigint }>(query);
  const count = Number(rows[0].count);
  return { allowed: withinLimit(rule, count), count, retryAfterSeconds: retryAfter };
}

/**
 * A check that only failures count against, safe against parallel tries: each try takes its
 * place in every counter first (an atomic increment, so twenty requests at once cannot all
 * slip under the limit), the check runs only if every counter allows it, and the place is given
 * back when the try is refused by a limit or the check succeeds. Over a limit, `check` is not
 * called at all (no password hashing for a flood). `counts` are the try's places, one per
 * limit (the 3rd failure of a window sees 3), for callers that act on a number of failures.
 */
export async function limitedCheck(
  limits: readonly (readonly [RateLimitRule, string])[],
  check: () => Promise<boolean>,
  client: Db = defaultDb,
): Promise<{ limited: true; retryAfterSeconds: number } | { limited: false; ok: boolean; counts: number[] }> {
  const taken = await Promise.all(limits.map(async ([rule, key]) => ({ rule, ...(await count1(rule, key, client)) })));
  const giveBack = () =>
    Promise.all(taken.map((t) => client.rateLimitCounter.updateMany({ where: { id: t.id, count: { gt: 0 } }, data: { count: { decrement: 1 } } })));
  const refused = taken.filter((t) => !withinLimit(t.rule, t.count));
  if (refused.length > 0) {
    await giveBack();
    return { limited: true, retryAfterSeconds: longestRetryAfter(refused) };
  }
  const ok = await check();
  if (ok) await giveBack();
  return { limited: false, ok, counts: taken.map((t) => t.count) };
}

export async function deleteExpiredCounters(client: Db = defaultDb, olderThanSeconds = 24 * 3600) {
  const { count } = await client.rateLimitCounter.deleteMany({
    where: { windowStart: { lt: expiryCutoff(now(), olderThanSeconds) } },
  });
  return count;
}

/** The Response every rate-limited route throws; the root error boundary renders it. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return new Response(JSON.stringify({ retryAfterSeconds }), {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "application/json" },
  });
}

/** The client address as Express determined it (TRUST_PROXY decides whether X-Forwarded-For counts). */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: string } | undefined)?.clientAddress;
  return address || "unknown";
}

/** Counts the attempt and throws 429 when over the limit. */
export async function enforceRateLimit(rule: RateLimitRule, key: string, client: Db = defaultDb): Promise<void> {
  const result = await hit(rule, key, client);
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
}

/** Limits for public forms: shared so that every form uses the same numbers. */
export const PUBLIC_FORM_RULE: RateLimitRule = { bucket: "public-form", limit: 10, windowSeconds: 600 };
