/**
 * Throw-away databases for integration tests: a migrated SQLite file, and (when a
 * PostgreSQL server is reachable) a migrated PostgreSQL database.
 *
 *   describeBothDatabases("outbox", (getCtx) => {
 *     it("…", async () => { const { client } = getCtx(); … });
 *   });
 *
 * PostgreSQL admin URL: PG_TEST_URL, default postgresql://postgres@127.0.0.1:5432/postgres.
 * REQUIRE_POSTGRES=1 turns "PostgreSQL not reachable" into a failing test instead of a skip.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createDb, type Db } from "../../../app/platform/db.server.ts";

export type Provider = "sqlite" | "postgresql";
export type TestDatabase = { provider: Provider; url: string; client: Db; drop(): Promise<void> };
export type TestDbContext = { provider: Provider; client: Db; url: string };

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function adminUrl(): string {
  return process.env.PG_TEST_URL || DEFAULT_ADMIN_URL;
}

function migrate(url: string, extraArgs: string[] = []) {
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy", ...extraArgs], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`prisma migrate deploy failed: ${e.message}\n${e.stdout?.toString() ?? ""}\n${e.stderr?.toString() ?? ""}`);
  }
}

/**
 * db.server.ts hands PrismaPg an external pool that $disconnect leaves open; its idle
 * connections would raise an unhandled "terminating connection" error on DROP … WITH (FORCE).
 * End that pool explicitly (reached through the adapter factory).
 */
async function closeClient(client: Db) {
  const factory = (client as unknown as { _engineConfig?: { adapter?: { externalPool?: pg.Pool | null } } })._engineConfig
    ?.adapter;
  const pool = factory?.externalPool;
  await client.$disconnect().catch(() => {});
  if (pool) {
    pool.on("error", () => {});
    await pool.end().catch(() => {});
  }
}

/** Ends a client created with createDb() (use for extra clients made inside tests). */
export const closeDb = closeClient;

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "portal-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    migrate(url);
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

  const admin = adminUrl();
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
  const parsed = new URL(admin);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  try {
    migrate(url, ["--config", "prisma/postgresql/prisma.config.ts"]);
  } catch (error) {
    await withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => {});
    throw error;
  }
  const holder = createDb(url);
  await holder.ready;
  return {
    provider,
    url,
    client: holder.client,
    async drop() {
      await closeClient(holder.client);
      await withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

let lastPostgresError = "";

/** True when the PostgreSQL admin URL accepts a connection within 2 s. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    lastPostgresError = error instanceof Error ? error.message : String(error);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
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
