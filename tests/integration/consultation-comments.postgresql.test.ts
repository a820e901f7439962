/** Taking comments (consultation-comments-suite.ts) and hot writes (hot-write-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("consultation comments", async () => {
  const { defineConsultationCommentsSuite } = await import("./consultation-comments-suite.ts");
  const { defineHotWriteSuite } = await import("./hot-write-suite.ts");
  return () => {
    defineConsultationCommentsSuite();
    defineHotWriteSuite();
  };
});
