/**
 * A write that could not get its turn at the database: a lock wait past lock_timeout, a
 * deadlock or serialisation failure, SQLite still busy after its busy timeout, Prisma's
 * interactive transaction expired or no pooled connection free in time, a session ended for
 * idling in its transaction. Nothing of the request was committed and the same request will
 * most likely succeed a moment later, so it answers 503 with Retry-After (server/app.ts), not
 * 500. Decision record 0024.
 */

/** PostgreSQL SQLSTATEs (lock_not_available, deadlock_detected, serialization_failure, query_canceled, idle_in_transaction_session_timeout). */
const POSTGRES_BUSY = new Set(["55P03", "40P01", "40001", "57014", "25P03"]);
/** SQLite result codes (better-sqlite3's error.code). */
const SQLITE_BUSY = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED"]);
/** Prisma: transaction API error (expired, could not start in time), write conflict or deadlock, no connection from the pool in time. */
const PRISMA_BUSY = new Set(["P2028", "P2034", "P2024"]);
/** The kinds @prisma/adapter-pg and -better-sqlite3 map such errors to. */
const ADAPTER_BUSY = new Set(["TransactionWriteConflict", "SocketTimeout"]);

/** Seconds a client should wait before trying again. */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 5;

type Inspectable = { code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/** True when the error (or what it wraps: a driver adapter error, its cause) says the database was busy. */
export function isDatabaseBusy(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const item = queue.shift();
    if (!item || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    const e = item as Inspectable;
    for (const code of [e.code, e.originalCode]) {
      if (typeof code === "string" && (POSTGRES_BUSY.has(code) || SQLITE_BUSY.has(code) || PRISMA_BUSY.has(code))) return true;
    }
    if (typeof e.kind === "string" && ADAPTER_BUSY.has(e.kind)) return true;
    queue.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

/** The Response a loader or action throws instead; the root error boundary renders it. */
export function databaseBusy(): Response {
  return new Response(JSON.stringify({ retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS }), {
    status: 503,
    headers: { "Retry-After": String(DATABASE_BUSY_RETRY_AFTER_SECONDS), "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
