/**
 * Throw-away databases for integration tests: a migrated SQLite file, and (when a
 * PostgreSQL server is reachable) a migrated PostgreSQL database — each a copy of the run's
 * template (templates.ts), so no suite waits for `prisma migrate deploy`.
 *
 *   describeBothDatabases("outbox", (getCtx) => {
 *     it("…", async () => { const { client } = getCtx(); … });
 *   });
 *
 * PostgreSQL admin URL: PG_TEST_URL, default postgresql://postgres@127.0.0.1:5432/postgres.
 * REQUIRE_POSTGRES=1 turns "PostgreSQL not reachable" into a failing test instead of a skip.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createDb, type Db } from "../../../app/platform/db.server.ts";
import { adminUrl, dropPostgres, migratedPostgres, migratedSqliteFile, postgresProblem, ROOT, type Provider } from "./templates.ts";

export { adminUrl, ROOT, type Provider };
export type TestDatabase = { provider: Provider; url: string; client: Db; drop(): Promise<void> };
export type TestDbContext = { provider: Provider; client: Db; url: string };

/**
 * db.server.ts hands PrismaPg an external pool that $disconnect leaves open; its idle
 * connections would raise an unhandled "terminating connection" error on DROP … WITH (FORCE).
 * End that pool explicitly (reached through the adapter factory).
 */
async function closeClient(client: Db) {
  const factory = (client as unknown as { _engineConfig?: { adapter?: { externalPool?: pg.Pool | null } } })._engineConfig
    ?.adapter;
  const pool = factory?.externalPool;
  // Listening before anything else: a DROP … WITH (FORCE) may end the pool's connections meanwhile.
  pool?.on("error", () => {});
  // Bounded: a connection still inside a transaction (one refused at COMMIT, or held by the
  // deferred directory triggers) can keep $disconnect and end() waiting for good; the DROP …
  // WITH (FORCE) that follows in drop() ends such connections anyway.
  await within(5_000, client.$disconnect());
  await within(5_000, pool?.end());
}

/** Waits for `work` at most `ms`; its failure or lateness is not the caller's concern. */
async function within(ms: number, work: Promise<unknown> | undefined): Promise<void> {
  if (!work) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => {}), new Promise<void>((done) => (timer = setTimeout(done, ms)))]);
  clearTimeout(timer);
}

/** Ends a client created with createDb() (use for extra clients made inside tests). */
export const closeDb = closeClient;

/** A migrated database of its own (a copy of the run's template) with a client on it. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "portal-test-"));
    const file = path.join(dir, "test.db");
    await migratedSqliteFile(file);
    const url = `file:${file}`;
    const holder = createDb(url);
    await holder.ready;
    return {
      provider,
      url,
      client: holder.client,
      async drop() {
        await closeClient(holder.client);
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  }

  const { name, url } = await migratedPostgres("portal_test");
  const holder = createDb(url);
  await holder.ready;
  return {
    provider,
    url,
    client: holder.client,
    async drop() {
      await closeClient(holder.client);
      await dropPostgres(name);
    },
  };
}

let lastPostgresError = "";

/** True when the PostgreSQL admin URL accepts a connection within 2 s. */
export async function postgresAvailable(): Promise<boolean> {
  const problem = await postgresProblem();
  if (problem !== null) lastPostgresError = problem;
  return problem === null;
}

// Checked once per test file at import, so suites can be declared synchronously.
const postgresReachable = await postgresAvailable();

function redactedAdminUrl(): string {
  try {
    const u = new URL(adminUrl());
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid PG_TEST_URL)";
  }
}

/**
 * Declares `name [sqlite]` always and `name [postgresql]` when PostgreSQL is reachable.
 * Each gets a fresh migrated database for the whole suite (created in beforeAll, dropped in afterAll).
 */
export function describeBothDatabases(name: string, fn: (getCtx: () => TestDbContext) => void): void {
  for (const provider of ["sqlite", "postgresql"] as const) {
    const title = `${name} [${provider}]`;
    if (provider === "postgresql" && !postgresReachable) {
      const required = process.env.REQUIRE_POSTGRES === "1";
      const why = `cannot connect to ${redactedAdminUrl()} (${lastPostgresError || "unreachable"})`;
      const reason = required
        ? `PostgreSQL suite FAILED: REQUIRE_POSTGRES=1 but ${why} — "${name}" did not run on PostgreSQL.`
        : `PostgreSQL suite SKIPPED: ${why} — "${name}" ran on SQLite only. Set PG_TEST_URL, or REQUIRE_POSTGRES=1 to make this fail.`;
      console.warn(`\n⚠️  ${reason}\n`);
      if (required) {
        describe(title, () => {
          it("needs PostgreSQL (REQUIRE_POSTGRES=1)", () => {
            throw new Error(reason);
          });
        });
      } else {
        describe.skip(title, () => fn(() => {
          throw new Error("skipped");
        }));
      }
      continue;
    }

    describe(title, () => {
      let db: TestDatabase | undefined;
      beforeAll(async () => {
        db = await createTestDatabase(provider);
      });
      afterAll(async () => {
        await db?.drop();
      });
      fn(() => {
        if (!db) throw new Error(`${title}: test database not created (see the beforeAll error)`);
        return { provider, client: db.client, url: db.url };
      });
    });
  }
}
