/**
 * ADI and SFL (art. 9 D.L. 48/2023): contract type, distance by kind of contract and household, hours as a
 * share of full time, CCNL minimums.
 */
import { checkCcnlMinimum, checkContractType, checkDistance, checkHoursShareOfFullTime } from "./common-criteria.js";
import { decideOver, toCriterion, type Outcome } from "./outcome.js";
import type { AdiSflRuleSet } from "./rule-sets.js";
import type { CongruaOffer, CongruaPerson, CriterionResult } from "./types.js";

const ALLOWED_CONTRACTS = "tempo indeterminato, tempo determinato o somministrazione";

export function evaluateAdiSflCriteria(ruleSet: AdiSflRuleSet, person: CongruaPerson, offer: CongruaOffer): CriterionResult[] {
  return [
    toCriterion("contract", checkContractType(offer, ruleSet.contractClasses, ALLOWED_CONTRACTS)),
    toCriterion("distance", adiDistance(ruleSet, person, offer)),
    toCriterion("hours", checkHoursShareOfFullTime(offer, ruleSet.minPartTimeRatio)),
    toCriterion("pay_ccnl_minimum", checkCcnlMinimum(offer)),
  ];
}

/**
 * Open-ended: anywhere, but within the short limit when the household has children under 14 (unknown
 * household → both tried). Fixed-term / agency, and any other contract, within the short limit. Unknown or
 * unclear contract → both kinds tried, the temporary (stricter) first.
 */
function adiDistance(ruleSet: AdiSflRuleSet, person: CongruaPerson, offer: CongruaOffer): Outcome {
  const temporary = (): Outcome => checkDistance(offer, ruleSet.temporary, "per un contratto a tempo determinato o in somministrazione");
  const withChildren = (): Outcome =>
    checkDistance(offer, ruleSet.openEndedWithChildrenUnder14, "per un contratto a tempo indeterminato con figli minori di 14 anni nel nucleo");
  const withoutChildren = (): Outcome =>
    checkDistance(offer, ruleSet.openEnded, "per un contratto a tempo indeterminato senza figli minori di 14 anni nel nucleo");
  const openEnded = (): Outcome => {
    switch (person.householdHasChildrenUnder14) {
      case true:
        return withChildren();
      case false:
        return withoutChildren();
      case null:
        return decideOver("presenza di figli minori di 14 anni nel nucleo non nota", [
          { label: "con figli minori di 14 anni", outcome: withChildren() },
          { label: "senza", outcome: withoutChildren() },
        ]);
    }
  };
  const kind = offer.contractType === null ? "unclear" : ruleSet.contractClasses[offer.contractType];
  switch (kind) {
    case "open_ended":
      return openEnded();
    case "temporary":
    case "excluded":
      return temporary();
    case "unclear":
      return decideOver(offer.contractType === null ? "tipo di contratto non indicato" : "tipo di contratto non previsto dalla regola", [
        { label: "se a tempo determinato", outcome: temporary() },
        { label: "se a tempo indeterminato", outcome: openEnded() },
      ]);
  }
}
