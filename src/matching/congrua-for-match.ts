import { evaluateCongrua, overallCongrua } from "../congrua/evaluate-congrua.js";
import { naspiBand } from "../congrua/evaluate-naspi.js";
import { elapsedMonths } from "../congrua/months.js";
import type { DistanceLimit } from "../congrua/rule-sets.js";
import { selectRuleSets } from "../congrua/select-rule-sets.js";
import type { CongruaEvaluation, CongruaOffer, CongruaPerson, ContractType, Programme, ProfileCoherence } from "../congrua/types.js";
import { activeProgrammes } from "./active-programmes.js";
import { parseDay } from "./dates.js";
import type { CandidateFacts, CongruaVerdict, VacancyFacts } from "./match-types.js";

export interface CongruaForMatch {
  verdict: CongruaVerdict;
  evaluations: CongruaEvaluation[];
}

/**
 * How the offer's occupation stands to the person's service pact, in the evaluator's terms: the same
 * occupation when a declared profile is the same job (the same CP2011 unit, or an interchangeable one); the same sector when
 * a declared profile or a past job is in the same or a related group; unknown without any profile or job.
 */
function coherence(person: CandidateFacts, declaredLevel: string, overallLevel: string): ProfileCoherence | null {
  if (person.profiles.length === 0 && person.experiences.length === 0) return null;
  // Interchangeable occupations (data/taxonomy/interchangeable-occupations.csv) are the same job to a referent.
  if (["same_occupation", "same_unit", "interchangeable"].includes(declaredLevel)) return "same_occupation";
  if (["same_occupation", "same_unit", "interchangeable", "same_group", "related_group"].includes(overallLevel)) return "same_sector";
  return "other";
}

function offerOf(v: VacancyFacts, distanceKm: number | null, today: Date): CongruaOffer {
  const stated = (value: unknown) => value !== null && value !== undefined && value !== "";
  return {
    date: today,
    distanceKm,
    travelMinutesByPublicTransport: null,
    contractType: v.contractType as ContractType | null,
    contractMonths: v.contractMonths,
    hoursPerWeek: v.hoursPerWeek,
    grossMonthlyPay: v.grossMonthlyPay,
    ccnl: v.ccnl,
    states: {
      title: stated(v.requestedProfile),
      duties: v.mustHave.length > 0 || stated(v.competencesText),
      requirements: v.mustHave.length + v.licences.length + v.languages.length > 0 || stated(v.education) || stated(v.competencesText),
      place: stated(v.comune),
      hours: stated(v.hoursPerWeek),
      contractType: stated(v.contractType),
      duration: v.contractType === "permanent" || stated(v.contractMonths),
      payOrCcnl: stated(v.grossMonthlyPay) || stated(v.ccnl),
    },
  };
}

function personOf(p: CandidateFacts, profileCoherence: ProfileCoherence | null, today: Date): CongruaPerson {
  return {
    programmes: p.programmes.map((x) => ({
      programme: x.programme as Programme,
      startDate: parseDay(x.start),
      endDate: x.end ? parseDay(x.end) : null,
      monthlyAmount: x.amount,
    })),
    availabilityDeclaredAt: p.availabilityDeclaredAt ? parseDay(p.availabilityDeclaredAt) : null,
    profileCoherence,
    householdHasChildrenUnder14: p.householdHasChildrenUnder14,
    householdHasDisabledMember: p.householdHasDisabledMember,
    lastContractHoursPerWeek: p.lastContractHoursPerWeek,
    registeredL68: activeProgrammes(p, today).includes("L68"),
  };
}

const maxKm = (d: DistanceLimit | undefined): number | null => d?.maxKm?.value ?? null;

/**
 * The workplace distance the person's congrua rules allow on this day, as a travel reference for
 * people who declared none: the strictest km limit among their rule sets (NASpI by unemployment band,
 * ADI/SFL and RdC for temporary jobs and first offers). Without a DID the NASpI band is unknown and the
 * widest band applies: a reference must not exclude anyone the rules might not.
 */
export function congruaDistanceLimitKm(person: CandidateFacts, today: Date): number | null {
  if (person.programmes.length === 0) return null;
  const limits: number[] = [];
  for (const { ruleSet } of selectRuleSets(personOf(person, null, today), today)) {
    let km: number | null = null;
    switch (ruleSet.kind) {
      case "naspi": {
        const elapsed = person.availabilityDeclaredAt ? elapsedMonths(parseDay(person.availabilityDeclaredAt), today) : null;
        km = elapsed ? maxKm(naspiBand(ruleSet, elapsed.value).distance) : Math.max(...ruleSet.bands.map((b) => maxKm(b.distance) ?? 0));
        break;
      }
      case "adi_sfl":
        km = maxKm(ruleSet.temporary);
        break;
      case "rdc_2019":
        km = maxKm(ruleSet.offersFirstPeriod[0]);
        break;
      case "rdc_2022":
        km = maxKm(ruleSet.offersTemporaryOrPartTime[0]);
        break;
      default:
        km = null;
    }
    if (km !== null && km > 0) limits.push(km);
  }
  return limits.length > 0 ? Math.min(...limits) : null;
}

/** The congrua verdict for a match, criterion by criterion, on the day the list is built. */
export function congruaForMatch(v: VacancyFacts, person: CandidateFacts, distanceKm: number | null, levels: { declared: string; overall: string }, today: Date): CongruaForMatch {
  const evaluations = evaluateCongrua(personOf(person, coherence(person, levels.declared, levels.overall), today), offerOf(v, distanceKm, today));
  return { verdict: overallCongrua(evaluations), evaluations };
}
