/**
 * Public comment's server-side contributions (decision 0017): its part of the account export
 * and deletion, its daily job, and the open consultations on the home page.
 */
import type { ServerContributions } from "../platform/contributions.ts";
import { detachCommentsFromAccount, exportConsultationData } from "./account.server.ts";
import { CONSULTATION_JOBS } from "./jobs.server.ts";

export const contributions = {
  account: { export: exportConsultationData, onDelete: detachCommentsFromAccount },
  jobs: CONSULTATION_JOBS,
} satisfies ServerContributions;
