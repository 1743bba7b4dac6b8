import type { AppContext } from "../../context.js";
import { changeVacancyStatus } from "../../vacancies/change-vacancy-status.js";
import { startJobRun } from "../job-run.js";

const EXPIRABLE = ["open", "in_preselection"];

/**
 * Offers whose closing date has passed leave the showcase as "expired", each with its reason in the
 * history; offers already with a list sent wait for the outcome check instead.
 */
export async function expireStaleVacancies(ctx: AppContext, today: Date = new Date()): Promise<{ expired: string[] }> {
  const run = await startJobRun(ctx.db, "expire-vacancies", null, null);
  const startOfToday = new Date(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const expired: string[] = [];
  try {
    const stale = await ctx.db.vacancy.findMany({
      where: { status: { in: EXPIRABLE }, closingDate: { lt: startOfToday } },
      select: { id: true },
    });
    for (const { id } of stale) {
      await changeVacancyStatus(ctx, null, id, "expired", "Scaduta automaticamente: data di chiusura superata", "job expire-vacancies");
      expired.push(id);
    }
  } catch (err) {
    await run.finish("failed", { expired: expired.length }, { expired }, "Scadenza delle offerte interrotta da un errore imprevisto (dettagli nel log del servizio).");
    throw err;
  }
  await run.finish("succeeded", { expired: expired.length }, { expired });
  if (expired.length > 0) ctx.log.info({ expired: expired.length }, "offerte scadute");
  return { expired };
}
