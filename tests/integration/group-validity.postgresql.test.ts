/** The validity of group registrations (group-validity-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("group validity", async () => (await import("./group-validity-suite.ts")).defineGroupValiditySuite);
