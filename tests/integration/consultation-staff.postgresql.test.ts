/** Running a consultation (consultation-staff-suite.ts) on PostgreSQL; skipped with a warning without a server. */
import { describeOnPostgres } from "./group-review-support-db.ts";

await describeOnPostgres("consultation staff", async () => (await import("./consultation-staff-suite.ts")).defineConsultationStaffSuite);
