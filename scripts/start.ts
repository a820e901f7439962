/** `npm start`: apply migrations, then serve the production build. No demo data. */
import { getEnvOrExit } from "../app/utils/env.server.ts";
import { migrate } from "./db-migrate.ts";

process.env.NODE_ENV ??= "production";
getEnvOrExit();
migrate(process.env.DATABASE_URL);
await import("../server/index.ts");
