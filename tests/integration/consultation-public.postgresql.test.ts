/** Public comment as the public meets it (consultation-public-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("consultation public", async () => (await import("./consultation-public-suite.ts")).defineConsultationPublicSuite);
