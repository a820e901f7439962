/**
 * The audit log of group membership changes on PostgreSQL. Skipped with a warning when no server
 * is reachable; REQUIRE_POSTGRES=1 turns that into a failure, as for the other suites.
 */
import { afterAll, describe, it } from "vitest";
import { postgresReachable, prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const unreachable = await postgresReachable();

if (unreachable) {
  const reason = `PostgreSQL not reachable (${unreachable}): the group membership audit suite ran on SQLite only.`;
  console.warn(`\n⚠️  ${reason}\n`);
  if (process.env.REQUIRE_POSTGRES === "1") {
    describe("group membership audit [postgresql]", () => {
      it("needs PostgreSQL (REQUIRE_POSTGRES=1)", () => {
        throw new Error(reason);
      });
    });
  } else {
    describe.skip("group membership audit [postgresql]", () => {});
  }
} else {
  const database = await prepareDatabase("postgresql");
  const { defineGroupMembershipAuditSuite } = await import("./group-membership-audit-suite.ts");
  describe("group membership audit [postgresql]", () => defineGroupMembershipAuditSuite(() => database.url));
  afterAll(() => dropAfterAll(database));
}
