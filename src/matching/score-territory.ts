import { km } from "./format-reason.js";
import type { MatchingConfig } from "./matching-config.js";
import type { CandidateFacts } from "./match-types.js";
import type { ComponentValue } from "./score-profile.js";

export interface TravelLimit {
  km: number;
  /** Declared by the person (a hard limit) or only a reference (congrua distance or the default). */
  declared: boolean;
  basis: string;
}

/**
 * How far the person can be asked to travel: what they declared (km, or minutes read as an estimate
 * of km), else the congrua distance of their programme, else the configured reference.
 */
export function travelLimit(person: CandidateFacts, congruaLimitKm: () => number | null, cfg: MatchingConfig): TravelLimit {
  if (person.maxTravelKm !== null) return { km: person.maxTravelKm, declared: true, basis: `${km(person.maxTravelKm)} dichiarati` };
  if (person.maxTravelMinutes !== null) {
    const estimate = person.maxTravelMinutes * cfg.territory.kmPerMinute;
    return { km: estimate, declared: true, basis: `${person.maxTravelMinutes} minuti dichiarati (stimati in ${km(estimate)})` };
  }
  // Asked only now: selecting the person's congrua rules costs more than the rest of the territory score.
  const congruaKm = congruaLimitKm();
  if (congruaKm !== null) return { km: congruaKm, declared: false, basis: `${km(congruaKm)} dell'offerta congrua del suo programma` };
  return { km: cfg.territory.defaultMaxTravelKm, declared: false, basis: `${km(cfg.territory.defaultMaxTravelKm)} di riferimento` };
}

/**
 * How far from home the index may match a person: their declared travel, else the widest congrua
 * reference. An upper bound only: scoring then applies the precise limit of the day.
 */
export function indexedReachKm(person: CandidateFacts, cfg: MatchingConfig): number {
  if (person.maxTravelKm !== null) return person.maxTravelKm;
  if (person.maxTravelMinutes !== null) return person.maxTravelMinutes * cfg.territory.kmPerMinute;
  return Math.max(cfg.territory.maxReferenceKm, cfg.territory.defaultMaxTravelKm);
}

/**
 * Nearer is better: full score on the doorstep, then down in a straight line to 0.2 at the travel
 * limit; beyond it 0 (and the person is excluded by the hard constraints).
 */
export function scoreTerritory(distanceKm: number | null, limit: TravelLimit, person: CandidateFacts, cfg: MatchingConfig): ComponentValue {
  if (distanceKm === null) return { value: 0, applicable: true, reason: "Sede di lavoro non indicata: distanza non valutabile" };
  const full = cfg.territory.fullScoreKm;
  const value =
    distanceKm <= full ? 1 : distanceKm >= limit.km ? (distanceKm === limit.km ? 0.2 : 0) : 1 - 0.8 * ((distanceKm - full) / Math.max(1e-9, limit.km - full));
  const where = `Domicilio a ${person.comune} (${person.province}), a ${km(distanceKm)} dalla sede`;
  const against =
    distanceKm <= limit.km ? `entro i ${limit.basis}` : `oltre i ${limit.basis}${limit.declared ? "" : ": distanza massima non dichiarata, da verificare con la persona"}`;
  return { value, applicable: true, reason: `${where}, ${against}` };
}
