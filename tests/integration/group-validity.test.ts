/**
 * The validity of group registrations across fiscal years on SQLite (group-validity-suite.ts; PostgreSQL in
 * group-validity.postgresql.test.ts).
 */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineGroupValiditySuite } = await import("./group-validity-suite.ts");

describe("group validity [sqlite]", () => defineGroupValiditySuite());
afterAll(() => dropAfterAll(database));
