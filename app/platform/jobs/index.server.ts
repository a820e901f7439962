/**
 * The app's scheduled jobs: the platform's own, and those each domain lists in its
 * contributes.server.ts (decision 0017). Registering is idempotent (jobs are keyed by name),
 * so calling this from several entry points is harmless.
 */
import { deliverPendingMail, purgeOldMail } from "../mail.server.ts";
import { log } from "../logger.server.ts";
import { registerJob } from "./scheduler.server.ts";
import { deleteExpiredSessions } from "../../auth/session.server.ts";
import { deleteExpiredCounters } from "../rate-limit.server.ts";
import { domainJobs } from "../domains.contributions.server.ts";

export function registerDefaultJobs(): void {
  registerJob({
    name: "mail.deliver",
    everyMs: 60_000,
    run: async () => {
      const result = await deliverPendingMail();
      if (result.sent || result.failed || result.deferred) log("info", "mail.delivery_round", result);
    },
  });
  registerJob({
    name: "outbox.purge",
    everyMs: 6 * 60 * 60_000,
    run: async () => {
      const purged = await purgeOldMail();
      if (purged) log("info", "outbox.purged", { purged });
    },
  });
  registerJob({
    name: "housekeeping.expired",
    everyMs: 60 * 60_000,
    run: async () => {
      const sessions = await deleteExpiredSessions();
      const counters = await deleteExpiredCounters();
      log("info", "housekeeping.done", { sessions, counters });
    },
  });
  for (const job of domainJobs()) registerJob(job);
}
