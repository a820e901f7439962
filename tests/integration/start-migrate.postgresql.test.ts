/**
 * `npm start` (scripts/start.ts) on PostgreSQL with a migration pending (issue 10, item 7): with
 * MIGRATE_ON_START=0 it serves without applying it — several servers on one database migrate
 * once per release with `npm run db:migrate` — and by default it applies it before serving.
 * The database is a copy of the migrated template with its newest migration taken back (its
 * tables dropped, its row in _prisma_migrations deleted). Build first: `npm run build`.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { describeOnPostgres } from "./group-review-support-db.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";
import { createPostgres, dropPostgres, POSTGRES_TEMPLATE_ENV, postgresUrl, ROOT } from "./helpers/templates.ts";

const MIGRATIONS = path.join(ROOT, "prisma/postgresql/migrations");

/** The newest migration and the tables it creates; refuses one it could not simply take back. */
function newestMigration(): { name: string; tables: string[] } {
  const name = fs.readdirSync(MIGRATIONS).filter((d) => /^\d{14}_/.test(d)).sort().at(-1)!;
  const sql = fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
  const statements = sql
    .split(";")
    .map((s) => s.replace(/--.*$/gm, "").trim())
    .filter(Boolean);
  const undoable = /^(CREATE TABLE|CREATE (UNIQUE )?INDEX|ALTER TABLE "\w+" ADD CONSTRAINT)\b/;
  const other = statements.find((s) => !undoable.test(s));
  if (other) throw new Error(`${name} does more than create tables (${other.slice(0, 80)}…): take it back another way in this test`);
  const tables = statements.flatMap((s) => /^CREATE TABLE "(\w+)"/.exec(s)?.[1] ?? []);
  expect(tables.length, name).toBeGreaterThan(0);
  return { name, tables };
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether the newest migration is applied: its row, finished, and its first table. */
async function applied(url: string, migration: { name: string; tables: string[] }) {
  const [row] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL`, [migration.name]);
  const [table] = await query<{ t: string | null }>(url, `SELECT to_regclass($1)::text AS t`, [`"${migration.tables[0]}"`]);
  return { recorded: Number(row.n), table: table.t?.replace(/"/g, "") ?? null };
}

await describeOnPostgres("npm start and MIGRATE_ON_START", async () => () => {
  let server: ServerProcess | undefined;
  let database = "";

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    if (database) await dropPostgres(database);
    database = "";
  });

  /** A copy of the migrated template with the newest migration pending again. */
  async function pendingDatabase(migration: { name: string; tables: string[] }): Promise<string> {
    database = await createPostgres("portal_start", process.env[POSTGRES_TEMPLATE_ENV]);
    const url = postgresUrl(database);
    expect(await applied(url, migration)).toEqual({ recorded: 1, table: migration.tables[0] });
    await query(url, `DROP TABLE ${migration.tables.map((t) => `"${t}"`).join(", ")} CASCADE`);
    await query(url, `DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [migration.name]);
    expect(await applied(url, migration)).toEqual({ recorded: 0, table: null });
    return url;
  }

  it("serves with MIGRATE_ON_START=0 and leaves the pending migration alone", async () => {
    const migration = newestMigration();
    const url = await pendingDatabase(migration);
    server = await startServer({ databaseUrl: url, entry: "scripts/start.ts", env: { MIGRATE_ON_START: "0" }, timeoutMs: 60_000 });
    expect((await request(server, "/healthz")).status).toBe(200);
    expect((await request(server, "/groups")).status).toBe(200);
    expect(await applied(url, migration)).toEqual({ recorded: 0, table: null });
  }, 90_000);

  it("applies the pending migration before serving by default", async () => {
    const migration = newestMigration();
    const url = await pendingDatabase(migration);
    server = await startServer({ databaseUrl: url, entry: "scripts/start.ts", env: { MIGRATE_ON_START: undefined }, timeoutMs: 60_000 });
    expect((await request(server, "/healthz")).status).toBe(200);
    expect(await applied(url, migration)).toEqual({ recorded: 1, table: migration.tables[0] });
  }, 90_000);
});
