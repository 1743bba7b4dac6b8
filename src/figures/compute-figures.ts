import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { dayOf } from "../deadlines/calendar-day.js";
import { monitoringScope } from "../deadlines/monitoring-scope.js";
import { countFigures, type Figures, type Period } from "./count-figures.js";
import { loadErasedBeneficiaryFacts } from "./erased-beneficiaries.js";
import { loadFigureFacts } from "./figure-facts.js";
import type { FiguresQuery } from "./figure-schemas.js";

export interface FiguresReport {
  period: Period;
  /** One row per CPI of the scope, by code. */
  rows: ({ cpiCode: string; cpiName: string } & Figures)[];
  /** The scope as one: people counted once even when two CPIs count them. */
  total: Figures;
}

/**
 * The figures of a period for the CPIs asked for (every CPI for the administrator when none is named,
 * the operator's own CPIs otherwise): one row per CPI and the total, from one read of the facts. The JSON
 * and the CSV answers are both this report. Erased people in RdC, ADI or SFL count through the anonymous
 * records their erasure kept, so erasing someone leaves the figures of the past as they were.
 */
export async function computeFigures(ctx: AppContext, actor: Actor, query: FiguresQuery): Promise<FiguresReport> {
  const cpiCodes = await monitoringScope(ctx.db, actor, query.cpi);
  const period = { from: dayOf(query.from), to: dayOf(query.to) };
  const [cpis, live, erased] = await Promise.all([
    ctx.db.cpi.findMany({ where: cpiCodes ? { code: { in: cpiCodes } } : {}, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    loadFigureFacts(ctx.db, cpiCodes, period),
    loadErasedBeneficiaryFacts(ctx.db, cpiCodes, period),
  ]);
  const facts = { ...live, incomeSupportPeople: [...live.incomeSupportPeople, ...erased.incomeSupportPeople], coherentOffers: [...live.coherentOffers, ...erased.coherentOffers] };
  return {
    period,
    rows: cpis.map((c) => ({ cpiCode: c.code, cpiName: c.name, ...countFigures(facts, period, (code) => code === c.code) })),
    total: countFigures(facts, period, () => true),
  };
}
