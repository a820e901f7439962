import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import path from "node:path";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.ts";
import { parseDatabaseUrl, postgresTimeouts, sqliteBusyTimeoutMs, type DatabaseTarget } from "./database-url.ts";
import { CatalogSafePool } from "./pg-pool.server.ts";
import { singleton } from "./singleton.server.ts";

/**
 * The two generated clients have identical models (a test keeps the schemas in step),
 * so the app is typed against the SQLite one and may be handed either at start-up.
 */
export type Db = SqliteClient;
export { Prisma } from "../generated/sqlite/client.ts";

/** The SQLite connection itself, lent under the client's transaction lock (patched adapter, decision 0034). */
type Exclusive = <R>(fn: (connection: import("better-sqlite3").Database) => R, maxWaitMs?: number) => Promise<R>;

type DbHolder = { client: Db; target: DatabaseTarget; ready: Promise<void>; exclusive?: Exclusive };

export function createDb(databaseUrl: string | undefined = process.env.DATABASE_URL): DbHolder {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const busyMs = sqliteBusyTimeoutMs();
    const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: busyMs });
    const client = new SqliteClient({ adapter });
    // WAL lets readers proceed during writes and is what the online backup expects;
    // the adapter keeps one connection, so the pragmas hold for the client's life.
    const ready = (async () => {
      await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
      await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
      await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${busyMs}`);
      await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    })();
    return { client, target, ready, exclusive: (fn, maxWaitMs) => adapter.exclusive(fn, maxWaitMs) };
  }
  // Sent at connection start-up, so they hold for every session of the pool (decision record 0024).
  const timeouts = postgresTimeouts();
  const pool = new CatalogSafePool({
    connectionString: target.url,
    max: 10,
    lock_timeout: timeouts.lockTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
  });
  const client = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
  return { client, target, ready: Promise.resolve() };
}

const holder = singleton("db", () => createDb());

export const db: Db = holder.client;
export const databaseTarget: DatabaseTarget = holder.target;

/**
 * Runs `fn` synchronously on the SQLite connection of `db` while no transaction of Prisma's is
 * open on it (hot-write.server.ts). SQLite only.
 */
export function sqliteExclusive<R>(fn: (connection: import("better-sqlite3").Database) => R, maxWaitMs?: number): Promise<R> {
  if (!holder.exclusive) throw new Error("sqliteExclusive: the database is not SQLite");
  return holder.exclusive(fn, maxWaitMs);
}

/** Awaited once at start-up (server, scripts, tests) before the first query. */
export function connectDb(): Promise<void> {
  return holder.ready;
}

/** True when the database answers a trivial query. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/**
 * A write refused by a unique index: someone else wrote the same key first. Prisma's P2002 for
 * its own queries; for plain SQL ($queryRaw, P2010) the driver adapter's UniqueConstraintViolation;
 * for statements run on the driver itself (hot-write.server.ts) better-sqlite3's result code.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  return code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}
