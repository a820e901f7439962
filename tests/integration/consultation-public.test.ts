/** Public comment as the public meets it (consultation-public-suite.ts) on SQLite; PostgreSQL in consultation-public.postgresql.test.ts. */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineConsultationPublicSuite } = await import("./consultation-public-suite.ts");

describe("consultation public [sqlite]", () => defineConsultationPublicSuite());
afterAll(() => dropAfterAll(database));
