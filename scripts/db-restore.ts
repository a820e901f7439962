// Restores a folder written by `npm run db:backup` into DATABASE_URL and UPLOAD_DIR.
// Usage: npm run db:restore -- BACKUP_FOLDER
// STOP THE PORTAL FIRST: a running portal keeps its old SQLite file (and its WAL) open
// and would keep writing to it, or hold PostgreSQL connections during the restore.
//   SQLite     → database.sqlite is checked, then replaces the DATABASE_URL file (its -wal/-shm are removed)
//   PostgreSQL → pg_restore --clean --if-exists --no-owner --single-transaction --dbname URL database.dump
//   uploads/   → replaces UPLOAD_DIR
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "../app/platform/database-url.ts";
import {
  checkSqliteIntegrity,
  DEFAULT_UPLOAD_DIR,
  libpqConnection,
  MANIFEST_FILE,
  PG_DUMP_FILE,
  runPgTool,
  SQLITE_FILE,
  UPLOADS_DIR,
  type BackupOptions,
  type Manifest,
} from "./db-backup.ts";
import { describe } from "./db-migrate.ts";

function readManifest(folder: string): Manifest {
  const file = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${folder} is not a portal backup folder (${MANIFEST_FILE} is missing)`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
}

function restoreSqlite(source: string, targetFile: string): void {
  if (!fs.existsSync(source)) throw new Error(`${source} is missing from the backup`);
  checkSqliteIntegrity(source, { readonly: true });
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  // Copy next to the target first so that the final step is an atomic rename.
  const temp = `${targetFile}.restoring`;
  fs.copyFileSync(source, temp);
  try {
    // A -wal left from the old database would be replayed into the restored one.
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${targetFile}${suffix}`, { force: true });
    fs.renameSync(temp, targetFile);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function restorePostgres(dump: string, url: string): void {
  if (!fs.existsSync(dump)) throw new Error(`${dump} is missing from the backup`);
  const { uri, env } = libpqConnection(url);
  // --single-transaction: either the whole dump is restored or nothing changes.
  runPgTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", uri, dump], env);
}

/** Replaces `uploadDir` with the backup's uploads/ (copied beside it first, then swapped). */
function restoreUploads(source: string, uploadDir: string): void {
  const parent = path.dirname(uploadDir);
  fs.mkdirSync(parent, { recursive: true });
  const incoming = `${uploadDir}.restoring`;
  const old = `${uploadDir}.before-restore`;
  fs.rmSync(incoming, { recursive: true, force: true });
  fs.rmSync(old, { recursive: true, force: true });
  if (fs.existsSync(source)) fs.cpSync(source, incoming, { recursive: true, preserveTimestamps: true });
  else fs.mkdirSync(incoming);
  if (fs.existsSync(uploadDir)) fs.renameSync(uploadDir, old);
  fs.renameSync(incoming, uploadDir);
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Restores a backup folder. Defaults: $DATABASE_URL (else file:./data/portal.db) and
 * $UPLOAD_DIR (else ./data/uploads). The portal must not be running.
 */
export async function restore(folder: string, options: BackupOptions = {}): Promise<void> {
  const dir = path.resolve(folder);
  const target = parseDatabaseUrl(options.databaseUrl ?? (process.env.DATABASE_URL || DEFAULT_DATABASE_URL));
  const uploadDir = path.resolve(options.uploadDir ?? (process.env.UPLOAD_DIR || DEFAULT_UPLOAD_DIR));
  const manifest = readManifest(dir);
  if (manifest.provider !== target.provider) {
    throw new Error(`the backup holds a ${manifest.provider} database but DATABASE_URL names a ${target.provider} one; restore into the same kind of database`);
  }
  if (target.provider === "sqlite") restoreSqlite(path.join(dir, SQLITE_FILE), target.file);
  else restorePostgres(path.join(dir, PG_DUMP_FILE), target.url);
  restoreUploads(path.join(dir, UPLOADS_DIR), uploadDir);
}

async function main() {
  const [folder, ...rest] = process.argv.slice(2);
  if (!folder || rest.length > 0 || folder.startsWith("-")) {
    console.error("usage: npm run db:restore -- BACKUP_FOLDER   (a portal-backup-YYYYMMDD-HHMMSS folder)");
    process.exit(2);
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  console.warn("db:restore: the portal must be stopped while restoring (start it again afterwards)");
  try {
    await restore(folder);
    console.log(`db:restore: restored ${path.resolve(folder)} into ${describe(url)} and ${path.resolve(process.env.UPLOAD_DIR || DEFAULT_UPLOAD_DIR)}`);
  } catch (error) {
    console.error(`db:restore: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void main();
