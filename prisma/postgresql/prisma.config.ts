// Prisma CLI configuration for the PostgreSQL schema (see prisma.config.ts for SQLite).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogSafePool } from "../../app/platform/pg-pool.server.ts";
import { parseDatabaseUrl } from "../../app/platform/database-url.ts";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    const target = parseDatabaseUrl(process.env.DATABASE_URL);
    if (target.provider !== "postgresql") throw new Error("prisma/postgresql/prisma.config.ts needs a postgresql:// DATABASE_URL");
    return new PrismaPg(new CatalogSafePool({ connectionString: target.url, allowExitOnIdle: true }), { disposeExternalPool: true });
  },
});
