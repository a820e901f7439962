/**
 * The audit log of group membership changes on SQLite (group-membership-audit-suite.ts;
 * PostgreSQL in group-membership-audit.postgresql.test.ts). Build first for the server part:
 * `npm run build`.
 */
import { afterAll, describe } from "vitest";
import { prepareDatabase } from "./admin-suite.ts";
import { dropAfterAll } from "./group-review-support-db.ts";

const database = await prepareDatabase("sqlite");
// Imported only now: the app's database client is made from DATABASE_URL on first import.
const { defineGroupMembershipAuditSuite } = await import("./group-membership-audit-suite.ts");

describe("group membership audit [sqlite]", () => defineGroupMembershipAuditSuite(() => database.url));
afterAll(() => dropAfterAll(database));
