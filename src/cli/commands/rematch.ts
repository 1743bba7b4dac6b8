import type { AppContext } from "../../context.js";
import { recordedRun } from "../../jobs/job-run.js";
import { rematchJob } from "../../jobs/rematch/rematch-vacancies.js";
import { progressBar } from "../progress.js";

export async function run(ctx: AppContext): Promise<number> {
  const total = await ctx.db.vacancy.count({ where: { status: { in: ["open", "in_preselection"] } } });
  const bar = progressBar("Abbinamento offerte aperte", total);
  const { counts: r } = await recordedRun(ctx.db, "rematch", "riga di comando", null, () => rematchJob(ctx, null, (done) => bar.update(done))).finally(() => bar.stop());
  console.log(`Offerte riabbinate: ${r.vacancies}; abbinamenti salvati: ${r.stored} (nuovi ${r.newMatches}, migliorati ${r.improved}).`);
  return 0;
}
