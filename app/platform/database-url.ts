import path from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

/**
 * One DATABASE_URL decides both the Prisma client and the driver adapter.
 * SQLite paths are made absolute against the working directory so that every
 * process (server, CLI, tests) opens the same file.
 */
export function parseDatabaseUrl(raw: string = DEFAULT_DATABASE_URL, cwd = process.cwd()): DatabaseTarget {
  if (raw.startsWith("postgres://") || raw.startsWith("postgresql://")) {
    return { provider: "postgresql", url: raw };
  }
  if (raw.startsWith("file:")) {
    const rest = raw.slice("file:".length).split("?")[0];
    if (!rest) throw new Error("DATABASE_URL: file: needs a path");
    const file = path.resolve(cwd, rest);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  throw new Error("DATABASE_URL must start with file: or postgresql://");
}
