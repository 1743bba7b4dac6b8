import type { AppContext } from "../../context.js";
import { rankVacancy } from "../../matching/rank-vacancy-candidates.js";
import { matchKey, storeMatches } from "../../matching/store-matches.js";
import { findVacancy } from "../../vacancies/vacancy-repository.js";
import type { JobHandler, OnProgress } from "../job-handler.js";

const STORED_PER_VACANCY = 100;

export interface RematchResult {
  vacancies: number;
  stored: number;
  /** Pairs seen for the first time: the news a tutor's digest starts from. */
  newMatches: number;
  improved: number;
}

/**
 * Re-runs the matching for every open vacancy and stores the results, counting what is new or better
 * than the run before. People and offers change every day; the scheduler enqueues this every night.
 * The only writer of match results: reading the matches never stores them.
 */
export async function rematchOpenVacancies(ctx: AppContext, onProgress?: OnProgress): Promise<RematchResult> {
  const open = await ctx.db.vacancy.findMany({ where: { status: { in: ["open", "in_preselection"] } }, select: { id: true }, orderBy: { arrivalDate: "desc" } });
  const result: RematchResult = { vacancies: open.length, stored: 0, newMatches: 0, improved: 0 };
  const now = new Date();
  for (const [i, { id }] of open.entries()) {
    const top = (await rankVacancy(ctx, await findVacancy(ctx.db, id), { today: now })).ranked.slice(0, STORED_PER_VACANCY);
    const news = await storeMatches(ctx.db, top, ctx.matching.modelVersion, now);
    for (const m of top) {
      const n = news.get(matchKey(m.vacancyId, m.candidateId));
      result.stored += 1;
      if (n?.isNew) result.newMatches += 1;
      else if (n?.previousScore != null && m.score > n.previousScore) result.improved += 1;
    }
    onProgress?.(i + 1, open.length);
  }
  return result;
}

export const rematchJob: JobHandler = async (ctx, _payload, onProgress) => ({ counts: { ...(await rematchOpenVacancies(ctx, onProgress)) } });
