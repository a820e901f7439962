/**
 * The server the browser tests drive: the production build on a fresh, migrated database with
 * the demo data, mail kept in the outbox. SQLite by default; E2E_DATABASE=postgresql makes a
 * fresh PostgreSQL database `portal_e2e_<port>` on the server PG_TEST_URL names (default: the
 * local one), dropped first if a previous run left it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3210";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));

async function freshPostgres(): Promise<string> {
  const { default: pg } = await import("pg");
  const admin = new URL(process.env.PG_TEST_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = `portal_e2e_${port}`;
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  admin.pathname = `/${name}`;
  return admin.toString();
}

process.env.DATABASE_URL = process.env.E2E_DATABASE === "postgresql" ? await freshPostgres() : `file:${path.join(dir, "e2e.db")}`;
process.env.UPLOAD_DIR = path.join(dir, "uploads");
process.env.PORT = port;
process.env.PUBLIC_URL = `http://localhost:${port}`;
process.env.NODE_ENV = "production";
process.env.MAIL_OUTBOX_ONLY = "1";
process.env.LOG_LEVEL = "warn";
process.env.E2E_STATE_FILE = path.join(os.tmpdir(), `portal-e2e-state-${port}.json`);
fs.writeFileSync(process.env.E2E_STATE_FILE, JSON.stringify({ databaseUrl: process.env.DATABASE_URL }));
// A fresh database: no TOTP code has been used yet (see unusedTotpCode in helpers.ts).
fs.rmSync(path.join(os.tmpdir(), `portal-e2e-totp-steps-${port}.json`), { force: true });

const { migrate } = await import("../../scripts/db-migrate.ts");
migrate(process.env.DATABASE_URL);
const { db, connectDb } = await import("../../app/platform/db.server.ts");
const { seedDemo } = await import("../../prisma/seed.ts");
await connectDb();
await seedDemo(db);
await import("../../server/index.ts");
