import type { AppContext } from "../context.js";
import { candidatesOnVacancyLists, recentListCounts } from "../shortlists/list-membership.js";
import { interpretInContext, resolveOccupation } from "../taxonomy/occupation-taxonomy.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import { activeProgrammes } from "./active-programmes.js";
import { vacancyFacts } from "./build-facts.js";
import { rarityWeights } from "./competence-rarity.js";
import { evaluateMatch, placeMatch, type MatchContext, type PreparedOffer } from "./evaluate-match.js";
import type { MatchEvaluation, VacancyFacts } from "./match-types.js";
import { matchFilterPredicate, type MatchFilters } from "./match-filters.js";
import { narrowingOptions, type NarrowingOption } from "./narrow-pool.js";
import { rankMatches, type Scored } from "./rank-matches.js";
import { retrieveCandidates, scanAllCandidates, type RetrievalMemo } from "./retrieve-candidates.js";

export interface RankedMatch extends MatchEvaluation {
  rank: number;
  /** Reaches the qualifying score and covers some must-have competence: may go on a list. */
  qualified: boolean;
  recentLists: number;
  fairnessNote: string | null;
  candidate: { id: string; cpiCode: string; tutorId: string | null; comune: string; province: string; programmes: string[] };
}

export interface VacancyRanking {
  offer: PreparedOffer;
  /** What the scores were computed with: a caller scoring more people for the same offer reuses it. */
  matchCtx: MatchContext;
  /** People who pass the hard constraints, best first (qualified or not). */
  ranked: RankedMatch[];
  /** Qualified people within the pool scope (everyone unless RankOptions.poolScope narrows it). */
  qualifiedCount: number;
  /** The retrieval stopped at one of its limits: qualifiedCount and the narrowing counts are lower bounds. */
  countsAreLowerBounds: boolean;
  /**
   * How far the last retrieval got among the people near the workplace with a related occupation: how
   * many there were within its radius, and how many of them, the nearest, were scored. Null for a full
   * scan, without a workplace, or when the index rather than the in-memory locator answered.
   */
  related: { radiusKm: number; withinRadius: number; scored: number } | null;
  narrowing: NarrowingOption[];
  /** People the last retrieval found: checked against the hard constraints, and scored when they pass them. */
  scored: number;
}

export interface RankOptions {
  /** "full" scores every available person: the baseline retrieval is measured against. */
  scan?: "retrieval" | "full";
  today?: Date;
  /** Whom the pool counts and narrowing options are computed over (the caller's visibility); everyone by default. */
  poolScope?: (person: { cpiCode: string; tutorId: string | null }) => boolean;
  /** Only the people these keep are ranked, counted and narrowed. */
  filters?: MatchFilters;
}

/** How far down the ranking near-ties are settled by recent lists: well past any page a referent reads. */
const FAIRNESS_WINDOW = 300;
/** How many of the best get their congrua verdict (it costs more than the score): every stored match. */
const CONGRUA_WINDOW = 100;

/**
 * Who may be proposed for a list (hard constraints aside): the qualifying score, and at least part of
 * the must-have competences when the offer lists some; a profile alone does not make a candidate.
 */
export function isQualified(e: MatchEvaluation, qualifyingScore: number): boolean {
  return e.score >= qualifyingScore && (e.mustHaveCoverage === null || e.mustHaveCoverage > 0);
}

export function prepareOffer(vacancy: VacancyRecord): PreparedOffer {
  return prepareOfferFacts(vacancyFacts(vacancy));
}

/** The same from the facts an index document carries. */
export function prepareOfferFacts(facts: VacancyFacts): PreparedOffer {
  // A mistyped title with two readings is settled by the competences the offer asks for.
  const occupation = interpretInContext(resolveOccupation(facts.title, facts.profileCode), [], [...facts.mustHave, ...facts.niceToHave]);
  return { facts, occupation };
}

/**
 * Ranks the job seekers for a vacancy: retrieval from the index around the workplace (each person
 * within their own reach; the radius widens while fewer than twice the list cap qualify), scoring,
 * hard constraints, near-tie fairness, and the parameters that would narrow the pool when more qualify
 * than the list may hold.
 */
/** What scoring needs from the outside for one offer: the day, the configuration, rarities, who is already listed. */
/** `listed`: the people on the offer's open lists, when the caller read them for many offers at once. */
export async function matchContextFor(ctx: AppContext, offer: PreparedOffer, today: Date, listed?: ReadonlySet<string>): Promise<MatchContext> {
  listed ??= await candidatesOnVacancyLists(ctx.db, offer.facts.id);
  return {
    today,
    cfg: ctx.matching,
    rarity: await rarityWeights(ctx.index, [...offer.facts.mustHave, ...offer.facts.niceToHave]),
    onVacancyList: (id) => listed.has(id),
  };
}

export async function rankVacancy(ctx: AppContext, vacancy: VacancyRecord, options: RankOptions = {}): Promise<VacancyRanking> {
  const cfg = ctx.matching;
  const today = options.today ?? new Date();
  const offer = prepareOffer(vacancy);
  const matchCtx = await matchContextFor(ctx, offer, today);
  const kept = options.filters ? matchFilterPredicate(options.filters, offer.occupation, today) : () => true;
  let scored: Scored[] = [];
  let truncated = false;
  let related: VacancyRanking["related"] = null;
  let considered = 0;
  // A wider radius finds the nearer people again: they are not read again, and their scores do not change.
  const scoredBefore = new Map<string, Scored>();
  const memo: RetrievalMemo = { facts: new Map() };
  for (const radius of options.scan === "full" ? [null] : cfg.retrieval.radiiKm) {
    const retrieval = radius === null ? { people: await scanAllCandidates(ctx.index), truncated: false, related: null } : await retrieveCandidates(ctx.index, offer, radius, cfg, ctx.locator, memo);
    truncated = retrieval.truncated;
    related = radius !== null && retrieval.related ? { radiusKm: radius, ...retrieval.related } : null;
    considered = retrieval.people.length;
    // The excluded are never ranked or counted: they are not scored either.
    scored = retrieval.people.flatMap((r) => {
      const before = scoredBefore.get(r.facts.id);
      if (before) return [before];
      const placed = placeMatch(offer, r.facts, r.distanceKm, matchCtx);
      if (placed.exclusions.length > 0) return [];
      const s = { facts: r.facts, evaluation: evaluateMatch(offer, r.facts, r.distanceKm, matchCtx, placed) };
      scoredBefore.set(r.facts.id, s);
      return [s];
    });
    const qualified = scored.filter((s) => s.evaluation.exclusions.length === 0 && kept(s) && isQualified(s.evaluation, cfg.qualifyingScore)).length;
    if (qualified >= 2 * offer.facts.shortlistCap) break;
  }
  const eligible = scored.filter((s) => s.evaluation.exclusions.length === 0 && kept(s));
  const top = [...eligible].sort((a, b) => b.evaluation.score - a.evaluation.score).slice(0, FAIRNESS_WINDOW);
  const since = new Date(today.getTime() - cfg.recentListsWeeks * 7 * 86_400_000);
  const recent = await recentListCounts(ctx.db, top.map((s) => s.facts.id), since);
  const withCongrua = { ...matchCtx, withCongrua: true };
  const ranked = rankMatches(eligible, offer.facts, recent, cfg).map(
    (r): RankedMatch => ({
      ...(r.rank <= CONGRUA_WINDOW ? evaluateMatch(offer, r.facts, r.evaluation.distanceKm, withCongrua) : r.evaluation),
      rank: r.rank,
      qualified: isQualified(r.evaluation, cfg.qualifyingScore),
      recentLists: r.recentLists,
      fairnessNote: r.fairnessNote,
      reasons: r.fairnessNote ? [...r.evaluation.reasons, r.fairnessNote] : r.evaluation.reasons,
      candidate: {
        id: r.facts.id,
        cpiCode: r.facts.cpiCode,
        tutorId: r.facts.tutorId,
        comune: r.facts.comune,
        province: r.facts.province,
        programmes: activeProgrammes(r.facts, today),
      },
    }),
  );
  const inPool = options.poolScope ?? (() => true);
  const qualified = eligible.filter((s) => isQualified(s.evaluation, cfg.qualifyingScore) && inPool(s.facts));
  return {
    offer,
    matchCtx,
    ranked,
    qualifiedCount: qualified.length,
    countsAreLowerBounds: truncated,
    related,
    narrowing: narrowingOptions(qualified, offer.occupation, offer.facts.shortlistCap, today),
    scored: considered,
  };
}

/** The qualified people for a vacancy's list, best first: what building a list starts from. */
export async function rankCandidatesForVacancy(ctx: AppContext, vacancy: VacancyRecord, options: { limit: number; filters?: MatchFilters }): Promise<RankedMatch[]> {
  const { ranked } = await rankVacancy(ctx, vacancy, options.filters ? { filters: options.filters } : {});
  return ranked.filter((r) => r.qualified).slice(0, options.limit);
}
