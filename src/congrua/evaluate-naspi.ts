/**
 * NASpI / DIS-COLL (art. 25 D.Lgs. 150/2015, D.M. 10 April 2018): the criteria that depend on the
 * unemployment band (coherence, distance) and those that do not (contract, hours, pay, statements).
 */
import { CONTRACT_LABEL, checkCcnlMinimum, checkCoherence, checkDistance, fullTimeHours } from "./common-criteria.js";
import { atLeast, formatEuro, formatNumber, formatPercent, ofPercent, percentWithArticle } from "./format.js";
import { formatElapsed, type ElapsedMonths } from "./months.js";
import { anyToConfirm, decideOver, fail, pass, toCriterion, unknown, type Outcome } from "./outcome.js";
import type { NaspiBand, NaspiRuleSet } from "./rule-sets.js";
import type { CongruaOffer, CongruaPerson, CriterionResult, OfferStatementKey, ProgrammeEnrolment } from "./types.js";

/** The band of `months`: the first whose upper edge (inclusive) is not below it. */
export function naspiBand(ruleSet: NaspiRuleSet, months: number): NaspiBand {
  const band = ruleSet.bands.find((b) => b.upToMonths === null || months <= b.upToMonths) ?? ruleSet.bands[ruleSet.bands.length - 1];
  if (!band) throw new Error(`Rule set ${ruleSet.id} has no bands`);
  return band;
}

/** What the person's unemployment duration says: a known band, or why it is not known. */
export type UnemploymentStatus = { band: NaspiBand; elapsed: ElapsedMonths } | { band: null; missingFact: string };

export function evaluateNaspiCriteria(
  ruleSet: NaspiRuleSet,
  person: CongruaPerson,
  offer: CongruaOffer,
  enrolment: ProgrammeEnrolment | null,
  status: UnemploymentStatus,
): CriterionResult[] {
  // Criteria by band: with the band unknown, every band is tried and the verdict kept only if they agree.
  const byBand = (check: (band: NaspiBand, context: string) => Outcome): Outcome => {
    if (status.band) {
      return check(status.band, `per chi è disoccupato da ${formatElapsed(status.elapsed)} (${status.band.label})`);
    }
    return decideOver(
      status.missingFact,
      ruleSet.bands.map((band) => ({ label: `disoccupazione ${band.label}`, outcome: check(band, `per chi è disoccupato ${band.label}`) })),
    );
  };

  return [
    toCriterion("profile_coherence", byBand((band, ctx) => checkCoherence(person.profileCoherence, band.acceptedCoherence, ctx))),
    toCriterion("distance", byBand((band, ctx) => checkDistance(offer, band.distance, ctx))),
    toCriterion("contract", checkContract(ruleSet, offer)),
    toCriterion("hours", checkHours(ruleSet, person, offer)),
    toCriterion("pay_above_benefit", checkPayAboveBenefit(ruleSet, offer, enrolment)),
    toCriterion("pay_ccnl_minimum", checkCcnlMinimum(offer)),
    toCriterion("offer_statements", checkStatements(ruleSet, offer)),
  ];
}

const ALLOWED_CONTRACTS = "tempo indeterminato, tempo determinato o somministrazione";

/** Open-ended, or fixed-term / agency of at least the minimum months. */
function checkContract(ruleSet: NaspiRuleSet, offer: CongruaOffer): Outcome {
  const type = offer.contractType;
  const min = ruleSet.minContractMonths;
  const toConfirm = anyToConfirm(min);
  const minText = `almeno ${formatNumber(min.value)} mesi`;
  if (type === null) return unknown(`tipo di contratto non indicato: sono ammessi ${ALLOWED_CONTRACTS} di ${minText}`, toConfirm);
  const label = CONTRACT_LABEL[type];
  switch (ruleSet.contractClasses[type]) {
    case "open_ended":
      return pass(`${label}: ammesso senza limiti di durata`, toConfirm);
    case "temporary": {
      const months = offer.contractMonths;
      if (months === null) return unknown(`${label} senza durata indicata: servono ${minText}`, toConfirm);
      if (atLeast(months, min.value)) return pass(`${label} di ${formatNumber(months)} mesi: ${minText}`, toConfirm);
      return fail(`${label} di ${formatNumber(months)} mesi: meno dei ${formatNumber(min.value)} mesi richiesti`, toConfirm);
    }
    case "unclear":
      return unknown(`${label}: la regola ammette ${ALLOWED_CONTRACTS} e non dice nulla di questo contratto; da verificare`, toConfirm);
    case "excluded":
      return fail(`${label}: non è tra i contratti ammessi (${ALLOWED_CONTRACTS})`, toConfirm);
  }
}

/** Full time, or at least the given share of the last contract's hours. */
function checkHours(ruleSet: NaspiRuleSet, person: CongruaPerson, offer: CongruaOffer): Outcome {
  const ratio = ruleSet.minHoursRatioOfLastContract;
  const toConfirm = anyToConfirm(ratio);
  const fullTime = fullTimeHours(offer);
  const hours = offer.hoursPerWeek;
  const share = percentWithArticle(ratio.value);
  if (hours === null) {
    return unknown(`orario settimanale non indicato: serve il tempo pieno o almeno ${share} dell'orario dell'ultimo contratto`, toConfirm);
  }
  if (atLeast(hours, fullTime)) return pass(`tempo pieno (${formatNumber(hours)} ore settimanali)`, toConfirm);
  const last = person.lastContractHoursPerWeek;
  const partTime = `part time di ${formatNumber(hours)} ore settimanali`;
  if (last === null) {
    return unknown(`${partTime}: serve l'orario dell'ultimo contratto per verificare la soglia ${ofPercent(ratio.value)}`, toConfirm);
  }
  const threshold = ratio.value * last;
  const detail = ` delle ${formatNumber(last)} ore dell'ultimo contratto (${formatNumber(threshold, 2)} ore)`;
  if (atLeast(hours, threshold)) return pass(`${partTime}: almeno ${share}${detail}`, toConfirm);
  return fail(`${partTime}: meno ${ofPercent(ratio.value)}${detail}`, toConfirm);
}

/**
 * Pay, net of the worker's contributions, at least the uplift above the benefit of the previous month.
 * The offer states gross pay, so the net is estimated with the rule set's contribution rate (to confirm);
 * the benefit is the monthly amount recorded on the enrolment (as the amount of the previous month).
 */
function checkPayAboveBenefit(ruleSet: NaspiRuleSet, offer: CongruaOffer, enrolment: ProgrammeEnrolment | null): Outcome {
  const uplift = ruleSet.minPayUpliftOverBenefit;
  const rate = ruleSet.workerContributionRate;
  const toConfirm = anyToConfirm(uplift, rate);
  const benefitName = enrolment?.programme === "DISCOLL" ? "DIS-COLL" : "NASpI";
  const gross = offer.grossMonthlyPay;
  const benefit = enrolment?.monthlyAmount ?? null;
  const upliftText = `almeno ${percentWithArticle(uplift.value)} sopra l'indennità ${benefitName} del mese precedente`;
  if (gross === null) return unknown(`retribuzione non indicata: serve ${upliftText}`, toConfirm);
  if (benefit === null) return unknown(`importo mensile della ${benefitName} non registrato: serve per verificare la soglia ${ofPercent(uplift.value)}`, toConfirm);
  const net = gross * (1 - rate.value);
  const threshold = benefit * (1 + uplift.value);
  const payText =
    `retribuzione lorda di ${formatEuro(gross)} (netta dei contributi a carico del lavoratore, stimati con l'aliquota del ${formatPercent(rate.value)}: ${formatEuro(net)})`;
  const benefitText = `l'indennità ${benefitName} di ${formatEuro(benefit)} (soglia ${formatEuro(threshold)})`;
  if (atLeast(net, threshold)) return pass(`${payText}: almeno ${percentWithArticle(uplift.value)} sopra ${benefitText}`, toConfirm);
  return fail(`${payText}: meno ${ofPercent(uplift.value)} sopra ${benefitText}`, toConfirm);
}

const STATEMENT_LABEL: Record<OfferStatementKey, string> = {
  title: "profilo professionale",
  duties: "mansioni",
  requirements: "requisiti",
  place: "sede di lavoro",
  hours: "orario",
  contractType: "tipo di contratto",
  duration: "durata",
  payOrCcnl: "retribuzione o CCNL",
};

/** Everything the offer must state; an open-ended contract states its duration by being open-ended. */
function checkStatements(ruleSet: NaspiRuleSet, offer: CongruaOffer): Outcome {
  const missing = ruleSet.requiredStatements.filter(
    (key) => !offer.states[key] && !(key === "duration" && offer.contractType === "permanent"),
  );
  if (missing.length === 0) {
    return pass(`l'offerta indica ${ruleSet.requiredStatements.map((k) => STATEMENT_LABEL[k]).join(", ")}`);
  }
  return fail(`l'offerta non indica: ${missing.map((k) => STATEMENT_LABEL[k]).join(", ")}`);
}
