/**
 * The group registry's daily jobs (registered through contributes.server.ts). Both are
 * idempotent (a reminder is claimed through reminderSentAt, a lapse sets endReason once),
 * so a missed or repeated run does no harm.
 */
import { log } from "../platform/logger.server.ts";
import { markLapsedRegistrations, sendRenewalReminders } from "./renewal.server.ts";
import type { Job } from "../platform/jobs/scheduler.server.ts";

const DAY_MS = 24 * 60 * 60_000;

export const GROUP_JOBS: readonly Job[] = [
  {
    name: "groups.renewal-reminders",
    everyMs: DAY_MS,
    run: async ({ now }) => {
      const result = await sendRenewalReminders(now);
      if (result.reminded) log("info", "groups.renewal_reminders", result);
    },
  },
  {
    name: "groups.lapse",
    everyMs: DAY_MS,
    run: async ({ now }) => {
      const expired = await markLapsedRegistrations(now);
      if (expired) log("info", "groups.lapsed", { expired });
    },
  },
];
