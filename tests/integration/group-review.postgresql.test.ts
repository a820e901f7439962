/** The staff review of groups (group-review-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("group review", async () => (await import("./group-review-suite.ts")).defineGroupReviewSuite);
