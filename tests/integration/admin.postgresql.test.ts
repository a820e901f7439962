/**
 * The admin suite (admin-suite.ts) on PostgreSQL. Skipped with a warning when no server is
 * reachable; REQUIRE_POSTGRES=1 turns that into a failure, as for the other suites.
 */
import { describe, it } from "vitest";
import { defineAdminSuite, postgresReachable, prepareDatabase, type PreparedDatabase } from "./admin-suite.ts";

const unreachable = await postgresReachable();

if (unreachable) {
  const reason = `PostgreSQL not reachable (${unreachable}): the admin suite ran on SQLite only.`;
  console.warn(`\n⚠️  ${reason}\n`);
  if (process.env.REQUIRE_POSTGRES === "1") {
    describe("admin area [postgresql]", () => {
      it("needs PostgreSQL (REQUIRE_POSTGRES=1)", () => {
        throw new Error(reason);
      });
    });
  } else {
    describe.skip("admin area [postgresql]", () => {});
  }
} else {
  const database: PreparedDatabase = await prepareDatabase("postgresql");
  describe("admin area [postgresql]", () => defineAdminSuite(() => database));
}
