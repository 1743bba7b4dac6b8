import cron from "node-cron";
import type { AppContext } from "../context.js";
import { enqueueJob } from "./job-queue.js";

export interface ScheduledJob {
  /** The kind of job each slot enqueues (a key of JOB_HANDLERS). */
  name: string;
  /** node-cron expression; six fields when it counts seconds. */
  schedule: string;
}

export const SCHEDULE_TIMEZONE = "Europe/Rome";

/** Every scheduled job, with its timetable (Italian time); each one can also be run by hand from the CLI. */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: "expire-vacancies", schedule: "15 1 * * *" },
  { name: "rematch", schedule: "30 2 * * *" },
  { name: "index-check", schedule: "45 3 * * *" },
  // The outbox is drained every minute; a message that fails waits for its back-off.
  { name: "send-emails", schedule: "* * * * *" },
  { name: "deadline-reminders", schedule: "0 7 * * *" },
  // The people and vacancies changed since the last pass, every minute (a change made twice in a minute counts once).
  { name: "rematch-changes", schedule: "* * * * *" },
  { name: "digests", schedule: "0 18 * * *" },
  // The nightly online backup, before the night's heavy jobs; then retention of personal data, after it.
  { name: "backup", schedule: "0 1 * * *" },
  { name: "retention", schedule: "30 4 * * *" },
];

/** The unique key of one slot: the job's name and the slot's time to the second, in UTC. */
export const slotKey = (name: string, slot: Date): string => `${name}@${slot.toISOString().slice(0, 19)}Z`;

/**
 * Every process on the database runs this scheduler, and none runs a job itself: at each tick it
 * enqueues the slot's job under the slot's unique key, so whichever process asks first enqueues it
 * and the workers run it once.
 */
export function startScheduler(ctx: AppContext, schedules: ScheduledJob[] = SCHEDULED_JOBS): { stop(): void } {
  const tasks = schedules.map((job) =>
    cron.schedule(
      job.schedule,
      async ({ date }) => {
        const uniqueKey = slotKey(job.name, date);
        try {
          const id = await enqueueJob(ctx.db, { kind: job.name, uniqueKey, payload: { slot: date.toISOString() } });
          ctx.log.debug({ slot: uniqueKey, enqueued: id !== null }, id ? "turno pianificato accodato" : "turno pianificato già accodato da un altro processo");
        } catch (err) {
          ctx.log.error({ err, slot: uniqueKey }, "accodamento del turno pianificato non riuscito");
        }
      },
      { timezone: SCHEDULE_TIMEZONE, name: job.name },
    ),
  );
  return { stop: () => tasks.forEach((t) => t.destroy()) };
}

/** When a timetable fires next, as node-cron computes it (a task must be running to answer). */
export async function nextRunOf(schedule: string): Promise<Date | null> {
  const probe = cron.schedule(schedule, () => undefined, { timezone: SCHEDULE_TIMEZONE });
  const next = probe.getNextRun();
  await probe.destroy();
  return next;
}
