/**
 * The staff review of groups on SQLite (group-review-suite.ts; PostgreSQL in
 * group-review.postgresql.test.ts). Build first for the server part: `npx remix vite:build`.
 */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineGroupReviewSuite } = await import("./group-review-suite.ts");

describe("group review [sqlite]", () => defineGroupReviewSuite(() => database.url));
afterAll(() => dropAfterAll(database));
