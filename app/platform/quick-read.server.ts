/**
 * Small, frequent reads that must not cost what Prisma costs per statement (decision 0033).
 *
 * On SQLite a read-only connection of its own to the same file, with its prepared statements
 * kept: in WAL mode a reader never waits for a writer and sees only committed rows, so a read
 * here never blocks the event loop on a lock and never sees another request's transaction in
 * flight. About a fiftieth of what `$queryRaw` costs. On PostgreSQL the query goes through
 * Prisma's `$queryRaw` (the pool, the same SQL).
 *
 * Values come back as the driver gives them: on SQLite a DateTime column is its stored ISO text
 * and a Boolean 0 or 1; callers convert (`new Date(v)`, `Number(v)`), which is right for both.
 * Parameters: strings, numbers, Dates (stored as the driver adapter stores them) and null.
 */
import Database from "better-sqlite3";
import { sqliteBusyTimeoutMs } from "./database-url.ts";
import { databaseTarget, db, type Prisma } from "./db.server.ts";
import { singleton } from "./singleton.server.ts";

export type Param = string | number | bigint | Date | boolean | null;

/** A Date as @prisma/adapter-better-sqlite3 writes it (ISO 8601, "+00:00"), so comparisons agree. */
export function sqliteParam(value: Param): string | number | bigint | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * A connection's prepared statements kept by their SQL, the oldest dropped beyond `max` (here and
 * in hot-write.server.ts).
 */
export function keptStatements(connection: Database.Database, max: number): (sql: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      if (statements.size >= max) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };
}

/** Opened on first use (the file exists by then: the app's client has migrated and opened it). */
function openReader(file: string) {
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  connection.pragma(`busy_timeout = ${sqliteBusyTimeoutMs()}`);
  const prepared = keptStatements(connection, 200);
  return {
    all(sql: string, params: Param[]): unknown[] {
      return prepared(sql).all(...params.map(sqliteParam));
    },
  };
}

const holder = singleton("quick-read", () => ({ reader: null as ReturnType<typeof openReader> | null }));

/** The rows of a read-only statement (`Prisma.sql` with its parameters), as cheaply as the database allows. */
export async function quickRead<T>(query: Prisma.Sql): Promise<T[]> {
  if (databaseTarget.provider !== "sqlite") return db.$queryRaw<T[]>(query);
  holder.reader ??= openReader(databaseTarget.file);
  return holder.reader.all(query.sql, query.values as Param[]) as T[];
}
