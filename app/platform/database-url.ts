import path from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

/**
 * One DATABASE_URL decides both the Prisma client and the driver adapter.
 * SQLite paths are made absolute against the working directory so that every
 * process (server, CLI, tests) opens the same file.
 */
export function parseDatabaseUrl(raw: string = DEFAULT_DATABASE_URL, cwd = process.cwd()): DatabaseTarget {
  if (raw.startsWith("postgres://") || raw.startsWith("postgresql://")) {
    return { provider: "postgresql", url: raw };
  }
  if (raw.startsWith("file:")) {
    const rest = raw.slice("file:".length).split("?")[0];
    if (!rest) throw new Error("DATABASE_URL: file: needs a path");
    const file = path.resolve(cwd, rest);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  throw new Error("DATABASE_URL must start with file: or postgresql://");
}

/**
 * How long a PostgreSQL session of the app waits for a row or table lock before the statement
 * fails (lock_timeout), and how long it may sit in an open transaction doing nothing before the
 * database ends it (idle_in_transaction_session_timeout). Below Prisma's 5 s limit for an
 * interactive transaction, so a writer queued behind a stuck server gets the database's clear
 * error rather than an expired transaction; above it for the idle limit, which only a stuck or
 * paused process reaches. The request then answers 503 (database-busy.server.ts). 0 turns a limit
 * off. Environment: PG_LOCK_TIMEOUT_MS, PG_IDLE_IN_TRANSACTION_TIMEOUT_MS (decision record 0024).
 */
export const POSTGRES_TIMEOUT_DEFAULTS = { lockTimeoutMs: 3_000, idleInTransactionTimeoutMs: 10_000 } as const;

export type PostgresTimeouts = { lockTimeoutMs: number; idleInTransactionTimeoutMs: number };

function milliseconds(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds (0 = no limit)`);
  return value;
}

/**
 * SQLite: how long a write waits for the lock another process (an import, a restore) holds, then
 * answers 503. better-sqlite3 waits synchronously, so the whole server waits with it: keep it short.
 */
export const SQLITE_BUSY_TIMEOUT_DEFAULT_MS = 15_000;

export function sqliteBusyTimeoutMs(source: Record<string, string | undefined> = process.env): number {
  return milliseconds(source.SQLITE_BUSY_TIMEOUT_MS, SQLITE_BUSY_TIMEOUT_DEFAULT_MS, "SQLITE_BUSY_TIMEOUT_MS");
}

export function postgresTimeouts(source: Record<string, string | undefined> = process.env): PostgresTimeouts {
  return {
    lockTimeoutMs: milliseconds(source.PG_LOCK_TIMEOUT_MS, POSTGRES_TIMEOUT_DEFAULTS.lockTimeoutMs, "PG_LOCK_TIMEOUT_MS"),
    idleInTransactionTimeoutMs: milliseconds(
      source.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      POSTGRES_TIMEOUT_DEFAULTS.idleInTransactionTimeoutMs,
      "PG_IDLE_IN_TRANSACTION_TIMEOUT_MS",
    ),
  };
}
