import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import { recordedUserId, type Actor } from "../auth/actor.js";
import { AppError } from "../errors/app-error.js";

/** The service's own kinds of run; persisted jobs record their runs under their own kind too. */
export type JobKind = "import-vacancies" | "import-candidates" | "import-cpis" | "export-vacancies" | "seed" | "reindex" | "expire-vacancies" | "rematch" | "index-check" | "send-emails" | "deadline-reminders" | "rematch-changes" | "digests" | "backup" | "restore" | "retention";

/** "queued" and "running" hold a lease; the other three are final. */
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "abandoned";

export interface JobRunHandle {
  id: string;
  finish(status: "succeeded" | "failed", counts: Record<string, number>, report?: unknown, error?: string): Promise<void>;
}

/** Identifies this process as the holder of its runs' leases. */
export const PROCESS_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * A run's lease lasts LEASE_MS and this process renews the leases of all its live runs every
 * HEARTBEAT_MS, so a run whose process died (kill -9, crash, power cut) is found by its lapsed lease.
 */
export const LEASE_MS = 60_000;
const HEARTBEAT_MS = 15_000;

interface Heartbeat {
  live: Set<string>;
  timer?: NodeJS.Timeout;
}
const heartbeats = new WeakMap<Db, Heartbeat>();

const leaseUntil = () => new Date(Date.now() + LEASE_MS);

function holdLease(db: Db, runId: string): void {
  let hb = heartbeats.get(db);
  if (!hb) heartbeats.set(db, (hb = { live: new Set() }));
  hb.live.add(runId);
  const beat = hb;
  beat.timer ??= setInterval(() => {
    db.jobRun
      .updateMany({ where: { id: { in: [...beat.live] }, leaseOwner: PROCESS_ID }, data: { leaseExpiresAt: leaseUntil() } })
      .catch(() => undefined);
  }, HEARTBEAT_MS).unref();
}

function releaseLease(db: Db, runId: string): void {
  const hb = heartbeats.get(db);
  if (!hb) return;
  hb.live.delete(runId);
  if (hb.live.size === 0 && hb.timer) {
    clearInterval(hb.timer);
    hb.timer = undefined;
  }
}

function handle(db: Db, id: string): JobRunHandle {
  return {
    id,
    finish: async (status, counts, report, error) => {
      releaseLease(db, id);
      await db.jobRun.update({
        where: { id },
        data: { status, finishedAt: new Date(), counts, report: report === undefined ? undefined : (report as object), error: error ?? null, leaseOwner: null, leaseExpiresAt: null },
      });
    },
  };
}

/** Long work records each run (who, what, when, how it ended) so it can be looked up later. */
export async function startJobRun(db: Db, kind: JobKind | (string & {}), source: string | null, actor: Actor | null): Promise<JobRunHandle> {
  const run = await db.jobRun.create({
    data: { kind, source, status: "running", byUserId: recordedUserId(actor), leaseOwner: PROCESS_ID, leaseExpiresAt: leaseUntil() },
  });
  holdLease(db, run.id);
  return handle(db, run.id);
}

export interface KeptFile {
  name: string;
  mimeType: string | null;
  dryRun: boolean;
  data: Uint8Array<ArrayBuffer>;
}

/**
 * A run accepted but waiting its turn, with the file it works on kept alongside (so it can be re-run).
 * Its lease is held from now, so a waiting run is not taken for abandoned.
 */
export async function queueJobRun(db: Db, kind: JobKind, source: string, actor: Actor | null, progressTotal: number | null, file: KeptFile): Promise<string> {
  const run = await db.jobRun.create({
    data: { kind, source, status: "queued", byUserId: recordedUserId(actor), leaseOwner: PROCESS_ID, leaseExpiresAt: leaseUntil(), progressDone: 0, progressTotal, file: { create: file } },
    select: { id: true },
  });
  holdLease(db, run.id);
  return run.id;
}

/** Moves a queued run of this process to running; undefined when it is no longer queued (swept meanwhile). */
export async function claimJobRun(db: Db, runId: string): Promise<JobRunHandle | undefined> {
  const { count } = await db.jobRun.updateMany({
    where: { id: runId, status: "queued" },
    data: { status: "running", startedAt: new Date(), leaseOwner: PROCESS_ID, leaseExpiresAt: leaseUntil() },
  });
  if (count === 0) {
    releaseLease(db, runId);
    return undefined;
  }
  holdLease(db, runId);
  return handle(db, runId);
}

export async function reportJobProgress(db: Db, runId: string, done: number, total: number | null): Promise<void> {
  await db.jobRun.update({ where: { id: runId }, data: { progressDone: done, progressTotal: total } });
}

/** What a piece of recorded work reports when it ends well: its counts and, optionally, a report. */
export interface RunOutcome {
  counts: Record<string, number>;
  report?: unknown;
}

/**
 * The Italian error kept on a failed run or job: a refusal's own message, otherwise a generic one that
 * still names the cause for the administrator (details in the service log).
 */
export function runErrorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const cause = err instanceof Error ? err.message : String(err);
  return `Errore imprevisto (dettagli nel log del servizio): ${cause}`.slice(0, 1_000);
}

/** Runs work as one recorded run, finished as succeeded with its counts or failed with its error. */
export async function recordedRun<T extends RunOutcome>(db: Db, kind: JobKind | (string & {}), source: string | null, actor: Actor | null, work: (runId: string) => Promise<T>): Promise<T> {
  const run = await startJobRun(db, kind, source, actor);
  let outcome: T;
  try {
    outcome = await work(run.id);
  } catch (err) {
    await run.finish("failed", {}, undefined, runErrorMessage(err));
    throw err;
  }
  await run.finish("succeeded", outcome.counts, outcome.report);
  return outcome;
}
