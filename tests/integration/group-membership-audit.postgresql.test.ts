/**
 * The audit log of group membership changes (group-membership-audit-suite.ts) on PostgreSQL;
 * skipped with a warning without a server.
 */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("group membership audit", async () => (await import("./group-membership-audit-suite.ts")).defineGroupMembershipAuditSuite);
