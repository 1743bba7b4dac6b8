import type { AppContext } from "../context.js";
import type { RetrievedDocument } from "../indexing/search-index.js";
import { rarityWeights } from "./competence-rarity.js";
import { evaluateMatch, type MatchContext, type PreparedOffer } from "./evaluate-match.js";
import type { CandidateFacts, MatchEvaluation, VacancyFacts } from "./match-types.js";
import { prepareOfferFacts } from "./rank-vacancy-candidates.js";
import { indexedReachKm, travelLimit, type TravelLimit } from "./score-territory.js";

/** The vacancy states a person can still be put forward for. */
export const OPEN_VACANCY_STATUSES = ["open", "in_preselection"];

export interface ScoredOffer {
  prepared: PreparedOffer;
  distanceKm: number | null;
  evaluation: MatchEvaluation;
}

export interface PersonOffers {
  scored: ScoredOffer[];
  /** What the scores were computed with: re-scoring the same person (or a variant of them) reuses it. */
  matchContext: (offer: PreparedOffer) => MatchContext;
}

/** How far from home a person's offers are looked for: the travel they declared, else the widest congrua reference. */
export function personReach(person: CandidateFacts, ctx: AppContext): { limit: TravelLimit; radiusKm: number } {
  const limit = travelLimit(person, () => null, ctx.matching);
  return { limit, radiusKm: limit.declared ? limit.km : indexedReachKm(person, ctx.matching) };
}

/**
 * Scores a person against the vacancies retrieved for them (each once, however many retrievals found
 * it), with the rarity of the competences asked and the lists the person is already on: the same
 * evaluation a vacancy's ranking gives the pair.
 */
export async function scoreOffersForPerson(ctx: AppContext, person: CandidateFacts, documents: RetrievedDocument[], today: Date): Promise<PersonOffers> {
  const offers = new Map<string, { prepared: PreparedOffer; distanceKm: number | null }>();
  for (const d of documents) {
    const facts = d.payload as VacancyFacts | null;
    if (!facts || offers.has(d.id)) continue;
    offers.set(d.id, { prepared: prepareOfferFacts(facts), distanceKm: d.distanceKm });
  }
  const rarity = await rarityWeights(ctx.index, [...offers.values()].flatMap(({ prepared }) => [...prepared.facts.mustHave, ...prepared.facts.niceToHave]));
  const onLists = new Set(
    (
      await ctx.db.shortlistEntry.findMany({
        where: { candidateId: person.id, removedAt: null, shortlist: { status: { in: ["draft", "sent"] } } },
        select: { shortlist: { select: { vacancyId: true } } },
      })
    ).map((e) => e.shortlist.vacancyId),
  );
  const matchContext = (offer: PreparedOffer): MatchContext => ({ today, cfg: ctx.matching, rarity, onVacancyList: () => onLists.has(offer.facts.id) });
  const scored = [...offers.values()].map(({ prepared, distanceKm }) => ({
    prepared,
    distanceKm,
    evaluation: evaluateMatch(prepared, person, distanceKm, matchContext(prepared)),
  }));
  return { scored, matchContext };
}
