/**
 * Session lifetimes on SQLite (session-lifetime-suite.ts; PostgreSQL in
 * session-lifetime.postgresql.test.ts). No server process: the app's own functions.
 */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineSessionLifetimeSuite } = await import("./session-lifetime-suite.ts");

describe("session lifetime [sqlite]", () => defineSessionLifetimeSuite());
afterAll(() => dropAfterAll(database));
