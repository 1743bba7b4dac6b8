/**
 * Is this offer congrua for this person? One evaluation per applicable rule set, each criterion with its
 * verdict and Italian reason, plus the overall verdict across rule sets. Pure: no I/O, no clock (the offer
 * date is the only "today").
 */
import { evaluateAdiSflCriteria } from "./evaluate-adi-sfl.js";
import { evaluateL68Criteria } from "./evaluate-l68.js";
import { evaluateNaspiCriteria, naspiBand, type UnemploymentStatus } from "./evaluate-naspi.js";
import { evaluateRdc2019Criteria, evaluateRdc2022Criteria, evaluateRdc2023Criteria } from "./evaluate-rdc.js";
import { elapsedMonths, type ElapsedMonths } from "./months.js";
import { combineCriteria } from "./outcome.js";
import type { NaspiRuleSet, RuleSet } from "./rule-sets.js";
import { RULE_SETS } from "./rule-sets.js";
import { selectRuleSets, type RuleSetSelection } from "./select-rule-sets.js";
import type { CongruaEvaluation, CongruaOffer, CongruaPerson, CriterionResult, OverallCongrua, Verdict } from "./types.js";

const SUSPENSIONS_NOTE =
  "Mesi di disoccupazione contati dalla DID al giorno dell'offerta: i periodi di sospensione dello stato di disoccupazione non sono detratti.";
const L68_UNDER_ADI_NOTE = "La persona è iscritta alla L. 68/1999: i componenti iscritti non sono tenuti agli obblighi di attivazione dell'ADI.";

/** Unemployment from the DID to the offer date, or why it cannot be told. */
function unemployment(person: CongruaPerson, offer: CongruaOffer): { elapsed: ElapsedMonths | null; missingFact: string | null } {
  if (!person.availabilityDeclaredAt) return { elapsed: null, missingFact: "data della DID non nota" };
  const elapsed = elapsedMonths(person.availabilityDeclaredAt, offer.date);
  if (!elapsed) return { elapsed: null, missingFact: "DID successiva alla data dell'offerta" };
  return { elapsed, missingFact: null };
}

/**
 * @param offerNumber 1st, 2nd, 3rd… offer made to the person under the same benefit (RdC rules); null or
 *   omitted = not recorded, in which case a rule depending on it decides only if every number agrees.
 * @param catalogue the rule sets to choose from (tests and future versions); the built-in ones by default.
 */
export function evaluateCongrua(
  person: CongruaPerson,
  offer: CongruaOffer,
  offerNumber: number | null = null,
  catalogue: readonly RuleSet[] = RULE_SETS,
): CongruaEvaluation[] {
  const { elapsed, missingFact } = unemployment(person, offer);
  return selectRuleSets(person, offer.date, catalogue).map((selection) =>
    evaluateOne(selection, person, offer, offerNumber, elapsed, missingFact),
  );
}

function evaluateOne(
  { ruleSet, programme, enrolment }: RuleSetSelection,
  person: CongruaPerson,
  offer: CongruaOffer,
  offerNumber: number | null,
  elapsed: ElapsedMonths | null,
  missingFact: string | null,
): CongruaEvaluation {
  const notes: string[] = [];
  notes.push(elapsed ? SUSPENSIONS_NOTE : `Mesi di disoccupazione non calcolabili: ${missingFact ?? "dato mancante"}.`);
  notes.push(...ruleSet.notes);

  let criteria: CriterionResult[];
  let band: { id: string; label: string } | null = null;
  switch (ruleSet.kind) {
    case "naspi": {
      const status = naspiStatus(ruleSet, elapsed, missingFact);
      band = status.band ? { id: status.band.id, label: status.band.label } : null;
      criteria = evaluateNaspiCriteria(ruleSet, person, offer, enrolment, status);
      break;
    }
    case "rdc_2019": {
      const result = evaluateRdc2019Criteria(ruleSet, person, offer, enrolment, offerNumber);
      band = result.band;
      criteria = result.criteria;
      break;
    }
    case "rdc_2022":
      criteria = evaluateRdc2022Criteria(ruleSet, offer, offerNumber);
      break;
    case "rdc_2023":
      criteria = evaluateRdc2023Criteria(ruleSet);
      break;
    case "adi_sfl":
      criteria = evaluateAdiSflCriteria(ruleSet, person, offer);
      if (ruleSet.family === "adi" && person.registeredL68) notes.push(L68_UNDER_ADI_NOTE);
      break;
    case "l68":
      criteria = evaluateL68Criteria(ruleSet, person);
      break;
  }

  const evaluation: CongruaEvaluation = {
    ruleSet: {
      id: ruleSet.id,
      version: ruleSet.version,
      label: ruleSet.label,
      legalSource: ruleSet.legalSource,
      effectiveFrom: ruleSet.effectiveFrom,
      effectiveTo: ruleSet.effectiveTo,
    },
    programme,
    monthsUnemployed: elapsed ? elapsed.value : null,
    band,
    criteria,
    verdict: combineCriteria(criteria),
    refusalConsequence: ruleSet.refusalConsequence,
    notes,
  };
  if (criteria.some((c) => c.toConfirm)) evaluation.toConfirm = true;
  return evaluation;
}

function naspiStatus(ruleSet: NaspiRuleSet, elapsed: ElapsedMonths | null, missingFact: string | null): UnemploymentStatus {
  if (elapsed) return { band: naspiBand(ruleSet, elapsed.value), elapsed };
  return { band: null, missingFact: missingFact ?? "mesi di disoccupazione non noti" };
}

const SEVERITY: Record<Verdict, number> = { fail: 0, unknown: 1, pass: 2 };

/**
 * The overall verdict: "not_applicable" when no rule set binds the person; otherwise the worst verdict
 * (fail < unknown < pass). The offer is called congrua without qualification only when it is congrua under
 * every rule set that binds the person, because the service shows one verdict per person and offer and must
 * not overstate it. Sanctions follow each evaluation, not this summary: a refusal of an offer congrua
 * under NASpI costs the NASpI even if the L. 68 evaluation is "unknown".
 */
export function overallCongrua(evaluations: readonly CongruaEvaluation[]): OverallCongrua {
  let worst: Verdict | null = null;
  for (const e of evaluations) {
    if (worst === null || SEVERITY[e.verdict] < SEVERITY[worst]) worst = e.verdict;
  }
  return worst ?? "not_applicable";
}
