/**
 * Which rule sets bind a person on the day of an offer.
 *
 * For each programme the person is enrolled in on that day (start ≤ day and (no end or end ≥ day)) whose
 * family has congrua rules, the rule set of that family in force on that day. NASpI and DIS-COLL share one
 * rule set; AdR and GOL have none of their own (see PROGRAMME_FAMILY). Registration for targeted placement
 * (L. 68/1999) adds its rule set even without an L68 enrolment.
 *
 * The result follows the catalogue order (RULE_SETS), whatever the order of the person's enrolments, and
 * holds each rule set once.
 */
import { isoDay } from "./months.js";
import { PROGRAMME_FAMILY, RULE_SETS, type RuleSet } from "./rule-sets.js";
import type { CongruaPerson, ProgrammeEnrolment, Programme } from "./types.js";

export interface RuleSetSelection {
  ruleSet: RuleSet;
  /** The programme that brought the rule set in. */
  programme: Programme;
  /** Its enrolment; null when the rule set comes from L. 68 registration alone. */
  enrolment: ProgrammeEnrolment | null;
}

export function isEnrolmentActive(enrolment: ProgrammeEnrolment, day: string): boolean {
  return isoDay(enrolment.startDate) <= day && (enrolment.endDate === null || isoDay(enrolment.endDate) >= day);
}

export function isRuleSetInForce(ruleSet: RuleSet, day: string): boolean {
  return ruleSet.effectiveFrom <= day && (ruleSet.effectiveTo === null || ruleSet.effectiveTo >= day);
}

export function selectRuleSets(
  person: Pick<CongruaPerson, "programmes" | "registeredL68">,
  offerDate: Date,
  catalogue: readonly RuleSet[] = RULE_SETS,
): RuleSetSelection[] {
  const day = isoDay(offerDate);
  const active = person.programmes.filter((e) => isEnrolmentActive(e, day) && PROGRAMME_FAMILY[e.programme] !== null);

  const selections: RuleSetSelection[] = [];
  const seenFamilies = new Set<string>();
  for (const ruleSet of inForceByFamily(catalogue, day)) {
    if (seenFamilies.has(ruleSet.family)) continue;
    const trigger = firstTrigger(ruleSet, active);
    if (trigger) {
      selections.push({ ruleSet, programme: trigger.programme, enrolment: trigger });
      seenFamilies.add(ruleSet.family);
    } else if (ruleSet.family === "l68" && person.registeredL68) {
      selections.push({ ruleSet, programme: "L68", enrolment: null });
      seenFamilies.add(ruleSet.family);
    }
  }
  return selections;
}

/**
 * The rule sets in force on `day`, in catalogue order. Should two versions of one family overlap (a
 * catalogue mistake), the one that started last, then the higher version, wins and keeps its place.
 */
function inForceByFamily(catalogue: readonly RuleSet[], day: string): RuleSet[] {
  const inForce = catalogue.filter((r) => isRuleSetInForce(r, day));
  return inForce.filter((r) =>
    inForce.every(
      (other) =>
        other === r ||
        other.family !== r.family ||
        other.effectiveFrom < r.effectiveFrom ||
        (other.effectiveFrom === r.effectiveFrom && other.version < r.version),
    ),
  );
}

/** The first active enrolment in the rule set's own programme order (NASPI before DISCOLL). */
function firstTrigger(ruleSet: RuleSet, active: readonly ProgrammeEnrolment[]): ProgrammeEnrolment | undefined {
  for (const programme of ruleSet.programmes) {
    const enrolment = active.find((e) => e.programme === programme);
    if (enrolment) return enrolment;
  }
  return undefined;
}
