/**
 * Migrated template databases: `prisma migrate deploy` costs 4–5 s a run, so a test run migrates
 * once per provider (tests/setup/integration-databases.ts, tests/e2e/global-setup.ts) and every
 * suite gets a copy — a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 *
 * The templates' addresses travel to the test processes in two environment variables, so that
 * vitest's workers, Playwright's e2e servers and anything they spawn find the same templates.
 * Without them (a test file run by some other means), a copy falls back to migrating.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";

export type Provider = "sqlite" | "postgresql";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** A migrated SQLite file (`file:/…/template.db`), never opened by a test. */
export const SQLITE_TEMPLATE_ENV = "PORTAL_TEST_SQLITE_TEMPLATE";
/** The name of a migrated PostgreSQL database on the admin server, never connected to by a test. */
export const POSTGRES_TEMPLATE_ENV = "PORTAL_TEST_POSTGRES_TEMPLATE";

const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const run = promisify(execFile);

export function adminUrl(): string {
  return process.env.PG_TEST_URL || DEFAULT_ADMIN_URL;
}

/** The admin server's URL with another database name. */
export function postgresUrl(name: string): string {
  const parsed = new URL(adminUrl());
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** One connection to a database for the length of `fn`, ended whatever happens. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>, connectionTimeoutMillis = 5_000): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export function withAdmin<T>(fn: (client: pg.Client) => Promise<T>, connectionTimeoutMillis = 5_000): Promise<T> {
  return withClient(adminUrl(), fn, connectionTimeoutMillis);
}

/** `prisma migrate deploy` on one database (quietly; its output comes with a failure). */
export async function migrate(url: string): Promise<void> {
  const args = ["--no", "prisma", "migrate", "deploy"];
  if (url.startsWith("postgres")) args.push("--config", "prisma/postgresql/prisma.config.ts");
  else fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  try {
    await run("npx", args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma migrate deploy failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

export const dropPostgres = (name: string) => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);

/** A fresh, empty PostgreSQL database on the admin server; returns its name. */
export async function createPostgres(prefix: string, template?: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  return name;
}

/**
 * Makes the SQLite file `file` a migrated database: a copy of the template when there is one.
 * The template is a migrated file no client has in WAL mode, so the file alone is the database.
 */
export async function migratedSqliteFile(file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const template = process.env[SQLITE_TEMPLATE_ENV];
  if (template) fs.copyFileSync(template.slice("file:".length), file);
  else await migrate(`file:${file}`);
}

/** A migrated PostgreSQL database named `<prefix>_<random>`: a copy of the template when there is one. */
export async function migratedPostgres(prefix: string): Promise<{ name: string; url: string }> {
  const template = process.env[POSTGRES_TEMPLATE_ENV];
  const name = await createPostgres(prefix, template);
  const url = postgresUrl(name);
  if (!template) {
    try {
      await migrate(url);
    } catch (error) {
      await dropPostgres(name).catch(() => {});
      throw error;
    }
  }
  return { name, url };
}

/** True when the admin server answers within 2 s; the reason otherwise. */
export async function postgresProblem(): Promise<string | null> {
  try {
    await withAdmin((c) => c.query("SELECT 1"), 2_000);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export type Templates = { sqlite: string; postgres: string | null; remove(): Promise<void> };

/**
 * Migrates one template per provider (both at once) and names them in the environment of this
 * process, which its children inherit. PostgreSQL only when the admin server answers.
 */
export async function createTemplates(): Promise<Templates> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-template-"));
  const sqlite = `file:${path.join(dir, "template.db")}`;
  const withPostgres = (await postgresProblem()) === null;
  const postgresName = withPostgres ? await createPostgres("portal_template") : null;
  try {
    await Promise.all([migrate(sqlite), postgresName ? migrate(postgresUrl(postgresName)) : null]);
  } catch (error) {
    if (postgresName) await dropPostgres(postgresName).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  if (fs.existsSync(`${sqlite.slice("file:".length)}-wal`)) throw new Error("the SQLite template has a WAL file: a copy of the database file alone would be incomplete");
  process.env[SQLITE_TEMPLATE_ENV] = sqlite;
  if (postgresName) process.env[POSTGRES_TEMPLATE_ENV] = postgresName;
  return {
    sqlite,
    postgres: postgresName,
    async remove() {
      delete process.env[SQLITE_TEMPLATE_ENV];
      delete process.env[POSTGRES_TEMPLATE_ENV];
      fs.rmSync(dir, { recursive: true, force: true });
      if (postgresName) await dropPostgres(postgresName);
    },
  };
}
