import type { AppContext } from "../context.js";
import { findCandidatesByIds } from "../candidates/candidate-repository.js";
import { vacancyInclude } from "../vacancies/vacancy-repository.js";
import { CLOSED_STATUSES, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { candidateFacts } from "./build-facts.js";
import { evaluateMatch } from "./evaluate-match.js";
import { isQualified, rankVacancy } from "./rank-vacancy-candidates.js";
import { dropMatchesOf, emptyTally, storeMatches, type MatchTally } from "./store-matches.js";

/** The statuses whose matches are kept up to date (a sent list keeps its results as they were). */
export const REMATCHED_STATUSES: readonly VacancyStatus[] = ["open", "in_preselection"];

/** How many of a vacancy's best a rematch stores, besides the pairs already stored. */
const STORED_PER_VACANCY = 100;

/**
 * Rematches one vacancy as it is now: its best are stored, and every pair stored before is scored
 * again (so no stored result is stale) or dropped when the person no longer passes the hard
 * constraints (hired, on its list, out of reach). A closed vacancy's results are dropped.
 */
export async function rematchVacancy(ctx: AppContext, vacancyId: string, now: Date): Promise<MatchTally> {
  const vacancy = await ctx.db.vacancy.findUnique({ where: { id: vacancyId }, include: vacancyInclude });
  if (!vacancy) return emptyTally();
  const status = vacancy.status as VacancyStatus;
  if (CLOSED_STATUSES.includes(status)) return dropMatchesOf(ctx.db, { vacancyId });
  if (!REMATCHED_STATUSES.includes(status)) return emptyTally();
  const { offer, ranked, matchCtx: scoredWith } = await rankVacancy(ctx, vacancy, { today: now });
  const top = ranked.slice(0, STORED_PER_VACANCY);
  const inTop = new Set(top.map((m) => m.candidateId));
  const earlier = (await ctx.db.matchResult.findMany({ where: { vacancyId }, select: { candidateId: true } })).map((r) => r.candidateId).filter((id) => !inTop.has(id));
  const matchCtx = { ...scoredWith, withCongrua: true };
  const rescored = (await findCandidatesByIds(ctx.db, earlier)).map((c) => {
    const facts = candidateFacts(c);
    return { tutorId: facts.tutorId, evaluation: evaluateMatch(offer, facts, null, matchCtx) };
  });
  const passes = (r: (typeof rescored)[number]) => r.evaluation.exclusions.length === 0;
  return storeMatches(
    ctx.db,
    [
      ...top.map((m) => ({ evaluation: m, qualified: m.qualified, tutorId: m.candidate.tutorId })),
      ...rescored.filter(passes).map((r) => ({ ...r, qualified: isQualified(r.evaluation, ctx.matching.qualifyingScore) })),
    ],
    rescored.filter((r) => !passes(r)).map((r) => r.evaluation),
    ctx.matching.modelVersion,
    now,
  );
}
