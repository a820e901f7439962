/**
 * The server the browser tests drive: the production build on a fresh, migrated SQLite
 * database with the demo data, mail kept in the outbox.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3210";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
process.env.DATABASE_URL = `file:${path.join(dir, "e2e.db")}`;
process.env.UPLOAD_DIR = path.join(dir, "uploads");
process.env.PORT = port;
process.env.PUBLIC_URL = `http://localhost:${port}`;
process.env.NODE_ENV = "production";
process.env.MAIL_OUTBOX_ONLY = "1";
process.env.LOG_LEVEL = "warn";
process.env.E2E_STATE_FILE = path.join(os.tmpdir(), `portal-e2e-state-${port}.json`);
fs.writeFileSync(process.env.E2E_STATE_FILE, JSON.stringify({ databaseUrl: process.env.DATABASE_URL }));

const { migrate } = await import("../../scripts/db-migrate.ts");
migrate(process.env.DATABASE_URL);
const { db, connectDb } = await import("../../app/utils/db.server.ts");
const { seedDemo } = await import("../../prisma/seed.ts");
await connectDb();
await seedDemo(db);
await import("../../server/index.ts");
