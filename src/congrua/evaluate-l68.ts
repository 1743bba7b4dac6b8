/**
 * Targeted placement (L. 68/1999): the offer must correspond to the professional requirements and to the
 * availability declared at registration. Only the profile part can be checked; the D.M. 2018 section for
 * disabled people could not be read, so the rest is reported as unknown and to confirm.
 */
import { checkCoherence } from "./common-criteria.js";
import { toCriterion, unknown } from "./outcome.js";
import type { L68RuleSet } from "./rule-sets.js";
import type { CongruaPerson, CriterionResult } from "./types.js";

export function evaluateL68Criteria(ruleSet: L68RuleSet, person: CongruaPerson): CriterionResult[] {
  return [
    toCriterion(
      "profile_coherence",
      checkCoherence(
        person.profileCoherence,
        ruleSet.acceptedCoherence,
        "per chi è iscritto al collocamento mirato",
        "l'offerta deve corrispondere alle professioni e alla disponibilità dichiarate all'iscrizione",
      ),
    ),
    toCriterion("l68_other_criteria", unknown(ruleSet.otherCriteriaToConfirm, true)),
  ];
}
