/**
 * A small in-process scheduler. Every app server ticks, but each job has a JobLease row
 * and a run is claimed with one conditional update of that row (nextRunAt moves forward
 * and a lock is taken only where the run is due and nobody holds the lock), so each due
 * run happens on exactly one server.
 */
import { randomUUID } from "node:crypto";
import { now } from "../clock.server.ts";
import { connectDb, db, isUniqueViolation, type Db } from "../db.server.ts";
import { log } from "../logger.server.ts";
import { singleton } from "../singleton.server.ts";

export type Job = { name: string; everyMs: number; run: (ctx: { now: Date }) => Promise<void> };

/** A run's lock lasts at least this long, so a slow run is not started twice. */
const MIN_LOCK_MS = 60_000;

const jobs = singleton("scheduler.jobs", () => new Map<string, Job>());

/** Registers (or replaces) a job by name; registering the same name twice is harmless. */
export function registerJob(job: Job): void {
  if (!job.name) throw new Error("registerJob: a job needs a name");
  if (!Number.isFinite(job.everyMs) || job.everyMs <= 0) throw new Error(`registerJob: ${job.name} needs everyMs > 0`);
  jobs.set(job.name, job);
}

export function listJobs(): Job[] {
  return [...jobs.values()];
}

/** For tests. */
export function unregisterJob(name: string): void {
  jobs.delete(name);
}

/** For tests. */
export function clearJobs(): void {
  jobs.clear();
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

async function ensureLease(client: Db, name: string): Promise<void> {
  const existing = await client.jobLease.findUnique({ where: { name }, select: { name: true } });
  if (existing) return;
  try {
    await client.jobLease.create({ data: { name, nextRunAt: now() } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another server created it first
  }
}

/**
 * The election: one conditional UPDATE that moves nextRunAt forward and takes the lock only
 * where the run is due and the lock is free or expired. The database applies it atomically,
 * so of several servers ticking at once exactly one sees a count of 1. It is the statement
 *
 *   jobLease.updateMany({ where: { name, nextRunAt: { lte: at }, OR: [{ lockedUntil: null },
 *     { lockedUntil: { lte: at } }] }, data: { nextRunAt, lockedBy, lockedUntil } })
 *
 * written as raw SQL because Prisma wraps updateMany in BEGIN … COMMIT on SQLite: with two
 * clients in one process (as the tests use to mimic two servers) a write lock held across
 * that await makes the other connection's synchronous busy-wait block the event loop.
 * A single autocommit statement holds the lock only for its own duration. Date parameters
 * are serialised by the driver adapter exactly as Prisma stores DateTime columns.
 */
async function claimRun(client: Db, job: Job, instanceId: string, at: Date): Promise<boolean> {
  const nextRunAt = new Date(at.getTime() + job.everyMs);
  const lockedUntil = new Date(at.getTime() + Math.max(job.everyMs, MIN_LOCK_MS));
  const count = await client.$executeRaw`
    UPDATE "JobLease"
       SET "nextRunAt" = ${nextRunAt}, "lockedBy" = ${instanceId}, "lockedUntil" = ${lockedUntil}
     WHERE "name" = ${job.name}
       AND "nextRunAt" <= ${at}
       AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${at})`;
  return count === 1;
}

/** Records the outcome and frees the lock, only if this instance still holds it (else leave theirs). */
async function releaseRun(
  client: Db,
  name: string,
  instanceId: string,
  outcome: { lastRunAt: Date; lastStatus: string; lastError: string | null },
): Promise<void> {
  try {
    // A single-row update is one autocommit statement (no BEGIN … COMMIT), unlike updateMany.
    await client.jobLease.update({
      where: { name, lockedBy: instanceId },
      data: { ...outcome, lockedUntil: null },
      select: { name: true },
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== "P2025") throw error; // P2025: the lock is no longer ours
  }
}

/**
 * Runs every registered job that is due and that this instance wins the claim for.
 * Returns the names of the jobs this instance ran (whether they succeeded or not).
 */
export async function runDueJobs(instanceId: string, client: Db = db): Promise<string[]> {
  const ran: string[] = [];
  for (const job of listJobs()) {
    try {
      await ensureLease(client, job.name);
      const at = now();
      const claimed = await claimRun(client, job, instanceId, at);
      if (!claimed) continue;

      ran.push(job.name);
      let lastStatus = "ok";
      let lastError: string | null = null;
      try {
        await job.run({ now: at });
      } catch (error) {
        lastStatus = "error";
        lastError = errorMessage(error);
        log("error", "job.failed", { job: job.name, message: lastError });
      }
      await releaseRun(client, job.name, instanceId, { lastRunAt: at, lastStatus, lastError });
    } catch (error) {
      // The database itself failed (lease bookkeeping); the other jobs still get their turn.
      log("error", "job.failed", { job: job.name, message: errorMessage(error) });
    }
  }
  return ran;
}

/**
 * Ticks runDueJobs every intervalMs (the timer does not keep the process alive).
 * A tick is skipped while the previous one is still running. Returns a stop function.
 */
export function startScheduler({
  instanceId = randomUUID(),
  intervalMs = 15_000,
  client,
}: { instanceId?: string; intervalMs?: number; client?: Db } = {}): () => void {
  let running = false;
  let stopped = false;

  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      if (!client) await connectDb();
      await runDueJobs(instanceId, client ?? db);
    } catch (error) {
      log("error", "scheduler.tick_failed", { message: errorMessage(error) });
    } finally {
      running = false;
    }
  };

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  // First tick right away (on the next turn of the event loop) rather than after a full interval.
  const first = setTimeout(() => void tick(), 0);
  first.unref();
  log("info", "scheduler.started", { instanceId, intervalMs, jobs: listJobs().map((j) => j.name) });

  return () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(first);
  };
}
