// Applies the pending migrations of the database DATABASE_URL names.
// Usage: npm run db:migrate            (DATABASE_URL defaults to file:./data/portal.db)
//   SQLite     → npx --no prisma migrate deploy                       (prisma.config.ts, prisma/migrations)
//   PostgreSQL → npx --no prisma migrate deploy --config prisma/postgresql/prisma.config.ts
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "../app/platform/database-url.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isWindows = process.platform === "win32";

/**
 * Runs `prisma migrate deploy` for the given database (default: $DATABASE_URL, else
 * file:./data/portal.db). A relative SQLite path is resolved against the current
 * directory before the CLI (which runs from the project root) sees it. Throws on failure.
 */
export function migrate(databaseUrl: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): void {
  const target = parseDatabaseUrl(databaseUrl);
  const args = ["--no", "prisma", "migrate", "deploy"];
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
  } else {
    args.push("--config", "prisma/postgresql/prisma.config.ts");
  }
  const command = `npx ${args.join(" ")}`;
  const result = spawnSync(isWindows ? "npx.cmd" : "npx", args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: target.url },
    shell: isWindows,
  });
  if (result.error) throw new Error(`\`${command}\` could not start: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`\`${command}\` failed (exit ${result.status ?? result.signal}) for the ${target.provider} database ${describe(target.url)}`);
  }
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

function main() {
  try {
    migrate();
  } catch (error) {
    console.error(`db:migrate: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
