import type { ResolvedOccupation } from "../taxonomy/occupation-taxonomy.js";
import { activeProgrammes } from "./active-programmes.js";
import { narrowingPredicate, type NarrowingFilter } from "./narrow-pool.js";
import type { Scored } from "./rank-matches.js";

/** Filters on a vacancy's pool: what the matches and building a list both take, and the pool counts honour. */
export interface MatchFilters {
  cpi?: string[] | undefined;
  programme?: string[] | undefined;
  maxDistanceKm?: number | undefined;
  narrow?: NarrowingFilter[] | undefined;
}

/** Whom the filters keep: every filter given must hold. */
export function matchFilterPredicate(filters: MatchFilters, offer: ResolvedOccupation, today: Date): (s: Scored) => boolean {
  const narrowed = narrowingPredicate(filters.narrow ?? [], offer, today);
  const { cpi, programme, maxDistanceKm } = filters;
  return (s) =>
    (!cpi?.length || cpi.includes(s.facts.cpiCode)) &&
    (maxDistanceKm === undefined || (s.evaluation.distanceKm !== null && s.evaluation.distanceKm <= maxDistanceKm)) &&
    (!programme?.length || programme.some((p) => activeProgrammes(s.facts, today).includes(p))) &&
    narrowed(s);
}
