/** Two production servers on one PostgreSQL database (two-servers-suite.ts); skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("two servers on one database", async () => (await import("./two-servers-suite.ts")).defineTwoServersSuite);
