/**
 * db:backup / db:restore round trips, on SQLite and (when reachable) PostgreSQL.
 * The backup runs while a client of the portal stays open and keeps writing, which is
 * what `npm run db:backup` meets in production.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// db.server.ts opens a process-wide client for DATABASE_URL when imported; point it at
// a throw-away file so this test never touches ./data/portal.db.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-test-"));
process.env.DATABASE_URL = `file:${path.join(scratch, "unused.db")}`;

const { createDb } = await import("../../app/platform/db.server.ts");
const { closeDb, adminUrl, postgresAvailable } = await import("./helpers/test-db.ts");
const { migrate } = await import("../../scripts/db-migrate.ts");
const { backup } = await import("../../scripts/db-backup.ts");
const { restore } = await import("../../scripts/db-restore.ts");

type Db = ReturnType<typeof createDb>["client"];

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(scratch, prefix));
}

function writeUpload(uploadDir: string): { rel: string; content: Buffer } {
  const rel = path.join("notices", "2026", "お知らせ.pdf");
  const content = randomBytes(4096);
  fs.mkdirSync(path.dirname(path.join(uploadDir, rel)), { recursive: true });
  fs.writeFileSync(path.join(uploadDir, rel), content);
  return { rel, content };
}

async function addDistrict(client: Db, code: string) {
  await client.district.create({ data: { code, name: `地区 ${code}`, nameKana: "ちく" } });
}

/**
 * Runs `backup()` while `client` keeps inserting districts; returns the folder and the
 * number of rows committed before the backup started / after it finished.
 */
async function backupWhileWriting(client: Db, dir: string, options: { databaseUrl: string; uploadDir: string }) {
  let stop = false;
  let written = 0;
  let writesDuringBackup = 0;
  let backupRunning = false;
  const writer = (async () => {
    while (!stop) {
      await addDistrict(client, `live-${written}`);
      written++;
      if (backupRunning) writesDuringBackup++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  // Let the writer get going before the backup starts.
  while (written < 5) await new Promise((resolve) => setTimeout(resolve, 1));
  const before = await client.district.count();
  backupRunning = true;
  const folder = await backup(dir, options);
  backupRunning = false;
  const after = await client.district.count();
  stop = true;
  await writer;
  return { folder, before, after, writesDuringBackup };
}

function expectBackupFolder(folder: string, provider: "sqlite" | "postgresql", uploadRel: string) {
  expect(path.basename(folder)).toMatch(/^portal-backup-\d{8}-\d{6}(-\d+)?$/);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8"));
  expect(manifest.provider).toBe(provider);
  expect(Number.isNaN(Date.parse(manifest.createdAt))).toBe(false);
  expect(manifest.portalVersion).toMatch(/^\d+\.\d+\.\d+/);
  const files = (manifest.files as { path: string }[]).map((f) => f.path);
  expect(files).toContain(provider === "sqlite" ? "database.sqlite" : "database.dump");
  expect(files).toContain(`uploads/${uploadRel.split(path.sep).join("/")}`);
}

async function expectRestored(url: string, uploadDir: string, upload: { rel: string; content: Buffer }, min: number, max: number) {
  const holder = createDb(url);
  await holder.ready;
  try {
    const districts = await holder.client.district.findMany({ orderBy: { id: "asc" } });
    expect(districts.length).toBeGreaterThanOrEqual(min);
    expect(districts.length).toBeLessThanOrEqual(max);
    expect(districts[0].code).toBe("first");
    // A consistent snapshot: the writer's rows form an unbroken prefix live-0 … live-n.
    const live = districts.filter((d) => d.code.startsWith("live-")).map((d) => d.code);
    expect(live).toEqual(live.map((_, i) => `live-${i}`));
    // The restored database accepts writes again.
    await addDistrict(holder.client, "after-restore");
  } finally {
    await closeDb(holder.client);
  }
  expect(fs.readFileSync(path.join(uploadDir, upload.rel)).equals(upload.content)).toBe(true);
}

describe("db:backup / db:restore [sqlite]", () => {
  it("backs up a WAL database while a client writes to it, and restores it elsewhere", async () => {
    const dir = tempDir("sqlite-");
    const url = `file:${path.join(dir, "live", "portal.db")}`;
    await migrate(url);
    const holder = createDb(url);
    await holder.ready;
    const client = holder.client;
    try {
      await addDistrict(client, "first");
      const uploadDir = path.join(dir, "uploads");
      const upload = writeUpload(uploadDir);

      const { folder, before, after, writesDuringBackup } = await backupWhileWriting(client, path.join(dir, "backups"), {
        databaseUrl: url,
        uploadDir,
      });
      expect(writesDuringBackup).toBeGreaterThan(0);
      // Rows were committed to the WAL only; a plain file copy would have missed them.
      expect(fs.existsSync(path.join(dir, "live", "portal.db-wal"))).toBe(true);
      expectBackupFolder(folder, "sqlite", upload.rel);
      expect(fs.existsSync(path.join(folder, "database.sqlite-wal"))).toBe(false);

      // Restore into a new database file whose stale -wal must not survive, and a new upload dir
      // that already holds a file the backup does not know.
      const restoredUrl = `file:${path.join(dir, "restored", "portal.db")}`;
      const restoredUploads = path.join(dir, "restored-uploads");
      fs.mkdirSync(path.join(dir, "restored"), { recursive: true });
      fs.writeFileSync(path.join(dir, "restored", "portal.db-wal"), "stale");
      fs.mkdirSync(restoredUploads, { recursive: true });
      fs.writeFileSync(path.join(restoredUploads, "stray.txt"), "stray");
      await restore(folder, { databaseUrl: restoredUrl, uploadDir: restoredUploads });

      expect(fs.existsSync(path.join(restoredUploads, "stray.txt"))).toBe(false);
      await expectRestored(restoredUrl, restoredUploads, upload, before, after);
    } finally {
      await closeDb(client);
    }
  });

  it("refuses a folder that is not a backup, and a backup of the other database kind", async () => {
    const dir = tempDir("refuse-");
    await expect(restore(dir, { databaseUrl: `file:${path.join(dir, "x.db")}`, uploadDir: path.join(dir, "u") })).rejects.toThrow(
      /manifest\.json is missing/,
    );
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ provider: "postgresql" }));
    await expect(restore(dir, { databaseUrl: `file:${path.join(dir, "x.db")}`, uploadDir: path.join(dir, "u") })).rejects.toThrow(
      /postgresql database but DATABASE_URL names a sqlite/,
    );
  });
});

const postgresReachable = await postgresAvailable();
const pgRequired = process.env.REQUIRE_POSTGRES === "1";
const pgTarget = adminUrl().replace(/:[^:@/]*@/, ":***@");

if (!postgresReachable) {
  console.warn(
    pgRequired
      ? `\n⚠️  PostgreSQL backup/restore test FAILS: cannot connect to ${pgTarget} and REQUIRE_POSTGRES=1\n`
      : `\n⚠️  PostgreSQL backup/restore test SKIPPED: cannot connect to ${pgTarget} — set REQUIRE_POSTGRES=1 to make this a failure\n`,
  );
}

describe.skipIf(!postgresReachable && !pgRequired)("db:backup / db:restore [postgresql]", () => {
  const created: string[] = [];

  async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5_000 });
    c.on("error", () => {});
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end().catch(() => {});
    }
  }

  async function createDatabase(prefix: string): Promise<string> {
    const name = `${prefix}_${randomBytes(5).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    created.push(name);
    const u = new URL(adminUrl());
    u.pathname = `/${name}`;
    return u.toString();
  }

  beforeAll(() => {
    if (!postgresReachable) throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${pgTarget} is not reachable`);
  });

  afterAll(async () => {
    if (!postgresReachable) return;
    for (const name of created) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it("dumps a database while a client writes to it, and restores it into another database", async () => {
    const dir = tempDir("pg-");
    const url = await createDatabase("portal_backup");
    await migrate(url);
    const holder = createDb(url);
    await holder.ready;
    const client = holder.client;
    try {
      await addDistrict(client, "first");
      const uploadDir = path.join(dir, "uploads");
      const upload = writeUpload(uploadDir);

      const { folder, before, after } = await backupWhileWriting(client, path.join(dir, "backups"), { databaseUrl: url, uploadDir });
      expectBackupFolder(folder, "postgresql", upload.rel);

      const restoredUrl = await createDatabase("portal_restore");
      const restoredUploads = path.join(dir, "restored-uploads");
      await restore(folder, { databaseUrl: restoredUrl, uploadDir: restoredUploads });
      await expectRestored(restoredUrl, restoredUploads, upload, before, after);

      // Restoring over a database that already has the schema (--clean) works as well.
      await restore(folder, { databaseUrl: restoredUrl, uploadDir: restoredUploads });
      await expectRestored(restoredUrl, restoredUploads, upload, before, after);
    } finally {
      await closeDb(client);
    }
  });
});
