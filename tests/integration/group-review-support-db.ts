/**
 * Databases of the group suites: ends the app's database client and drops the test database
 * after a suite, and runs a suite on PostgreSQL. Imports the client lazily: this module is
 * imported before DATABASE_URL is set.
 */
import { afterAll, describe, it } from "vitest";
import { postgresReachable, prepareDatabase, type PreparedDatabase } from "./admin-suite.ts";

export async function dropAfterAll(database: PreparedDatabase) {
  const [{ closeDb }, { db }] = await Promise.all([import("./helpers/test-db.ts"), import("../../app/platform/db.server.ts")]);
  await closeDb(db);
  await database.drop();
}

type DefineSuite = (databaseUrl: () => string) => void;

/**
 * Runs a group suite on a fresh PostgreSQL database as "<name> [postgresql]". Skipped with a
 * warning when no server is reachable; REQUIRE_POSTGRES=1 turns that into a failure, as for the
 * other suites. `load` imports the suite, only once DATABASE_URL names the new database.
 */
export async function describeOnPostgres(name: string, load: () => Promise<DefineSuite>) {
  const title = `${name} [postgresql]`;
  const unreachable = await postgresReachable();
  if (unreachable) {
    const reason = `PostgreSQL not reachable (${unreachable}): the ${name} suite ran on SQLite only.`;
    console.warn(`\n⚠️  ${reason}\n`);
    if (process.env.REQUIRE_POSTGRES === "1") {
      describe(title, () => {
        it("needs PostgreSQL (REQUIRE_POSTGRES=1)", () => {
          throw new Error(reason);
        });
      });
    } else {
      describe.skip(title, () => {});
    }
    return;
  }
  const database = await prepareDatabase("postgresql");
  const define = await load();
  describe(title, () => define(() => database.url));
  afterAll(() => dropAfterAll(database));
}
