/** The directory's kept answers (directory-cache-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("directory cache", async () => (await import("./directory-cache-suite.ts")).defineDirectoryCacheSuite);
