import type { AppContext } from "../context.js";
import { letOthersThrough } from "../jobs/let-others-through.js";
import { findCandidatesByIds } from "../candidates/candidate-repository.js";
import { candidatesOnListsOf } from "../shortlists/list-membership.js";
import { vacancyInclude } from "../vacancies/vacancy-repository.js";
import { candidateFacts } from "./build-facts.js";
import { haversineKm } from "../geo/haversine.js";
import { evaluateMatch, placeMatch, type MatchContext, type PreparedOffer } from "./evaluate-match.js";
import { isQualified, matchContextFor, prepareOffer } from "./rank-vacancy-candidates.js";
import { REMATCHED_STATUSES } from "./rematch-vacancy.js";
import { indexedReachKm } from "./score-territory.js";
import { addTally, emptyTally, storeMatches, type MatchTally } from "./store-matches.js";

/** An open vacancy as scoring needs it: prepared once for all the people rematched against it. */
export interface OpenOffer {
  offer: PreparedOffer;
  matchCtx: MatchContext;
}

/** The vacancies people are rematched against, each with what its scores are computed with. */
export async function loadOpenOffers(ctx: AppContext, now: Date): Promise<OpenOffer[]> {
  const where = { status: { in: [...REMATCHED_STATUSES] } };
  const vacancies = await ctx.db.vacancy.findMany({ where, include: vacancyInclude });
  const listed = await candidatesOnListsOf(ctx.db, { vacancy: where });
  return Promise.all(
    vacancies.map(async (v) => {
      const offer = prepareOffer(v);
      return { offer, matchCtx: await matchContextFor(ctx, offer, now, listed.get(v.id) ?? new Set()) };
    }),
  );
}

/**
 * Rematches people as they are now against every open vacancy, scored exactly as the vacancy's
 * ranking scores them: the vacancies they now qualify for and every pair stored before are stored,
 * the stored pairs they no longer pass are dropped (all of them for a person no longer available).
 * An erased person is gone, their results with them. `open` is the open vacancies when the caller
 * already loaded them (see loadOpenOffers).
 */
export async function rematchPeople(ctx: AppContext, candidateIds: readonly string[], now: Date, open?: OpenOffer[]): Promise<MatchTally> {
  const tally = emptyTally();
  const people = await findCandidatesByIds(ctx.db, [...candidateIds]);
  if (people.length === 0) return tally;
  const offers = open ?? (await loadOpenOffers(ctx, now));
  const qualifies = (e: Parameters<typeof isQualified>[0]) => isQualified(e, ctx.matching.qualifyingScore);
  for (const person of people) {
    await letOthersThrough();
    const facts = candidateFacts(person);
    const stored = new Set((await ctx.db.matchResult.findMany({ where: { candidateId: person.id }, select: { vacancyId: true } })).map((r) => r.vacancyId));
    const reach = indexedReachKm(facts, ctx.matching);
    const evaluated = offers
      // Beyond the person's widest reach every offer fails the travel constraint (the ranking's retrieval never looks there either).
      .filter(({ offer: { facts: v } }) => stored.has(v.id) || v.lat === null || v.lon === null || haversineKm({ lat: v.lat, lon: v.lon }, facts) <= reach)
      .flatMap((o) => {
        // The hard constraints first, as the ranking does: an excluded offer is scored only when a stored pair must be dropped.
        const placed = placeMatch(o.offer, facts, null, o.matchCtx);
        if (placed.exclusions.length > 0 && !stored.has(o.offer.facts.id)) return [];
        return [{ ...o, evaluation: evaluateMatch(o.offer, facts, null, o.matchCtx, placed) }];
      });
    const passes = (e: (typeof evaluated)[number]) => e.evaluation.exclusions.length === 0;
    const kept = evaluated
      .filter((e) => passes(e) && (stored.has(e.offer.facts.id) || qualifies(e.evaluation)))
      // The congrua verdict costs more than the score: only for what is stored.
      .map((e) => evaluateMatch(e.offer, facts, null, { ...e.matchCtx, withCongrua: true }));
    const dropped = evaluated.filter((e) => !passes(e) && stored.has(e.offer.facts.id)).map((e) => e.evaluation);
    addTally(tally, await storeMatches(ctx.db, kept.map((evaluation) => ({ evaluation, qualified: qualifies(evaluation), tutorId: facts.tutorId })), dropped, ctx.matching.modelVersion, now));
  }
  return tally;
}
