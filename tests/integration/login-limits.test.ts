/**
 * Log-in limits on SQLite (login-limits-suite.ts; PostgreSQL in login-limits.postgresql.test.ts):
 * per-account second-factor guesses, half-finished sessions, device cookies.
 * Build first: `npm run build`.
 */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineLoginLimitsSuite } = await import("./login-limits-suite.ts");

describe("log-in limits [sqlite]", () => defineLoginLimitsSuite(() => database.url));
afterAll(() => dropAfterAll(database));
