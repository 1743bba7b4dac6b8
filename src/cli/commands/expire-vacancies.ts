import type { AppContext } from "../../context.js";
import { expireVacanciesJob } from "../../jobs/expire-vacancies/expire-vacancies.js";
import { recordedRun } from "../../jobs/job-run.js";

export async function run(ctx: AppContext): Promise<number> {
  const { counts } = await recordedRun(ctx.db, "expire-vacancies", "riga di comando", null, () => expireVacanciesJob(ctx, null));
  console.log(`Offerte scadute: ${counts.expired}`);
  return 0;
}
