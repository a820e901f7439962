/**
 * Public comment's daily job: commenters' names, addresses and emails are kept only as long as
 * the form says (CONSULTATION_PERSONAL_DATA_DAYS after the period ends); then they are removed
 * and the comment's text stays. Idempotent: a comment is cleared once (personalDataRemovedAt).
 */
import { recordAudit } from "../platform/audit.server.ts";
import { db } from "../platform/db.server.ts";
import { getEnv } from "../platform/env.server.ts";
import type { Job } from "../platform/jobs/scheduler.server.ts";
import { log } from "../platform/logger.server.ts";

const DAY_MS = 24 * 60 * 60_000;

/** Clears the personal data of comments past their keeping; returns how many per consultation. */
export async function removeExpiredPersonalData(at: Date): Promise<number> {
  const cutoff = new Date(at.getTime() - getEnv().CONSULTATION_PERSONAL_DATA_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    const due = await tx.consultationComment.groupBy({
      by: ["consultationId"],
      where: { personalDataRemovedAt: null, consultation: { closesAt: { lte: cutoff } } },
      _count: { _all: true },
    });
    let removed = 0;
    for (const { consultationId, _count } of due) {
      await tx.consultationComment.updateMany({
        where: { consultationId, personalDataRemovedAt: null },
        data: { name: "", address: "", email: "", personalDataRemovedAt: at },
      });
      await recordAudit({ actor: null, action: "consultation.personal_data_removed", targetType: "consultation", targetId: consultationId, details: { comments: _count._all } }, tx);
      removed += _count._all;
    }
    return removed;
  });
}

export const CONSULTATION_JOBS: readonly Job[] = [
  {
    name: "consultations.personal-data",
    everyMs: DAY_MS,
    run: async ({ now }) => {
      const removed = await removeExpiredPersonalData(now);
      if (removed) log("info", "consultations.personal_data_removed", { comments: removed });
    },
  },
];
