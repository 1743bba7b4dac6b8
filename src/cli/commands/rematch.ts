import type { AppContext } from "../../context.js";
import { rematchOpenVacancies } from "../../jobs/rematch/rematch-vacancies.js";
import { progressBar } from "../progress.js";

export async function run(ctx: AppContext): Promise<number> {
  const total = await ctx.db.vacancy.count({ where: { status: { in: ["open", "in_preselection"] } } });
  const bar = progressBar("Abbinamento offerte aperte", total);
  const r = await rematchOpenVacancies(ctx, (done) => bar.update(done));
  bar.stop();
  console.log(`Offerte riabbinate: ${r.vacancies}; abbinamenti salvati: ${r.stored} (nuovi ${r.newMatches}, migliorati ${r.improved}).`);
  return 0;
}
