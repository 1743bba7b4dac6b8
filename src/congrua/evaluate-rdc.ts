/**
 * Reddito di Cittadinanza, by period: D.L. 4/2019 (distance by months of benefit and offer number, pay),
 * L. 234/2021 (distance by offer number and kind of contract), L. 197/2022 (congruity removed).
 *
 * When the offer number is not recorded, every number the offer could have is tried (decideOver): a
 * distance within the strictest rule passes, one outside every rule fails, anything else is unknown.
 */
import { fullTimeHours, checkDistance } from "./common-criteria.js";
import { atLeast, formatEuro, ordinalOffer, percentWithArticle } from "./format.js";
import { elapsedMonths, formatElapsed, isoDay } from "./months.js";
import { decideOver, fail, pass, toCriterion, unknown, type Case, type Outcome } from "./outcome.js";
import type { DistanceLimit, Rdc2019RuleSet, Rdc2022RuleSet, Rdc2023RuleSet } from "./rule-sets.js";
import type { CongruaOffer, CongruaPerson, CriterionResult, ProgrammeEnrolment } from "./types.js";

const OFFER_NUMBER_MISSING = "numero dell'offerta non registrato";

/** Offer number as an index into a rule's list: later offers use the last entry. Null when not usable. */
function offerIndex(offerNumber: number | null, count: number): number | null {
  if (offerNumber === null || !Number.isInteger(offerNumber) || offerNumber < 1) return null;
  return Math.min(offerNumber, count) - 1;
}

/** Evaluates `check` for the recorded offer number, or for every possible one when it is missing. */
function byOfferNumber(offerNumber: number | null, count: number, check: (index: number) => Outcome): Outcome {
  const index = offerIndex(offerNumber, count);
  if (index !== null) return check(index);
  const cases: Case[] = Array.from({ length: count }, (_, i) => ({
    label: i === count - 1 && count > 1 ? `come ${ordinalOffer(i + 1)} o successiva` : `come ${ordinalOffer(i + 1)}`,
    outcome: check(i),
  }));
  return decideOver(OFFER_NUMBER_MISSING, cases);
}

// ---------------------------------------------------------------------------------------------------
// D.L. 4/2019

export type RdcPeriod = "first" | "after" | "renewal";

const PERIOD_LABEL: Record<RdcPeriod, string> = {
  first: "primi 12 mesi di fruizione",
  after: "oltre 12 mesi di fruizione",
  renewal: "dopo il rinnovo",
};

export const RDC_2019_BANDS: Record<RdcPeriod, { id: string; label: string }> = {
  first: { id: "0-12", label: PERIOD_LABEL.first },
  after: { id: ">12", label: PERIOD_LABEL.after },
  renewal: { id: "rinnovo", label: PERIOD_LABEL.renewal },
};

/**
 * The benefit period on the offer date. A renewal is recognised when an earlier RdC enrolment ended before
 * this one started, or when this enrolment has run longer than a first grant (18 months): records often
 * keep a renewed benefit as one enrolment.
 */
export function rdcPeriod(
  ruleSet: Rdc2019RuleSet,
  person: CongruaPerson,
  enrolment: ProgrammeEnrolment,
  offerDate: Date,
): { period: RdcPeriod; benefitMonths: string } | null {
  const elapsed = elapsedMonths(enrolment.startDate, offerDate);
  if (!elapsed) return null;
  const earlier = person.programmes.some(
    (e) => e !== enrolment && e.programme === "RDC" && e.endDate !== null && isoDay(e.endDate) < isoDay(enrolment.startDate),
  );
  const benefitMonths = formatElapsed(elapsed);
  if (earlier || elapsed.value > ruleSet.grantMonths) return { period: "renewal", benefitMonths };
  return { period: elapsed.value <= ruleSet.firstPeriodMonths ? "first" : "after", benefitMonths };
}

export function evaluateRdc2019Criteria(
  ruleSet: Rdc2019RuleSet,
  person: CongruaPerson,
  offer: CongruaOffer,
  enrolment: ProgrammeEnrolment | null,
  offerNumber: number | null,
): { criteria: CriterionResult[]; band: { id: string; label: string } | null } {
  const period = enrolment ? rdcPeriod(ruleSet, person, enrolment, offer.date) : null;
  const distance = period
    ? byOfferNumber(offerNumber, ruleSet.offersFirstPeriod.length, (index) =>
        rdc2019Distance(ruleSet, person, offer, period.period, index, `da ${period.benefitMonths} di fruizione`),
      )
    : unknown("inizio del beneficio non registrato o successivo all'offerta: non si sa quale regola di distanza si applica");
  return {
    criteria: [toCriterion("distance", distance), toCriterion("pay_minimum", rdc2019Pay(ruleSet, offer))],
    band: period ? RDC_2019_BANDS[period.period] : null,
  };
}

function rdc2019Distance(
  ruleSet: Rdc2019RuleSet,
  person: CongruaPerson,
  offer: CongruaOffer,
  period: RdcPeriod,
  index: number,
  benefitText: string,
): Outcome {
  const base: DistanceLimit | undefined =
    period === "renewal" ? ruleSet.offerOnRenewal : (period === "first" ? ruleSet.offersFirstPeriod : ruleSet.offersAfterFirstPeriod)[index];
  if (!base) return unknown("regola di distanza non definita per questa offerta");
  const offerText = period === "renewal" ? "per un'offerta dopo il rinnovo" : `per la ${ordinalOffer(index + 1)} (${PERIOD_LABEL[period]}, ${benefitText})`;
  // The cap for households with a disabled member only changes offers that would otherwise be "anywhere"
  // (the 3rd offer; on renewal every offer — our reading, to confirm with the cap itself).
  const capApplies = base.maxKm === null && base.maxMinutes === null;
  if (!capApplies) return checkDistance(offer, base, offerText);
  const capped: DistanceLimit = { maxKm: ruleSet.disabledHouseholdMaxKm, maxMinutes: null };
  const withDisabled = (): Outcome => checkDistance(offer, capped, `${offerText}, con una persona con disabilità nel nucleo`);
  const without = (): Outcome => checkDistance(offer, base, offerText);
  switch (person.householdHasDisabledMember) {
    case true:
      return withDisabled();
    case false:
      return without();
    case null:
      return decideOver("presenza di persone con disabilità nel nucleo non nota", [
        { label: "con una persona con disabilità nel nucleo", outcome: withDisabled() },
        { label: "senza", outcome: without() },
      ]);
  }
}

/** Pay at least 10% above the maximum single-person benefit with the rent component (reported €858). */
function rdc2019Pay(ruleSet: Rdc2019RuleSet, offer: CongruaOffer): Outcome {
  const { minMonthlyPay, minUplift, referenceBenefit } = ruleSet.pay;
  const rule = `almeno ${formatEuro(minMonthlyPay.value)} al mese (${percentWithArticle(minUplift.value)} sopra ${formatEuro(referenceBenefit.value)}, beneficio massimo per una persona sola con la quota per l'affitto)`;
  const toConfirm = minMonthlyPay.toConfirm === true || minUplift.toConfirm === true;
  const gross = offer.grossMonthlyPay;
  if (gross === null) return unknown(`retribuzione non indicata: serve ${rule}`, toConfirm);
  if (atLeast(gross, minMonthlyPay.value)) return pass(`retribuzione di ${formatEuro(gross)}: ${rule}`, toConfirm);
  return fail(`retribuzione di ${formatEuro(gross)}: sotto la soglia, serve ${rule}`, toConfirm);
}

// ---------------------------------------------------------------------------------------------------
// L. 234/2021

export function evaluateRdc2022Criteria(ruleSet: Rdc2022RuleSet, offer: CongruaOffer, offerNumber: number | null): CriterionResult[] {
  const count = Math.max(ruleSet.offersOpenEndedFullTime.length, ruleSet.offersTemporaryOrPartTime.length);
  const distance = byOfferNumber(offerNumber, count, (index) => rdc2022Distance(ruleSet, offer, index));
  return [toCriterion("distance", distance)];
}

type Rdc2022Kind = "temporary_or_part_time" | "open_ended_full_time";

/** Fixed-term or part-time offers have the short limit for every offer; unknown kind → both are tried. */
function rdc2022Kind(ruleSet: Rdc2022RuleSet, offer: CongruaOffer): Rdc2022Kind | null {
  const temporary = offer.contractType === null ? null : ruleSet.contractClasses[offer.contractType] !== "open_ended";
  const partTime = offer.hoursPerWeek === null ? null : !atLeast(offer.hoursPerWeek, fullTimeHours(offer));
  if (temporary === true || partTime === true) return "temporary_or_part_time";
  if (temporary === false && partTime === false) return "open_ended_full_time";
  return null;
}

function rdc2022Distance(ruleSet: Rdc2022RuleSet, offer: CongruaOffer, index: number): Outcome {
  const limitFor = (kind: Rdc2022Kind): DistanceLimit | undefined => {
    const list = kind === "temporary_or_part_time" ? ruleSet.offersTemporaryOrPartTime : ruleSet.offersOpenEndedFullTime;
    return list[Math.min(index, list.length - 1)];
  };
  const check = (kind: Rdc2022Kind): Outcome => {
    const limit = limitFor(kind);
    if (!limit) return unknown("regola di distanza non definita per questa offerta");
    const kindText = kind === "temporary_or_part_time" ? "a tempo determinato o part time" : "a tempo indeterminato e pieno";
    return checkDistance(offer, limit, `per la ${ordinalOffer(index + 1)} ${kindText}`);
  };
  const kind = rdc2022Kind(ruleSet, offer);
  if (kind) return check(kind);
  return decideOver("tipo di contratto o orario non indicato", [
    { label: "se a tempo determinato o part time", outcome: check("temporary_or_part_time") },
    { label: "se a tempo indeterminato e pieno", outcome: check("open_ended_full_time") },
  ]);
}

// ---------------------------------------------------------------------------------------------------
// L. 197/2022

/** See RDC_L_197_2022 for why a removed congruity test gives "pass". */
export function evaluateRdc2023Criteria(ruleSet: Rdc2023RuleSet): CriterionResult[] {
  return [toCriterion("congruity_removed", pass(ruleSet.reason))];
}
