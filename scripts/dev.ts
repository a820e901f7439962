/** `npm run dev`: apply migrations, then serve with Vite's development server (hot reload). */
import { getEnvOrExit } from "../app/platform/env.server.ts";
import { migrate } from "./db-migrate.ts";

process.argv.push("--dev");
getEnvOrExit();
await migrate(process.env.DATABASE_URL);
await import("../server/index.ts");
