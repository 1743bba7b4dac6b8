import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import { dialectOf, rawSql } from "../db/sql-dialect.js";
import { AppError, notFound } from "../errors/app-error.js";
import { retryDelayMs } from "./retry-backoff.js";

/**
 * A persisted job is `queued` (waiting for its runAt) → `running` (claimed by a worker under a lease) →
 * `succeeded`; after a failed attempt it goes back to `queued` with a later runAt (exponential back-off),
 * or to `failed` for good once it has used maxAttempts, its lastError kept. A running job whose lease
 * lapsed (its worker died) is claimed again by any worker.
 */
export type JobState = "queued" | "running" | "succeeded" | "failed";

export interface NewJob {
  kind: string;
  payload?: unknown;
  /** Jobs with the same key are enqueued once: a scheduled slot, whichever process asks first. */
  uniqueKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  /** The run of the attempt before, when it was left unfinished. */
  runId: string | null;
}

/** Inserts the job unless one with its unique key exists; returns its id, or null when it already did. */
export async function enqueueJob(db: Db, job: NewJob): Promise<string | null> {
  const now = new Date();
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    rawSql(db, `INSERT INTO "Job" ("id", "kind", "payload", "uniqueKey", "runAt", "state", "attempts", "maxAttempts", "createdAt")
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?)
     ON CONFLICT ("uniqueKey") DO NOTHING RETURNING "id"`),
    randomUUID(),
    job.kind,
    job.payload === undefined ? null : JSON.stringify(job.payload),
    job.uniqueKey ?? null,
    job.runAt ?? now,
    job.maxAttempts ?? 5,
    now,
  );
  return rows[0]?.id ?? null;
}

/**
 * Claims the next due job for `owner` in one statement: a queued job whose time has come, or a running
 * one whose lease lapsed. On SQLite the statement holds the write lock, so two workers never claim the
 * same job; on PostgreSQL the inner select locks the row it picks and skips rows other workers hold
 * (`FOR UPDATE SKIP LOCKED`), so concurrent claims take different jobs instead of queueing on one.
 */
export async function claimNextJob(db: Db, owner: string, leaseMs: number, now = new Date()): Promise<ClaimedJob | undefined> {
  const lock = dialectOf(db) === "postgresql" ? " FOR UPDATE SKIP LOCKED" : "";
  const claimed = await db.$queryRawUnsafe<{ id: string }[]>(
    rawSql(db, `UPDATE "Job" SET "state" = 'running', "leaseOwner" = ?, "leaseExpiresAt" = ?, "attempts" = "attempts" + 1
     WHERE "id" = (
       SELECT "id" FROM "Job"
       WHERE ("state" = 'queued' AND "runAt" <= ?) OR ("state" = 'running' AND "leaseExpiresAt" < ?)
       ORDER BY "runAt" LIMIT 1${lock}
     ) AND ("state" = 'queued' OR "leaseExpiresAt" < ?)
     RETURNING "id"`),
    owner,
    new Date(now.getTime() + leaseMs),
    now,
    now,
    now,
  );
  const id = claimed[0]?.id;
  if (!id) return undefined;
  const job = await db.job.findUniqueOrThrow({ where: { id } });
  return { id, kind: job.kind, payload: job.payload, attempts: job.attempts, maxAttempts: job.maxAttempts, runId: job.runId };
}

/** Keeps the lease while the handler works; false when another worker took the job meanwhile. */
export async function renewJobLease(db: Db, id: string, owner: string, leaseMs: number): Promise<boolean> {
  const { count } = await db.job.updateMany({ where: { id, leaseOwner: owner, state: "running" }, data: { leaseExpiresAt: new Date(Date.now() + leaseMs) } });
  return count === 1;
}

/** Links the job to the run recording its current attempt. */
export async function linkJobRun(db: Db, id: string, owner: string, runId: string): Promise<void> {
  await db.job.updateMany({ where: { id, leaseOwner: owner }, data: { runId } });
}

const released = { leaseOwner: null, leaseExpiresAt: null };

export async function completeJob(db: Db, id: string, owner: string): Promise<void> {
  await db.job.updateMany({ where: { id, leaseOwner: owner, state: "running" }, data: { state: "succeeded", finishedAt: new Date(), lastError: null, ...released } });
}

/** After a failed attempt: back in the queue after the back-off, or failed for good with its error. */
export async function failJob(db: Db, job: ClaimedJob, owner: string, error: string, retryBaseMs?: number): Promise<JobState> {
  const now = Date.now();
  const final = job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: { id: job.id, leaseOwner: owner, state: "running" },
    data: final
      ? { state: "failed", finishedAt: new Date(now), lastError: error, ...released }
      : { state: "queued", runAt: new Date(now + retryDelayMs(job.attempts, retryBaseMs)), lastError: error, ...released },
  });
  return final ? "failed" : "queued";
}

/** Puts a job that failed for good back in the queue, due now, with all its attempts again. */
export async function retryFailedJob(db: Db, id: string): Promise<void> {
  const job = await db.job.findUnique({ where: { id }, select: { state: true } });
  if (!job) throw notFound("Lavoro");
  const { count } = await db.job.updateMany({ where: { id, state: "failed" }, data: { state: "queued", runAt: new Date(), attempts: 0, finishedAt: null } });
  if (count === 0) throw new AppError("INVALID_TRANSITION", `Si può ripetere solo un lavoro non riuscito: questo è «${job.state}».`);
}
