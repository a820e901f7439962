/**
 * The role × page matrix on SQLite (role-matrix-suite.ts; PostgreSQL in
 * role-matrix.postgresql.test.ts). Needs the production build: `npm run build`.
 */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineRoleMatrixSuite } = await import("./role-matrix-suite.ts");

describe("role × page matrix [sqlite]", () => defineRoleMatrixSuite(() => database.url));
afterAll(() => dropAfterAll(database));
