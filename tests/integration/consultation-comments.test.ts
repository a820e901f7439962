/** Taking comments (consultation-comments-suite.ts) on SQLite; PostgreSQL in consultation-comments.postgresql.test.ts. */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineConsultationCommentsSuite } = await import("./consultation-comments-suite.ts");
const { defineHotWriteSuite } = await import("./hot-write-suite.ts");

describe("consultation comments [sqlite]", () => defineConsultationCommentsSuite());
describe("hot writes [sqlite]", () => defineHotWriteSuite());
afterAll(() => dropAfterAll(database));
