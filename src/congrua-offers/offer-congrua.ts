/**
 * The congrua verdict of one offer for one person on the day it was made, in the form it is stored and
 * shown ever after: rules change (a figure confirmed, a new version), and an offer must keep showing the
 * evaluation its outcome was judged on. The mapping from person and offer to the evaluator's inputs is
 * matching's (congruaForMatch), so an offer recorded here and the same vacancy in the matches agree.
 */
import { isoDay } from "../congrua/months.js";
import type { CongruaEvaluation, OverallCongrua } from "../congrua/types.js";
import { haversineKm } from "../geo/haversine.js";
import { activeProgrammes } from "../matching/active-programmes.js";
import { congruaForMatch } from "../matching/congrua-for-match.js";
import type { CandidateFacts, VacancyFacts } from "../matching/match-types.js";
import { scoreProfile } from "../matching/score-profile.js";
import { resolveOccupation } from "../taxonomy/occupation-taxonomy.js";
import { VERDICT_LABELS } from "./congrua-offer-states.js";

export interface StoredCongrua {
  verdict: OverallCongrua;
  verdictLabel: string;
  /** The day the rules were applied: the day of the offer. */
  evaluatedOn: string;
  evaluations: CongruaEvaluation[];
  /** Registered under L. 68/1999 that day: members registered are not bound by the ADI activation duties. */
  registeredL68: boolean;
}

export interface RuleSetVersion {
  id: string;
  version: number;
  programme: string;
}

export function evaluateOfferCongrua(offer: VacancyFacts, person: CandidateFacts, day: Date): { congrua: StoredCongrua; ruleSetVersions: RuleSetVersion[] } {
  const profile = scoreProfile(resolveOccupation(offer.title, offer.profileCode), person, day);
  const distanceKm = offer.lat !== null && offer.lon !== null ? haversineKm({ lat: offer.lat, lon: offer.lon }, { lat: person.lat, lon: person.lon }) : null;
  const { verdict, evaluations } = congruaForMatch(offer, person, distanceKm, { declared: profile.declaredLevel, overall: profile.level }, day);
  return {
    congrua: {
      verdict,
      verdictLabel: VERDICT_LABELS[verdict],
      evaluatedOn: isoDay(day),
      evaluations,
      registeredL68: activeProgrammes(person, day).includes("L68"),
    },
    ruleSetVersions: evaluations.map((e) => ({ id: e.ruleSet.id, version: e.ruleSet.version, programme: e.programme })),
  };
}
