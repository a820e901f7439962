/** The role × page matrix (role-matrix-suite.ts) on PostgreSQL; skipped with a warning without a server (REQUIRE_POSTGRES=1: fails). */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("role × page matrix", async () => (await import("./role-matrix-suite.ts")).defineRoleMatrixSuite);
