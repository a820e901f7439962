/**
 * The directory's kept answers on SQLite (directory-cache-suite.ts; PostgreSQL in
 * directory-cache.postgresql.test.ts).
 */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineDirectoryCacheSuite } = await import("./directory-cache-suite.ts");

describe("directory cache [sqlite]", () => defineDirectoryCacheSuite(() => database.url));
afterAll(() => dropAfterAll(database));
