/** Log-in limits (login-limits-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("log-in limits", async () => (await import("./login-limits-suite.ts")).defineLoginLimitsSuite);
