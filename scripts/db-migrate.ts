// Applies the pending migrations of the database DATABASE_URL names.
// Usage: npm run db:migrate            (DATABASE_URL defaults to file:./data/portal.db)
//   SQLite     → npx --no prisma migrate deploy                       (prisma.config.ts, prisma/migrations)
//   PostgreSQL → npx --no prisma migrate deploy --config prisma/postgresql/prisma.config.ts
//
// On PostgreSQL, where several servers may share the database, the run holds an advisory lock
// (MIGRATION_LOCK_KEY) on a connection of its own: a second server starting meanwhile waits for
// the first to finish, then finds nothing to apply. Prisma's schema engine takes a lock of its own
// too, but gives up after 10 s, so a server starting during a longer migration would stop
// (decision record 0024). With several servers, run this once per release and start the servers
// with MIGRATE_ON_START=0 (README, "Several servers").
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseTarget } from "../app/platform/database-url.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isWindows = process.platform === "win32";

/** pg_advisory_lock key of a migration run ("anna" in ASCII); Prisma's own is 72707369. */
export const MIGRATION_LOCK_KEY = 0x616e6e61;

/**
 * Runs `prisma migrate deploy` for the given database (default: $DATABASE_URL, else
 * file:./data/portal.db), on PostgreSQL under the migration lock. A relative SQLite path is
 * resolved against the current directory before the CLI (which runs from the project root)
 * sees it. Rejects on failure.
 */
export async function migrate(databaseUrl: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return deploy(target);
  }
  const lock = new pg.Client({ connectionString: target.url });
  lock.on("error", () => {}); // a connection lost while waiting shows as the query's rejection
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await deploy(target);
  } finally {
    // Ending the session releases the lock, also when the unlock itself cannot be sent.
    await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await lock.end().catch(() => {});
  }
}

function deploy(target: DatabaseTarget): Promise<void> {
  const args = ["--no", "prisma", "migrate", "deploy"];
  if (target.provider === "postgresql") args.push("--config", "prisma/postgresql/prisma.config.ts");
  const command = `npx ${args.join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn(isWindows ? "npx.cmd" : "npx", args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: target.url },
      shell: isWindows,
    });
    child.on("error", (error) => reject(new Error(`\`${command}\` could not start: ${error.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command}\` failed (exit ${code ?? signal}) for the ${target.provider} database ${describe(target.url)}`));
    });
  });
}

/** The URL without its password, for messages. */
export function describe(url: string): string {
  if (!url.startsWith("postgres")) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

async function main() {
  try {
    await migrate();
  } catch (error) {
    console.error(`db:migrate: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
