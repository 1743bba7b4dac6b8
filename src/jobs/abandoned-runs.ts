import type { AppContext } from "../context.js";
import type { Db } from "../db/client.js";
import { enqueueJob } from "./job-queue.js";

export const ABANDONED_REASON = "Esecuzione interrotta: il processo che la eseguiva si è fermato prima di finire.";

const SWEEP_EVERY_MS = 60_000;

const abandonedAt = (now: Date) => ({ status: "abandoned", finishedAt: now, error: ABANDONED_REASON, leaseOwner: null, leaseExpiresAt: null });

export interface AbandonedRun {
  id: string;
  kind: string;
}

/**
 * Marks as abandoned the runs still "queued" or "running" whose lease lapsed, or that never had one
 * (left by a version without leases): nobody is working on them any more.
 */
export async function sweepAbandonedRuns(db: Db, now: Date = new Date()): Promise<AbandonedRun[]> {
  const lapsed = { status: { in: ["queued", "running"] }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] };
  const runs = await db.jobRun.findMany({ where: lapsed, select: { id: true, kind: true } });
  if (runs.length === 0) return [];
  await db.jobRun.updateMany({
    where: { ...lapsed, id: { in: runs.map((r) => r.id) } },
    data: abandonedAt(now),
  });
  return runs;
}

/** Closes one run nobody works on any more (its job's lease lapsed and another worker took it). */
export async function abandonRun(db: Db, runId: string, now: Date = new Date()): Promise<void> {
  await db.jobRun.updateMany({
    where: { id: runId, status: { in: ["queued", "running"] } },
    data: abandonedAt(now),
  });
}

/**
 * Sweeps, then resumes what can resume by itself: the expiry of stale offers is idempotent, so an
 * abandoned one is enqueued again (once per abandoned run) for the job workers. A persisted job that
 * was running is claimed again anyway once its own lease lapses. Imports are offered for re-run instead (POST /imports/:id/retry, `retry-import`), since
 * the person who uploaded the file should decide.
 */
export async function recoverAbandonedRuns(ctx: AppContext): Promise<AbandonedRun[]> {
  const abandoned = await sweepAbandonedRuns(ctx.db);
  if (abandoned.length === 0) return abandoned;
  ctx.log.warn({ runs: abandoned }, "esecuzioni interrotte segnate come abbandonate");
  for (const r of abandoned.filter((a) => a.kind === "expire-vacancies")) await enqueueJob(ctx.db, { kind: "expire-vacancies", uniqueKey: `expire-vacancies@ripresa-${r.id}` });
  const imports = abandoned.filter((r) => r.kind.startsWith("import-"));
  if (imports.length > 0) ctx.log.warn({ runs: imports.map((r) => r.id) }, "importazioni interrotte: si possono ripetere con POST /imports/:id/retry o `npm run cli -- retry-import <id>`");
  return abandoned;
}

/** The service's periodic sweep, so runs of another process that died are found while this one runs. */
export function startRunSweeper(ctx: AppContext): { stop(): void } {
  const timer = setInterval(() => {
    recoverAbandonedRuns(ctx).catch((err: unknown) => ctx.log.error({ err }, "controllo delle esecuzioni interrotte fallito"));
  }, SWEEP_EVERY_MS).unref();
  return { stop: () => clearInterval(timer) };
}
