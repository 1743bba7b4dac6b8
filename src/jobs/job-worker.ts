import type { AppContext } from "../context.js";
import { abandonRun } from "./abandoned-runs.js";
import type { JobHandler } from "./job-handler.js";
import { JOB_HANDLERS } from "./job-handlers.js";
import { claimNextJob, completeJob, failJob, linkJobRun, renewJobLease, type ClaimedJob } from "./job-queue.js";
import { LEASE_MS, PROCESS_ID, recordedRun, runErrorMessage } from "./job-run.js";

export interface WorkerOptions {
  /** How long an idle worker waits before looking for due jobs again. */
  pollMs?: number;
  /** How long a claimed job stays this worker's without a renewal; renewed every third of it. */
  leaseMs?: number;
  /** First back-off after a failure (see retry-backoff.ts). */
  retryBaseMs?: number;
  /** Kinds beyond the service's own registry (tests). */
  handlers?: Record<string, JobHandler>;
}

const DEFAULT_POLL_MS = 2_000;
const UNKNOWN_KIND = (kind: string) => `Tipo di lavoro sconosciuto: «${kind}». Nessun processo sa eseguirlo.`;
const LEASE_LOST_TOO_OFTEN = "Interrotto più volte: il processo che lo eseguiva si è fermato prima di finire.";

async function runClaimed(ctx: AppContext, job: ClaimedJob, handler: JobHandler | undefined, opts: WorkerOptions): Promise<void> {
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  // The attempt before lost its lease: its run is over, whatever the run sweep has seen yet.
  if (job.runId) await abandonRun(ctx.db, job.runId);
  if (!handler || job.attempts > job.maxAttempts) {
    await failJob(ctx.db, { ...job, attempts: job.maxAttempts }, PROCESS_ID, handler ? LEASE_LOST_TOO_OFTEN : UNKNOWN_KIND(job.kind));
    return;
  }
  const renew = setInterval(() => {
    renewJobLease(ctx.db, job.id, PROCESS_ID, leaseMs).catch((err: unknown) => ctx.log.warn({ err, job: job.id }, "rinnovo del lease di un lavoro non riuscito"));
  }, leaseMs / 3).unref();
  try {
    // One JobRun per attempt; the job points to the latest.
    await recordedRun(ctx.db, job.kind, `job ${job.id}`, null, async (runId) => {
      await linkJobRun(ctx.db, job.id, PROCESS_ID, runId);
      return handler(ctx, job.payload);
    });
    await completeJob(ctx.db, job.id, PROCESS_ID);
  } catch (err) {
    const state = await failJob(ctx.db, job, PROCESS_ID, runErrorMessage(err), opts.retryBaseMs);
    ctx.log.error({ err, job: job.id, kind: job.kind, attempt: job.attempts, state }, "lavoro non riuscito");
  } finally {
    clearInterval(renew);
  }
}

/** Claims one due job and runs it; false when none was due. */
export async function runNextJob(ctx: AppContext, opts: WorkerOptions = {}): Promise<boolean> {
  const job = await claimNextJob(ctx.db, PROCESS_ID, opts.leaseMs ?? LEASE_MS);
  if (!job) return false;
  await runClaimed(ctx, job, opts.handlers?.[job.kind] ?? JOB_HANDLERS[job.kind as keyof typeof JOB_HANDLERS], opts);
  return true;
}

/** Runs every job due now, one after the other; how many ran. */
export async function runDueJobs(ctx: AppContext, opts: WorkerOptions = {}): Promise<number> {
  let ran = 0;
  while (await runNextJob(ctx, opts)) ran += 1;
  return ran;
}

/**
 * Each service process works the queue: one job at a time (SQLite has one writer), looking again
 * every pollMs when idle. stop() waits for the job in hand to finish.
 */
export function startJobWorker(ctx: AppContext, opts: WorkerOptions = {}): { stop(): Promise<void> } {
  let stopped = false;
  let wake: () => void = () => undefined;
  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, opts.pollMs ?? DEFAULT_POLL_MS).unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      const ran = await runNextJob(ctx, opts).catch((err: unknown) => {
        ctx.log.error({ err }, "ricerca dei lavori da eseguire non riuscita");
        return false;
      });
      if (!ran && !stopped) await idle();
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      wake();
      await loop;
    },
  };
}
