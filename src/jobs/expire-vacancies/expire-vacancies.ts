import type { AppContext } from "../../context.js";
import { changeVacancyStatusAlong } from "../../vacancies/change-vacancy-status.js";
import type { JobHandler } from "../job-handler.js";

const EXPIRABLE = ["open", "in_preselection"];

/**
 * Offers whose closing date has passed leave the showcase as "expired", each with its reason in the
 * history; offers already with a list sent wait for the outcome check instead. Running it twice
 * changes nothing more.
 */
export async function expireStaleVacancies(ctx: AppContext, today: Date = new Date()): Promise<{ expired: string[] }> {
  const startOfToday = new Date(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const stale = await ctx.db.vacancy.findMany({
    where: { status: { in: EXPIRABLE }, closingDate: { lt: startOfToday } },
    select: { id: true },
  });
  const expired: string[] = [];
  for (const { id } of stale) {
    await changeVacancyStatusAlong(ctx, null, id, ["expired"], "Scaduta automaticamente: data di chiusura superata", "job expire-vacancies", {
      source: "scadenza",
    });
    expired.push(id);
  }
  if (expired.length > 0) ctx.log.info({ expired: expired.length }, "offerte scadute");
  return { expired };
}

export const expireVacanciesJob: JobHandler = async (ctx) => {
  const { expired } = await expireStaleVacancies(ctx);
  return { counts: { expired: expired.length }, report: { expired } };
};
