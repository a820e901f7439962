// Writes a consistent backup while the portal keeps running.
// Usage: npm run db:backup -- DIR
// Creates DIR/portal-backup-YYYYMMDD-HHMMSS/ with
//   database.sqlite  (SQLite: online backup API, one snapshot, verified with PRAGMA integrity_check)
//   database.dump    (PostgreSQL: pg_dump --format=custom, one MVCC snapshot)
//   uploads/         (copy of UPLOAD_DIR; empty when it does not exist)
//   manifest.json    ({ createdAt, provider, files, portalVersion })
// The folder is assembled under a .partial name and renamed at the end, so a folder
// named portal-backup-* is always complete.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "../app/platform/database-url.ts";
import { describe } from "./db-migrate.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_UPLOAD_DIR = "./data/uploads";
export const SQLITE_FILE = "database.sqlite";
export const PG_DUMP_FILE = "database.dump";
export const UPLOADS_DIR = "uploads";
export const MANIFEST_FILE = "manifest.json";

export type Manifest = {
  createdAt: string;
  provider: "sqlite" | "postgresql";
  files: { path: string; bytes: number }[];
  portalVersion: string;
};

export type BackupOptions = { databaseUrl?: string; uploadDir?: string };

/** YYYYMMDD-HHMMSS in local time. */
function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

function portalVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

function listFiles(dir: string, base = dir): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push({ path: path.relative(base, full).split(path.sep).join("/"), bytes: fs.statSync(full).size });
  }
  return out;
}

// Query parameters Prisma understands but libpq rejects ("invalid URI query parameter").
const PRISMA_ONLY_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout", "sslaccept", "sslidentity"];

/**
 * Turns a Prisma PostgreSQL URL into a libpq connection URI plus environment for
 * pg_dump / pg_restore: Prisma-only parameters are dropped and the password moves to
 * PGPASSWORD so that it does not show up in the process list.
 */
export function libpqConnection(url: string): { uri: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = "";
  }
  for (const name of PRISMA_ONLY_PARAMS) u.searchParams.delete(name);
  return { uri: u.toString(), env };
}

/** Runs a PostgreSQL client tool; throws one clear line when it is missing or fails. */
export function runPgTool(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(tool, args, { stdio: ["ignore", "inherit", "inherit"], env });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new Error(`${tool} was not found on PATH — install the PostgreSQL client tools matching the server version (Debian/Ubuntu: apt-get install postgresql-client)`);
    }
    throw new Error(`${tool} could not start: ${result.error.message}`);
  }
  if (result.status !== 0) throw new Error(`${tool} failed (exit ${result.status ?? result.signal}); see its message above`);
}

/** Runs PRAGMA integrity_check on a SQLite file; throws unless it answers "ok". */
export function checkSqliteIntegrity(file: string, { readonly = false } = {}): void {
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
    if (problems.length > 0 || rows.length === 0) {
      throw new Error(`integrity_check failed for ${file}: ${problems.slice(0, 5).join("; ") || "no result"}`);
    }
  } finally {
    db.close();
  }
}

async function backupSqlite(sourceFile: string, dest: string): Promise<void> {
  if (!fs.existsSync(sourceFile)) throw new Error(`SQLite database ${sourceFile} does not exist`);
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true, timeout: 15_000 });
  try {
    // The first step copies every page at once: one read transaction, i.e. one
    // consistent snapshot. WAL readers do not block the portal's writers, and a
    // single step cannot be restarted forever by a busy portal (which a page-by-page
    // backup is whenever another connection writes between two steps).
    await source.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // Make the copy a self-contained file (no -wal/-shm needed), then verify it.
  const copy = new Database(dest, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  checkSqliteIntegrity(dest);
}

function backupPostgres(url: string, dest: string): void {
  const { uri, env } = libpqConnection(url);
  runPgTool("pg_dump", ["--format=custom", "--no-owner", "--file", dest, uri], env);
}

/**
 * Writes a backup folder inside `dir` and returns its path. Safe while the portal runs.
 * Defaults: $DATABASE_URL (else file:./data/portal.db) and $UPLOAD_DIR (else ./data/uploads).
 */
export async function backup(dir: string, options: BackupOptions = {}): Promise<string> {
  const target = parseDatabaseUrl(options.databaseUrl ?? (process.env.DATABASE_URL || DEFAULT_DATABASE_URL));
  const uploadDir = path.resolve(options.uploadDir ?? (process.env.UPLOAD_DIR || DEFAULT_UPLOAD_DIR));
  const parent = path.resolve(dir);
  fs.mkdirSync(parent, { recursive: true });

  const createdAt = new Date();
  let name = `portal-backup-${stamp(createdAt)}`;
  for (let i = 2; fs.existsSync(path.join(parent, name)) || fs.existsSync(path.join(parent, `.${name}.partial`)); i++) {
    name = `portal-backup-${stamp(createdAt)}-${i}`;
  }
  const finalDir = path.join(parent, name);
  const work = path.join(parent, `.${name}.partial`);
  fs.mkdirSync(work);

  try {
    if (target.provider === "sqlite") await backupSqlite(target.file, path.join(work, SQLITE_FILE));
    else backupPostgres(target.url, path.join(work, PG_DUMP_FILE));

    const uploadsCopy = path.join(work, UPLOADS_DIR);
    if (fs.existsSync(uploadDir)) fs.cpSync(uploadDir, uploadsCopy, { recursive: true, preserveTimestamps: true });
    else fs.mkdirSync(uploadsCopy);

    const manifest: Manifest = {
      createdAt: createdAt.toISOString(),
      provider: target.provider,
      files: listFiles(work),
      portalVersion: portalVersion(),
    };
    fs.writeFileSync(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(work, finalDir);
    return finalDir;
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

async function main() {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir || rest.length > 0 || dir.startsWith("-")) {
    console.error("usage: npm run db:backup -- DIR   (writes DIR/portal-backup-YYYYMMDD-HHMMSS/)");
    process.exit(2);
  }
  try {
    const folder = await backup(dir);
    console.log(folder);
  } catch (error) {
    const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
    console.error(`db:backup: ${(error as Error).message} (DATABASE_URL ${describe(url)})`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void main();
