/**
 * Short transactions on hot paths without Prisma's cost per statement (decision 0034).
 *
 * A write is written once, as a generator of plain SQL statements (`Prisma.sql` with its
 * parameters): `const rows = yield* all<Row>(sql)`, `const changed = yield* run(sql)`. Throwing
 * inside it rolls everything back.
 *
 * On SQLite the statements run synchronously on the connection Prisma's client uses, under that
 * client's own transaction lock (the adapter's `exclusive`, patched in: patches/), between
 * BEGIN IMMEDIATE and COMMIT, with their prepared statements kept. No other statement of the
 * process can run meanwhile (nothing else runs on the event loop), and it waits its turn when one
 * of Prisma's interactive transactions is open, at most `maxWaitMs` (then SQLITE_BUSY_TIMEOUT:
 * isDatabaseBusy answers 503). About a twentieth of what the same statements cost through
 * `$transaction` and `$queryRaw`. A second connection would not do: it would wait for the first
 * one's write lock in busy_timeout, which blocks the event loop.
 *
 * On PostgreSQL the same statements go through Prisma's interactive transaction on the pool.
 *
 * Values come back as the drivers give them: on SQLite an integer is a BigInt (the adapter's
 * connection reads safe integers), a DateTime its stored ISO text, a Boolean 0 or 1; callers
 * convert (`Number(v)`, `new Date(v)`), which is right for both databases.
 */
import type Database from "better-sqlite3";
import { databaseTarget, db, sqliteExclusive, type Prisma } from "./db.server.ts";
import { keptStatements, sqliteParam, type Param } from "./quick-read.server.ts";

export type Statement = { kind: "all" | "run"; query: Prisma.Sql };
/** A transaction's body: yields statements, gets their rows (all) or changed-row counts (run) back. */
export type Steps<T> = Generator<Statement, T, unknown>;

/** The rows a statement returns (SELECT, or INSERT/UPDATE … RETURNING). */
export function* all<T>(query: Prisma.Sql): Generator<Statement, T[], unknown> {
  return (yield { kind: "all", query }) as T[];
}

/** A statement's count of rows changed (INSERT, UPDATE, DELETE without RETURNING). */
export function* run(query: Prisma.Sql): Generator<Statement, number, unknown> {
  return (yield { kind: "run", query }) as number;
}

/** Longest wait for an open transaction of Prisma's before the write is answered as busy. */
const DEFAULT_MAX_WAIT_MS = 10_000;

/** Runs the steps as one transaction: all of them committed, or none (the error rethrown). */
export function hotWrite<T>(steps: () => Steps<T>, { maxWaitMs = DEFAULT_MAX_WAIT_MS }: { maxWaitMs?: number } = {}): Promise<T> {
  if (databaseTarget.provider === "sqlite") return sqliteExclusive((connection) => runOnSqlite(connection, steps), maxWaitMs);
  return db.$transaction(async (tx) => {
    const body = steps();
    let sent: unknown = undefined;
    for (;;) {
      const next = body.next(sent);
      if (next.done) return next.value;
      const { kind, query } = next.value;
      sent = kind === "all" ? await tx.$queryRaw(query) : await tx.$executeRaw(query);
    }
  }, { maxWait: maxWaitMs });
}

const preparedOf = new WeakMap<Database.Database, (sql: string) => Database.Statement>();

function prepared(connection: Database.Database, sql: string): Database.Statement {
  let kept = preparedOf.get(connection);
  if (!kept) preparedOf.set(connection, (kept = keptStatements(connection, 100)));
  return kept(sql);
}

function runOnSqlite<T>(connection: Database.Database, steps: () => Steps<T>): T {
  prepared(connection, "BEGIN IMMEDIATE").run();
  try {
    const body = steps();
    let sent: unknown = undefined;
    for (;;) {
      const next = body.next(sent);
      if (next.done) {
        prepared(connection, "COMMIT").run();
        return next.value;
      }
      const { kind, query } = next.value;
      const statement = prepared(connection, query.sql);
      const params = (query.values as Param[]).map(sqliteParam);
      sent = kind === "all" ? statement.all(...params) : statement.run(...params).changes;
    }
  } catch (error) {
    // A statement that failed may have ended the transaction already (SQLite rolls back on some errors).
    if (connection.inTransaction) prepared(connection, "ROLLBACK").run();
    throw error;
  }
}
