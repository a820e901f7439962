/**
 * The role × page matrix on PostgreSQL. Skipped with a warning when no server is reachable;
 * REQUIRE_POSTGRES=1 turns that into a failure, as for the other suites.
 */
import { afterAll, describe, it } from "vitest";
import { postgresReachable, prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const unreachable = await postgresReachable();

if (unreachable) {
  const reason = `PostgreSQL not reachable (${unreachable}): the role × page matrix ran on SQLite only.`;
  console.warn(`\n⚠️  ${reason}\n`);
  if (process.env.REQUIRE_POSTGRES === "1") {
    describe("role × page matrix [postgresql]", () => {
      it("needs PostgreSQL (REQUIRE_POSTGRES=1)", () => {
        throw new Error(reason);
      });
    });
  } else {
    describe.skip("role × page matrix [postgresql]", () => {});
  }
} else {
  const database = await prepareDatabase("postgresql");
  const { defineRoleMatrixSuite } = await import("./role-matrix-suite.ts");
  describe("role × page matrix [postgresql]", () => defineRoleMatrixSuite(() => database.url));
  afterAll(() => dropAfterAll(database));
}
