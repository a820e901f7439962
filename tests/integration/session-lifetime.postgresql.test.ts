/** Session lifetimes (session-lifetime-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("session lifetime", async () => (await import("./session-lifetime-suite.ts")).defineSessionLifetimeSuite);
