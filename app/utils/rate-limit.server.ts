import { db as defaultDb, type Db } from "./db.server.ts";
import { now } from "./clock.server.ts";

/**
 * Fixed-window counters in the database, so that every app server sees the same count.
 * One row per bucket, key and window; old windows are deleted by the cleanup job.
 */
export type RateLimitRule = { bucket: string; limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

function windowOf(rule: RateLimitRule, at: Date) {
  const size = rule.windowSeconds * 1000;
  const start = Math.floor(at.getTime() / size) * size;
  return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + size - at.getTime()) / 1000)) };
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Counts one attempt and says whether it is within the limit. */
export async function hit(rule: RateLimitRule, key: string, client: Db = defaultDb): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(rule, now());
  const id = `${rule.bucket}:${key}:${start.getTime()}`;
  let count: number;
  try {
    const row = await client.rateLimitCounter.upsert({
      where: { id },
      create: { id, windowStart: start, count: 1 },
      update: { count: { increment: 1 } },
    });
    count = row.count;
  } catch (error) {
    // Two servers created the row at once; the loser increments the winner's row.
    if (!isUniqueViolation(error)) throw error;
    const row = await client.rateLimitCounter.update({ where: { id }, data: { count: { increment: 1 } } });
    count = row.count;
  }
  return { allowed: count <= rule.limit, count, retryAfterSeconds };
}

/** Reads the count without adding to it (for checks before an expensive step). */
export async function peek(rule: RateLimitRule, key: string, client: Db = defaultDb): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(rule, now());
  const row = await client.rateLimitCounter.findUnique({ where: { id: `${rule.bucket}:${key}:${start.getTime()}` } });
  const count = row?.count ?? 0;
  return { allowed: count < rule.limit, count, retryAfterSeconds };
}

export async function deleteExpiredCounters(client: Db = defaultDb, olderThanSeconds = 24 * 3600) {
  const { count } = await client.rateLimitCounter.deleteMany({
    where: { windowStart: { lt: new Date(now().getTime() - olderThanSeconds * 1000) } },
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
export async function enforceRateLimit(rule: RateLimitRule, key: string): Promise<void> {
  const result = await hit(rule, key);
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
}

/** Limits for public forms: shared so that every form uses the same numbers. */
export const PUBLIC_FORM_RULE: RateLimitRule = { bucket: "public-form", limit: 10, windowSeconds: 600 };
