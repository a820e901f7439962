/**
 * The servers the browser tests drive: the production build (`npm start`'s server entry), mail
 * kept in the outbox, each on a database of its own copied from one seeded template per
 * provider — the migrated template (tests/integration/helpers/templates.ts) plus the demo data
 * (seed.ts), made once per run by global-setup.ts. Each Playwright worker starts its own server
 * when its first test needs it (fixtures.ts), so no two tests at the same moment share one.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startServer, type ServerProcess } from "../integration/helpers/server-process.ts";
import { createPostgres, dropPostgres, POSTGRES_TEMPLATE_ENV, postgresUrl, ROOT, SQLITE_TEMPLATE_ENV } from "../integration/helpers/templates.ts";
import { e2eScratchFileOf, type Provider } from "./plan.ts";

/** The seeded templates, named for the workers (which global-setup.ts's environment reaches). */
const SEEDED_ENV: Record<Provider, string> = { sqlite: "E2E_SQLITE_TEMPLATE", postgresql: "E2E_POSTGRES_TEMPLATE" };

/** What a spec may need to know of its worker's server. */
export type E2eServer = { project: Provider; baseURL: string; databaseUrl: string };

const run = promisify(execFile);

/** Fills the database `url` with the demo data (tests/e2e/seed.ts), its dates read from `env`'s TEST_CLOCK if set. */
async function seedInto(url: string, env: Record<string, string> = {}): Promise<void> {
  try {
    await run(process.execPath, ["--import", "tsx", "tests/e2e/seed.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn", ...env } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

/**
 * Copies the migrated template of `provider` and fills the copy with the demo data; names it in
 * the environment for the workers. Returns how to remove it.
 */
export async function seedTemplate(provider: Provider, dir: string): Promise<() => Promise<void>> {
  let url: string;
  let name = "";
  if (provider === "sqlite") {
    const file = path.join(dir, "e2e-template.db");
    fs.copyFileSync(process.env[SQLITE_TEMPLATE_ENV]!.slice("file:".length), file);
    url = `file:${file}`;
  } else {
    name = await createPostgres("portal_e2e_template", process.env[POSTGRES_TEMPLATE_ENV]);
    url = postgresUrl(name);
  }
  try {
    await seedInto(url);
  } catch (error) {
    if (name) await dropPostgres(name).catch(() => {});
    throw new Error(`seeding the ${provider} e2e template failed: ${(error as Error).message}`);
  }
  process.env[SEEDED_ENV[provider]] = provider === "sqlite" ? url : name;
  return async () => {
    delete process.env[SEEDED_ENV[provider]];
    if (name) await dropPostgres(name);
  };
}

/** A database of its own for one server: a copy of the seeded template. */
async function copySeeded(provider: Provider, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const template = process.env[SEEDED_ENV[provider]];
  if (!template) throw new Error(`${SEEDED_ENV[provider]} is not set: run the specs through playwright.config.ts (its global setup makes the templates)`);
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-db-"));
    const file = path.join(dir, `${label}.db`);
    fs.copyFileSync(template.slice("file:".length), file);
    return { url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const copy = await createPostgres(`portal_e2e_${label}`, template);
  return { url: postgresUrl(copy), drop: () => dropPostgres(copy) };
}

export type RunningServer = E2eServer & { stop(): Promise<void> };

/** Starts one e2e server on `port` with its own copy of the seeded template. */
export async function startE2eServer(project: Provider, port: number): Promise<RunningServer> {
  const database = await copySeeded(project, `${project}_${port}`);
  // A fresh database: no TOTP code has been used on this server yet (unusedTotpCode).
  fs.rmSync(e2eScratchFileOf(port, "totp-steps"), { force: true });
  let server: ServerProcess;
  try {
    server = await startServer({
      databaseUrl: database.url,
      port,
      timeoutMs: 120_000,
      // As a deployment runs it: scheduled jobs on (startServer's default is off).
      env: { SCHEDULER: "on", LOG_LEVEL: "warn" },
    });
  } catch (error) {
    await database.drop().catch(() => {});
    throw error;
  }
  return {
    project,
    baseURL: server.url,
    databaseUrl: database.url,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}

/** A copy of the migrated SQLite template, seeded at `clock`, in a directory of its own; `drop` removes both. */
async function seededAt(clock: string, label: string): Promise<{ file: string; drop(): Promise<void> }> {
  const migrated = process.env[SQLITE_TEMPLATE_ENV];
  if (!migrated) throw new Error(`${SQLITE_TEMPLATE_ENV} is not set: run the specs through playwright.config.ts (its global setup makes the templates)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-clock-"));
  const file = path.join(dir, `${label}.db`);
  const drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.copyFileSync(migrated.slice("file:".length), file);
    await seedInto(`file:${file}`, { TEST_CLOCK: clock });
  } catch (error) {
    await drop();
    throw error;
  }
  return { file, drop };
}

/** The server process on the SQLite `file`, its clock standing still at `clock`, scheduled jobs off. */
function serveAt(file: string, clock: string, port?: number): Promise<ServerProcess> {
  return startServer({ databaseUrl: `file:${file}`, port, timeoutMs: 120_000, env: { TEST_CLOCK: clock, SCHEDULER: "off", LOG_LEVEL: "warn" } });
}

/**
 * A server of its own on SQLite whose clock stands still at `clock` (TEST_CLOCK), on a copy of the
 * migrated template seeded at that same instant: every date the demo data holds, and every "days
 * waiting", is the same in every run — for the screenshots of pages that show them. Scheduled jobs
 * off (nothing changes the data behind the test's back); any free port.
 */
export async function startFixedClockServer(clock: string, label: string): Promise<RunningServer> {
  // The same server as a restartable one, whose clock is simply never moved.
  return startRestartableClockServer(clock, label);
}

/** A fixed-clock server whose clock can be moved on by restarting it. */
export type RestartableClockServer = RunningServer & {
  /** The instant the running server's clock stands at. */
  readonly clock: string;
  /**
   * Stops the server process, keeping its database file, and starts it again on the same file and
   * the same port (so the same baseURL, and the browser's cookies still apply) with its clock at
   * `clock` — days later, for what happens by the clock alone (a period opening, closing).
   */
  restartAt(clock: string): Promise<void>;
};

/**
 * Like startFixedClockServer (SQLite of its own seeded at `clock`, scheduled jobs off), but the
 * clock can be moved on with restartAt; stop() ends the process and then removes the database.
 */
export async function startRestartableClockServer(clock: string, label: string): Promise<RestartableClockServer> {
  const database = await seededAt(clock, label);
  let server: ServerProcess;
  try {
    server = await serveAt(database.file, clock);
  } catch (error) {
    await database.drop();
    throw error;
  }
  let current = clock;
  let running: ServerProcess | null = server;
  const port = server.port;
  return {
    project: "sqlite",
    baseURL: server.url,
    databaseUrl: `file:${database.file}`,
    get clock() {
      return current;
    },
    async restartAt(next: string) {
      await running?.stop();
      running = null;
      running = await serveAt(database.file, next, port);
      current = next;
    },
    async stop() {
      await running?.stop();
      running = null;
      await database.drop();
    },
  };
}
