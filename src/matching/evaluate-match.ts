import { minimumAgeFor, type MinimumAge } from "../reference/minimum-ages.js";
import type { ResolvedOccupation } from "../taxonomy/occupation-taxonomy.js";
import { haversineKm } from "../geo/haversine.js";
import { congruaDistanceLimitKm, congruaForMatch } from "./congrua-for-match.js";
import type { MatchingConfig } from "./matching-config.js";
import type { CandidateFacts, ComponentName, Exclusion, MatchEvaluation, ScoreComponent, VacancyFacts } from "./match-types.js";
import { hardConstraints } from "./hard-constraints.js";
import { scoreCompetences, type RarityWeight } from "./score-competences.js";
import { scorePriority } from "./score-priority.js";
import { scoreProfile, type ComponentValue } from "./score-profile.js";
import { scoreRequirements } from "./score-requirements.js";
import { scoreTerritory, travelLimit, type TravelLimit } from "./score-territory.js";

export interface MatchContext {
  today: Date;
  cfg: MatchingConfig;
  rarity: RarityWeight;
  onVacancyList: (candidateId: string) => boolean;
  /** The congrua verdict costs more than the score: rankings ask for it only for the people they show. */
  withCongrua?: boolean;
}

/** The offer as matching needs it: its facts and its occupation resolved once for all candidates. */
export interface PreparedOffer {
  facts: VacancyFacts;
  occupation: ResolvedOccupation;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

const minimumAges = new WeakMap<PreparedOffer, MinimumAge | null>();
/** Looked up once per offer: a list scores thousands of people against it. */
function minimumAgeOf(offer: PreparedOffer): MinimumAge | null {
  let age = minimumAges.get(offer);
  if (age === undefined) minimumAges.set(offer, (age = minimumAgeFor(offer.occupation.concepts[0]?.cp2011Unit ?? null)));
  return age;
}

export interface Placed {
  distance: number | null;
  limit: TravelLimit;
  exclusions: Exclusion[];
}

/**
 * The distance, the travel limit and the hard constraints: what keeps a person off the offer whatever
 * the score. Ranking checks it before scoring (which costs ten times more) and hands it to evaluateMatch.
 */
export function placeMatch(offer: PreparedOffer, person: CandidateFacts, distanceKm: number | null, ctx: MatchContext): Placed {
  const v = offer.facts;
  const distance =
    distanceKm ?? (v.lat !== null && v.lon !== null ? haversineKm({ lat: v.lat, lon: v.lon }, { lat: person.lat, lon: person.lon }) : null);
  const limit = travelLimit(person, () => congruaDistanceLimitKm(person, ctx.today), ctx.cfg);
  const exclusions = hardConstraints(v, person, {
    distanceKm: distance,
    limit,
    maxReferenceKm: ctx.cfg.territory.maxReferenceKm,
    onVacancyList: ctx.onVacancyList(person.id),
    today: ctx.today,
    minimumAge: minimumAgeOf(offer),
  });
  return { distance, limit, exclusions };
}

/**
 * Scores one person for one offer: the weighted components (0–100, weights from the configuration,
 * shared among the components the offer asks for), the priority points, the hard constraints, the
 * competences matched and missing, and the congrua verdict. Pure: the same inputs, the same answer.
 */
export function evaluateMatch(
  offer: PreparedOffer,
  person: CandidateFacts,
  distanceKm: number | null,
  ctx: MatchContext,
  placed: Placed = placeMatch(offer, person, distanceKm, ctx),
): MatchEvaluation {
  const v = offer.facts;
  const { distance, limit, exclusions } = placed;
  const profile = scoreProfile(offer.occupation, person, ctx.today);
  const competences = scoreCompetences(v, person, ctx.rarity);
  const parts: [ComponentName, ComponentValue][] = [
    ["profile", profile],
    ["competences", competences],
    ["territory", scoreTerritory(distance, limit, person, ctx.cfg)],
    ["requirements", scoreRequirements(v, person)],
  ];
  const weights = ctx.cfg.weights;
  const applicableWeight = parts.reduce((s, [name, c]) => s + (c.applicable ? weights[name as keyof typeof weights] : 0), 0);
  const components: ScoreComponent[] = parts.map(([name, c]) => {
    const weight = c.applicable && applicableWeight > 0 ? (weights[name as keyof typeof weights] / applicableWeight) * 100 : 0;
    return { name, value: round1(c.value * 100) / 100, weight: round1(weight), points: round1(weight * c.value), applicable: c.applicable, reason: c.reason };
  });
  const priority = scorePriority(person, ctx.today, ctx.cfg);
  components.push({ name: "priority", value: priority.points > 0 ? 1 : 0, weight: 0, points: priority.points, applicable: priority.points > 0, reason: priority.reason });
  const score = round1(Math.min(100, components.reduce((s, c) => s + c.points, 0)));
  return {
    vacancyId: v.id,
    candidateId: person.id,
    score,
    components,
    exclusions,
    distanceKm: distance === null ? null : round1(distance),
    mustHaveCoverage: v.mustHave.length > 0 ? competences.mustHaveCoverage : null,
    matchedCompetences: competences.matched,
    missingCompetences: competences.missing,
    congrua: ctx.withCongrua ? congruaForMatch(v, person, distance, { declared: profile.declaredLevel, overall: profile.level }, ctx.today) : null,
    reasons: [...components.filter((c) => c.applicable || c.name !== "priority").map((c) => c.reason), ...exclusions.map((e) => `Escluso: ${e.reason}`)],
  };
}
