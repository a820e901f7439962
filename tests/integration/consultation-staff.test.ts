/** Running a consultation (consultation-staff-suite.ts) on SQLite; PostgreSQL in consultation-staff.postgresql.test.ts. */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineConsultationStaffSuite } = await import("./consultation-staff-suite.ts");

describe("consultation staff [sqlite]", () => defineConsultationStaffSuite());
afterAll(() => dropAfterAll(database));
