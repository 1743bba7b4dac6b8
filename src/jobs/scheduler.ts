import cron from "node-cron";
import type { AppContext } from "../context.js";
import { expireStaleVacancies } from "./expire-vacancies/expire-vacancies.js";
import { rematchOpenVacancies } from "./rematch/rematch-vacancies.js";

interface ScheduledJob {
  name: string;
  schedule: string;
  run: (ctx: AppContext) => Promise<unknown>;
}

/** Every scheduled job, with its timetable (Italian time); each one can also be run by hand from the CLI. */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: "expire-vacancies", schedule: "15 1 * * *", run: (ctx) => expireStaleVacancies(ctx) },
  { name: "rematch", schedule: "30 2 * * *", run: (ctx) => rematchOpenVacancies(ctx) },
];

export function startScheduler(ctx: AppContext): { stop(): void } {
  const tasks = SCHEDULED_JOBS.map((job) =>
    cron.schedule(
      job.schedule,
      async () => {
        try {
          await job.run(ctx);
        } catch (err) {
          ctx.log.error({ err, job: job.name }, "job pianificato fallito");
        }
      },
      { timezone: "Europe/Rome", name: job.name, noOverlap: true },
    ),
  );
  return { stop: () => tasks.forEach((t) => t.stop()) };
}
