/**
 * Ends the app's database client and drops the test database after a group suite. Imports the
 * client lazily: this module is imported before DATABASE_URL is set.
 */
import type { PreparedDatabase } from "./admin-suite.ts";

export async function dropAfterAll(database: PreparedDatabase) {
  const [{ closeDb }, { db }] = await Promise.all([import("./helpers/test-db.ts"), import("../../app/utils/db.server.ts")]);
  await closeDb(db);
  await database.drop();
}
