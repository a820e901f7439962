/**
 * `npm run demo`: migrate the embedded SQLite database, fill it with demo data when empty,
 * and serve the production build. Mail stays in the outbox (no SMTP in a demo).
 */
import { getEnvOrExit } from "../app/platform/env.server.ts";
import { migrate } from "./db-migrate.ts";

process.env.NODE_ENV = "production";
process.env.MAIL_OUTBOX_ONLY ??= "1";
process.env.DEMO_MODE = "1";

getEnvOrExit();
await migrate(process.env.DATABASE_URL);
const { db, connectDb } = await import("../app/platform/db.server.ts");
const { seedDemo } = await import("../prisma/seed.ts");
await connectDb();
const { seeded } = await seedDemo(db);
console.log(seeded ? "demo: demo data added" : "demo: database already has data; left as it is");
await import("../server/index.ts");
