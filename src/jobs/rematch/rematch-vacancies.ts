import type { AppContext } from "../../context.js";
import { REMATCHED_STATUSES, rematchVacancy } from "../../matching/rematch-vacancy.js";
import { addTally, emptyTally, type MatchTally } from "../../matching/store-matches.js";
import { CLOSED_STATUSES } from "../../vacancies/vacancy-status.js";
import type { JobHandler, OnProgress } from "../job-handler.js";

export interface RematchResult extends MatchTally {
  vacancies: number;
}

/**
 * Re-runs the matching for every open vacancy and stores the results, counting what is new or better
 * than the run before, and drops the results of closed vacancies. The rematch of changes keeps up
 * during the day; this nightly pass catches what no event tells (dates passing, rarities drifting).
 * Reading the matches never stores them.
 */
export async function rematchOpenVacancies(ctx: AppContext, onProgress?: OnProgress): Promise<RematchResult> {
  const open = await ctx.db.vacancy.findMany({ where: { status: { in: [...REMATCHED_STATUSES] } }, select: { id: true }, orderBy: { arrivalDate: "desc" } });
  const tally = emptyTally();
  const now = new Date();
  for (const [i, { id }] of open.entries()) {
    addTally(tally, await rematchVacancy(ctx, id, now));
    onProgress?.(i + 1, open.length);
  }
  tally.dropped += (await ctx.db.matchResult.deleteMany({ where: { vacancy: { status: { in: [...CLOSED_STATUSES] } } } })).count;
  return { vacancies: open.length, ...tally };
}

export const rematchJob: JobHandler = async (ctx, _payload, onProgress) => ({ counts: { ...(await rematchOpenVacancies(ctx, onProgress)) } });
