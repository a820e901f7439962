// Prisma CLI configuration for the SQLite schema. Migrations run on the WebAssembly
// schema engine shipped in the prisma package, so nothing is downloaded (docs/decisions/0002).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { parseDatabaseUrl } from "./app/platform/database-url.ts";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const target = parseDatabaseUrl(process.env.DATABASE_URL);
    if (target.provider !== "sqlite") throw new Error("prisma.config.ts is for SQLite; use prisma/postgresql/prisma.config.ts");
    return new PrismaBetterSQLite3({ url: target.url });
  },
});
