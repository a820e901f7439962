/**
 * `npm start`: apply migrations (unless MIGRATE_ON_START=0: several servers on one database
 * migrate once per release with `npm run db:migrate`), then serve the production build. No demo data.
 */
import { getEnvOrExit } from "../app/platform/env.server.ts";
import { migrate } from "./db-migrate.ts";

process.env.NODE_ENV ??= "production";
const env = getEnvOrExit();
if (env.MIGRATE_ON_START) await migrate(env.DATABASE_URL);

// Demo accounts have a published password and TOTP secrets: never serve them in earnest.
const { connectDb } = await import("../app/platform/db.server.ts");
const { countDemoAccounts } = await import("../app/accounts/user-admin.server.ts");
await connectDb();
const demoAccounts = await countDemoAccounts();
if (demoAccounts > 0) {
  console.error(
    `start: refusing to start: this database holds ${demoAccounts} demo account(s) made by \`npm run demo\` (their passwords are public); use another DATABASE_URL or a fresh database`,
  );
  process.exit(1);
}

await import("../server/index.ts");
