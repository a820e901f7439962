/** Taking comments (consultation-comments-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("consultation comments", async () => (await import("./consultation-comments-suite.ts")).defineConsultationCommentsSuite);
