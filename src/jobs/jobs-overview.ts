import type { Db } from "../db/client.js";
import { nextRunOf, SCHEDULE_TIMEZONE, SCHEDULED_JOBS, type ScheduledJob } from "./scheduler.js";

const RECENT_FAILURES = 20;

/**
 * What the administrator checks: each timetable with its last run and next slot, the backlog of
 * queued and running jobs by kind, and the jobs that failed for good with their error.
 */
export async function jobsOverview(db: Db, schedules: ScheduledJob[] = SCHEDULED_JOBS) {
  const [scheduleRows, backlog, failures] = await Promise.all([
    Promise.all(
      schedules.map(async (s) => {
        const last = await db.jobRun.findFirst({ where: { kind: s.name }, orderBy: { startedAt: "desc" } });
        const next = await nextRunOf(s.schedule);
        return {
          name: s.name,
          cron: s.schedule,
          timezone: SCHEDULE_TIMEZONE,
          lastRun: last
            ? { runId: last.id, status: last.status, startedAt: last.startedAt.toISOString(), finishedAt: last.finishedAt?.toISOString() ?? null, counts: (last.counts ?? null) as Record<string, number> | null, error: last.error }
            : null,
          nextRunAt: next?.toISOString() ?? null,
        };
      }),
    ),
    db.job.groupBy({ by: ["kind", "state"], where: { state: { in: ["queued", "running"] } }, _count: { _all: true } }),
    db.job.findMany({ where: { state: "failed" }, orderBy: { finishedAt: "desc" }, take: RECENT_FAILURES }),
  ]);
  const byKind = new Map<string, { kind: string; queued: number; running: number }>();
  for (const row of backlog) {
    const entry = byKind.get(row.kind) ?? { kind: row.kind, queued: 0, running: 0 };
    entry[row.state as "queued" | "running"] = row._count._all;
    byKind.set(row.kind, entry);
  }
  return {
    schedules: scheduleRows,
    backlog: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    failures: failures.map((j) => ({
      id: j.id,
      kind: j.kind,
      uniqueKey: j.uniqueKey,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      lastError: j.lastError,
      runId: j.runId,
      createdAt: j.createdAt.toISOString(),
      finishedAt: j.finishedAt?.toISOString() ?? null,
    })),
  };
}

export type JobsOverview = Awaited<ReturnType<typeof jobsOverview>>;
