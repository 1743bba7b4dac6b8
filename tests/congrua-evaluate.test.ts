import { describe, expect, it } from "vitest";
import { evaluateCongrua, overallCongrua } from "../src/congrua/evaluate-congrua.js";
import { NASPI_DM_2018 } from "../src/congrua/rule-sets.js";
import type {
  CongruaEvaluation,
  CongruaOffer,
  CongruaPerson,
  CriterionId,
  Programme,
  ProgrammeEnrolment,
  Verdict,
} from "../src/congrua/types.js";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const enrol = (programme: Programme, start: string, end: string | null = null, monthlyAmount: number | null = 1000): ProgrammeEnrolment => ({
  programme,
  startDate: d(start),
  endDate: end === null ? null : d(end),
  monthlyAmount,
});

const ALL_STATED = { title: true, duties: true, requirements: true, place: true, hours: true, contractType: true, duration: true, payOrCcnl: true };

/** A person and an offer for which every NASpI criterion passes (DID 15/01/2024, NASpI €1,000). */
const basePerson = (over: Partial<CongruaPerson> = {}): CongruaPerson => ({
  programmes: [enrol("NASPI", "2024-01-15")],
  availabilityDeclaredAt: d("2024-01-15"),
  profileCoherence: "same_occupation",
  householdHasChildrenUnder14: false,
  householdHasDisabledMember: false,
  lastContractHoursPerWeek: 40,
  registeredL68: false,
  ...over,
});

const baseOffer = (over: Partial<CongruaOffer> = {}): CongruaOffer => ({
  date: d("2024-03-01"),
  distanceKm: 20,
  travelMinutesByPublicTransport: null,
  contractType: "permanent",
  contractMonths: null,
  hoursPerWeek: 40,
  fullTimeHoursPerWeek: 40,
  grossMonthlyPay: 2000,
  ccnl: "Commercio",
  states: { ...ALL_STATED },
  ...over,
});

function evaluationOf(evals: CongruaEvaluation[], ruleSetId: string): CongruaEvaluation {
  const e = evals.find((x) => x.ruleSet.id === ruleSetId);
  if (!e) throw new Error(`no evaluation for ${ruleSetId}; got ${evals.map((x) => x.ruleSet.id).join(", ")}`);
  return e;
}

function criterionOf(evals: CongruaEvaluation[], ruleSetId: string, criterion: CriterionId) {
  const c = evaluationOf(evals, ruleSetId).criteria.find((x) => x.criterion === criterion);
  if (!c) throw new Error(`no criterion ${criterion} in ${ruleSetId}`);
  return c;
}

const NASPI = "naspi-discoll-dm-2018";
const RDC19 = "rdc-dl-4-2019";
const RDC22 = "rdc-l-234-2021";
const RDC23 = "rdc-l-197-2022";
const ADI = "adi-dl-48-2023";
const SFL = "sfl-dl-48-2023";
const L68 = "l68-1999";

describe("NASpI: a complete congrua offer", () => {
  it("passes every criterion and overall", () => {
    const evals = evaluateCongrua(basePerson(), baseOffer());
    expect(evals).toHaveLength(1);
    const e = evaluationOf(evals, NASPI);
    expect(e.criteria.map((c) => [c.criterion, c.verdict])).toEqual([
      ["profile_coherence", "pass"],
      ["distance", "pass"],
      ["contract", "pass"],
      ["hours", "pass"],
      ["pay_above_benefit", "pass"],
      ["pay_ccnl_minimum", "pass"],
      ["offer_statements", "pass"],
    ]);
    expect(e.verdict).toBe("pass");
    expect(e.programme).toBe("NASPI");
    expect(e.ruleSet).toMatchObject({ id: NASPI, version: 1, effectiveFrom: "2018-07-14", effectiveTo: null });
    expect(e.notes.join(" ")).toContain("periodi di sospensione");
    expect(overallCongrua(evals)).toBe("pass");
  });

  it("says the figures in the reason", () => {
    const evals = evaluateCongrua(basePerson(), baseOffer({ date: d("2024-08-16"), distanceKm: 63.2 }));
    const c = criterionOf(evals, NASPI, "distance");
    expect(c.verdict).toBe("fail");
    expect(c.reason).toContain("sede a 63,2 km: oltre il limite di 50 km per chi è disoccupato da 7 mesi");
    expect(c.toConfirm).toBe(true);
  });
});

describe("NASpI: months unemployed and band (DID 15/01/2024)", () => {
  const rows: Array<[string, string, string, number]> = [
    ["6 months exactly", "2024-07-15", "0-6", 6],
    ["6 months and 1 day", "2024-07-16", "6-12", 6 + 1 / 31],
    ["12 months exactly", "2025-01-15", "6-12", 12],
    ["12 months and 1 day", "2025-01-16", ">12", 12 + 1 / 31],
  ];
  it.each(rows)("%s → band %s", (_name, offerDay, band, months) => {
    const e = evaluationOf(evaluateCongrua(basePerson(), baseOffer({ date: d(offerDay) })), NASPI);
    expect(e.band?.id).toBe(band);
    expect(e.monthsUnemployed).toBeCloseTo(months, 10);
  });

  it("no DID → months and band null, with a note", () => {
    const e = evaluationOf(evaluateCongrua(basePerson({ availabilityDeclaredAt: null }), baseOffer()), NASPI);
    expect(e.monthsUnemployed).toBeNull();
    expect(e.band).toBeNull();
    expect(e.notes.join(" ")).toContain("DID non nota");
  });

  it("DID after the offer → months null", () => {
    const e = evaluationOf(evaluateCongrua(basePerson({ availabilityDeclaredAt: d("2024-04-01") }), baseOffer()), NASPI);
    expect(e.monthsUnemployed).toBeNull();
    expect(e.notes.join(" ")).toContain("DID successiva");
  });
});

// Offer days for each band with DID 15/01/2024.
const BAND_DAY: Record<string, string> = { "0-6": "2024-07-15", "6-12": "2025-01-15", ">12": "2025-01-16", "6+1d": "2024-07-16" };

describe("NASpI: distance by band (km or public-transport minutes)", () => {
  const rows: Array<[string, string, number | null, number | null, Verdict, boolean]> = [
    ["0-6: 50 km passes", "0-6", 50, null, "pass", true],
    ["0-6: 50.1 km fails", "0-6", 50.1, null, "fail", true],
    ["6-12 (6 months + 1 day): 50 km passes", "6+1d", 50, null, "pass", true],
    ["6-12 (12 months): 50.1 km fails", "6-12", 50.1, null, "fail", true],
    [">12: 80 km passes", ">12", 80, null, "pass", false],
    [">12: 80.1 km fails", ">12", 80.1, null, "fail", false],
    ["0-6: 80 minutes pass without km", "0-6", null, 80, "pass", true],
    ["0-6: 81 minutes fail without km", "0-6", null, 81, "fail", true],
    [">12: 100 minutes pass", ">12", null, 100, "pass", false],
    [">12: 101 minutes fail", ">12", null, 101, "fail", false],
    ["0-6: km over but minutes within → pass", "0-6", 70, 60, "pass", true],
    ["0-6: km within but minutes over → pass", "0-6", 40, 95, "pass", true],
    ["0-6: both over → fail", "0-6", 70, 95, "fail", true],
    ["0-6: nothing known → unknown", "0-6", null, null, "unknown", true],
    [">12: nothing known → unknown", ">12", null, null, "unknown", false],
  ];
  it.each(rows)("%s", (_name, band, km, minutes, verdict, toConfirm) => {
    const evals = evaluateCongrua(basePerson(), baseOffer({ date: d(BAND_DAY[band]!), distanceKm: km, travelMinutesByPublicTransport: minutes }));
    const c = criterionOf(evals, NASPI, "distance");
    expect(c.verdict).toBe(verdict);
    expect(c.toConfirm === true).toBe(toConfirm);
  });

  it("a km failure says the travel time is not known", () => {
    const c = criterionOf(evaluateCongrua(basePerson(), baseOffer({ date: d("2024-07-15"), distanceKm: 50.1 })), NASPI, "distance");
    expect(c.reason).toContain("tempo di percorrenza con i mezzi pubblici non noto");
  });

  const noDid: Array<[string, number, Verdict]> = [
    ["within every band's limit → pass", 50, "pass"],
    ["beyond every band's limit → fail", 80.1, "fail"],
    ["between the limits → unknown", 63, "unknown"],
  ];
  it.each(noDid)("no DID, %s", (_name, km, verdict) => {
    const c = criterionOf(evaluateCongrua(basePerson({ availabilityDeclaredAt: null }), baseOffer({ distanceKm: km })), NASPI, "distance");
    expect(c.verdict).toBe(verdict);
    expect(c.reason).toContain("data della DID non nota");
  });
});

describe("NASpI: coherence with the profile by band", () => {
  const rows: Array<[string, string, CongruaPerson["profileCoherence"], Verdict]> = [
    ["0-6, same occupation", "0-6", "same_occupation", "pass"],
    ["0-6, same sector", "0-6", "same_sector", "fail"],
    ["0-6, other", "0-6", "other", "fail"],
    ["0-6, unknown", "0-6", null, "unknown"],
    ["6+1d, same sector", "6+1d", "same_sector", "pass"],
    ["6-12, other", "6-12", "other", "fail"],
    ["6-12, unknown", "6-12", null, "unknown"],
    [">12, other", ">12", "other", "pass"],
    [">12, unknown: any sector is congrua, the fact is not needed", ">12", null, "pass"],
  ];
  it.each(rows)("%s → %s", (_name, band, coherence, verdict) => {
    const evals = evaluateCongrua(basePerson({ profileCoherence: coherence }), baseOffer({ date: d(BAND_DAY[band]!) }));
    expect(criterionOf(evals, NASPI, "profile_coherence").verdict).toBe(verdict);
  });

  const noDid: Array<[string, CongruaPerson["profileCoherence"], Verdict]> = [
    ["same occupation passes in every band", "same_occupation", "pass"],
    ["same sector depends on the band", "same_sector", "unknown"],
    ["other depends on the band", "other", "unknown"],
  ];
  it.each(noDid)("no DID: %s", (_name, coherence, verdict) => {
    const evals = evaluateCongrua(basePerson({ availabilityDeclaredAt: null, profileCoherence: coherence }), baseOffer());
    expect(criterionOf(evals, NASPI, "profile_coherence").verdict).toBe(verdict);
  });
});

describe("NASpI: contract type and duration", () => {
  const rows: Array<[string, Partial<CongruaOffer>, Verdict]> = [
    ["open-ended", { contractType: "permanent", contractMonths: null }, "pass"],
    ["fixed-term 3 months", { contractType: "fixed_term", contractMonths: 3 }, "pass"],
    ["fixed-term 2 months", { contractType: "fixed_term", contractMonths: 2 }, "fail"],
    ["agency 3 months", { contractType: "agency", contractMonths: 3 }, "pass"],
    ["agency 2 months", { contractType: "agency", contractMonths: 2 }, "fail"],
    ["fixed-term, duration missing", { contractType: "fixed_term", contractMonths: null }, "unknown"],
    ["apprenticeship (not listed by the rule)", { contractType: "apprenticeship", contractMonths: null }, "unknown"],
    ["internship", { contractType: "internship", contractMonths: 6 }, "fail"],
    ["occasional work", { contractType: "occasional", contractMonths: 6 }, "fail"],
    ["contract type missing", { contractType: null }, "unknown"],
  ];
  it.each(rows)("%s → %s", (_name, over, verdict) => {
    expect(criterionOf(evaluateCongrua(basePerson(), baseOffer(over)), NASPI, "contract").verdict).toBe(verdict);
  });

  it("names the figures", () => {
    const c = criterionOf(evaluateCongrua(basePerson(), baseOffer({ contractType: "fixed_term", contractMonths: 2 })), NASPI, "contract");
    expect(c.reason).toBe("contratto a tempo determinato di 2 mesi: meno dei 3 mesi richiesti");
  });
});

describe("NASpI: hours (full time or ≥ 80% of the last contract)", () => {
  const rows: Array<[string, number | null, number | null, number | null, Verdict]> = [
    ["full time", 40, 40, null, "pass"],
    ["full time, last contract unknown", 40, null, null, "pass"],
    ["32 h of a 40 h last contract (80% exactly)", 32, 40, null, "pass"],
    ["31.9 h of a 40 h last contract", 31.9, 40, null, "fail"],
    ["30 h of a 37.5 h last contract (80% exactly)", 30, 37.5, null, "pass"],
    ["29.9 h of a 37.5 h last contract", 29.9, 37.5, null, "fail"],
    ["part time after a part-time contract: 16 h of 20 h", 16, 20, null, "pass"],
    ["part time, last contract unknown", 30, null, null, "unknown"],
    ["hours missing", null, 40, null, "unknown"],
    ["36 h when full time is 36 h", 36, 40, 36, "pass"],
  ];
  it.each(rows)("%s → %s", (_name, hours, last, fullTime, verdict) => {
    const offer = baseOffer({ hoursPerWeek: hours, ...(fullTime === null ? { fullTimeHoursPerWeek: undefined } : { fullTimeHoursPerWeek: fullTime }) });
    const c = criterionOf(evaluateCongrua(basePerson({ lastContractHoursPerWeek: last }), offer), NASPI, "hours");
    expect(c.verdict).toBe(verdict);
  });

  it("full time defaults to 40 hours", () => {
    const c = criterionOf(evaluateCongrua(basePerson({ lastContractHoursPerWeek: null }), baseOffer({ hoursPerWeek: 39, fullTimeHoursPerWeek: null })), NASPI, "hours");
    expect(c.verdict).toBe("unknown");
    expect(c.reason).toContain("soglia dell'80%");
  });
});

describe("NASpI: pay (net of contributions ≥ benefit + 20%; CCNL minimums)", () => {
  const rate = NASPI_DM_2018.workerContributionRate.value;
  const edgeGross = 1200 / (1 - rate); // net exactly 120% of a €1,000 benefit
  const rows: Array<[string, number | null, number | null, Verdict]> = [
    ["net exactly 20% above the benefit", edgeGross, 1000, "pass"],
    ["one cent below the 20% edge", edgeGross - 0.01, 1000, "fail"],
    ["gross 20% above but net below", 1200, 1000, "fail"],
    ["well above", 2000, 1000, "pass"],
    ["pay missing", null, 1000, "unknown"],
    ["benefit amount missing", 2000, null, "unknown"],
  ];
  it.each(rows)("%s → %s", (_name, gross, benefit, verdict) => {
    const p = basePerson({ programmes: [enrol("NASPI", "2024-01-15", null, benefit)] });
    const c = criterionOf(evaluateCongrua(p, baseOffer({ grossMonthlyPay: gross })), NASPI, "pay_above_benefit");
    expect(c.verdict).toBe(verdict);
    expect(c.toConfirm).toBe(true); // the contribution rate is a default to confirm
  });

  it("uses the DIS-COLL amount for a DIS-COLL recipient and says so", () => {
    const p = basePerson({ programmes: [enrol("DISCOLL", "2024-01-15", null, 1500)] });
    const c = criterionOf(evaluateCongrua(p, baseOffer({ grossMonthlyPay: 1900 })), NASPI, "pay_above_benefit");
    expect(c.verdict).toBe("fail");
    expect(c.reason).toContain("DIS-COLL di € 1.500,00 (soglia € 1.800,00)");
  });

  const ccnl: Array<[string, string | null, Verdict]> = [
    ["CCNL stated", "Commercio", "pass"],
    ["no CCNL", null, "unknown"],
    ["blank CCNL", "   ", "unknown"],
  ];
  it.each(ccnl)("%s → %s", (_name, value, verdict) => {
    expect(criterionOf(evaluateCongrua(basePerson(), baseOffer({ ccnl: value })), NASPI, "pay_ccnl_minimum").verdict).toBe(verdict);
  });
});

describe("NASpI: what the offer states", () => {
  const rows: Array<[string, Partial<CongruaOffer>, Verdict, string | null]> = [
    ["everything stated", {}, "pass", null],
    ["duties and hours missing", { states: { ...ALL_STATED, duties: false, hours: false } }, "fail", "l'offerta non indica: mansioni, orario"],
    ["open-ended without a duration: the duration is implicit", { states: { ...ALL_STATED, duration: false } }, "pass", null],
    [
      "fixed-term without a duration",
      { contractType: "fixed_term", contractMonths: 6, states: { ...ALL_STATED, duration: false } },
      "fail",
      "l'offerta non indica: durata",
    ],
    ["no pay nor CCNL stated", { states: { ...ALL_STATED, payOrCcnl: false } }, "fail", "l'offerta non indica: retribuzione o CCNL"],
  ];
  it.each(rows)("%s → %s", (_name, over, verdict, reason) => {
    const c = criterionOf(evaluateCongrua(basePerson(), baseOffer(over)), NASPI, "offer_statements");
    expect(c.verdict).toBe(verdict);
    if (reason) expect(c.reason).toBe(reason);
  });
});

describe("missing data gives unknown, never a silent pass", () => {
  const naspiRows: Array<[CriterionId, Partial<CongruaPerson>, Partial<CongruaOffer>]> = [
    ["profile_coherence", { profileCoherence: null }, {}],
    ["distance", {}, { distanceKm: null, travelMinutesByPublicTransport: null }],
    ["contract", {}, { contractType: null }],
    ["contract", {}, { contractType: "fixed_term", contractMonths: null }],
    ["hours", {}, { hoursPerWeek: null }],
    ["hours", { lastContractHoursPerWeek: null }, { hoursPerWeek: 20 }],
    ["pay_above_benefit", {}, { grossMonthlyPay: null }],
    ["pay_above_benefit", { programmes: [enrol("NASPI", "2024-01-15", null, null)] }, {}],
    ["pay_ccnl_minimum", {}, { ccnl: null }],
  ];
  it.each(naspiRows)("NASpI %s", (criterion, personOver, offerOver) => {
    const evals = evaluateCongrua(basePerson(personOver), baseOffer(offerOver));
    expect(criterionOf(evals, NASPI, criterion).verdict).toBe("unknown");
    expect(evaluationOf(evals, NASPI).verdict).toBe("unknown");
  });

  const adiPerson = (over: Partial<CongruaPerson> = {}) => basePerson({ programmes: [enrol("ADI", "2024-01-01")], ...over });
  const adiRows: Array<[CriterionId, Partial<CongruaPerson>, Partial<CongruaOffer>]> = [
    ["contract", {}, { contractType: null, distanceKm: 10 }],
    ["distance", {}, { contractType: "fixed_term", contractMonths: 6, distanceKm: null }],
    ["distance", { householdHasChildrenUnder14: null }, { distanceKm: 80.1 }],
    ["hours", {}, { hoursPerWeek: null }],
    ["pay_ccnl_minimum", {}, { ccnl: null }],
  ];
  it.each(adiRows)("ADI %s", (criterion, personOver, offerOver) => {
    const evals = evaluateCongrua(adiPerson(personOver), baseOffer(offerOver));
    expect(criterionOf(evals, ADI, criterion).verdict).toBe("unknown");
  });

  it("RdC 2019 pay missing", () => {
    const p = basePerson({ programmes: [enrol("RDC", "2019-04-01")] });
    expect(criterionOf(evaluateCongrua(p, baseOffer({ date: d("2019-06-01"), grossMonthlyPay: null }), 1), RDC19, "pay_minimum").verdict).toBe("unknown");
  });

  it("RdC distances with no km and no minutes", () => {
    const p = basePerson({ programmes: [enrol("RDC", "2019-04-01")] });
    const off = { distanceKm: null, travelMinutesByPublicTransport: null };
    expect(criterionOf(evaluateCongrua(p, baseOffer({ date: d("2019-06-01"), ...off }), 1), RDC19, "distance").verdict).toBe("unknown");
    expect(criterionOf(evaluateCongrua(p, baseOffer({ date: d("2022-06-01"), ...off }), 1), RDC22, "distance").verdict).toBe("unknown");
  });

  it("L. 68 coherence unknown", () => {
    const evals = evaluateCongrua(basePerson({ programmes: [], registeredL68: true, profileCoherence: null }), baseOffer());
    expect(criterionOf(evals, L68, "profile_coherence").verdict).toBe("unknown");
  });

  it("an offer with nothing known passes no NASpI criterion", () => {
    const evals = evaluateCongrua(
      basePerson({ availabilityDeclaredAt: null, profileCoherence: null, lastContractHoursPerWeek: null, programmes: [enrol("NASPI", "2024-01-15", null, null)] }),
      {
        date: d("2024-03-01"),
        distanceKm: null,
        travelMinutesByPublicTransport: null,
        contractType: null,
        contractMonths: null,
        hoursPerWeek: null,
        grossMonthlyPay: null,
        ccnl: null,
        states: { title: false, duties: false, requirements: false, place: false, hours: false, contractType: false, duration: false, payOrCcnl: false },
      },
    );
    const e = evaluationOf(evals, NASPI);
    expect(e.criteria.filter((c) => c.verdict === "pass")).toEqual([]);
    expect(e.verdict).toBe("fail"); // the offer states nothing
  });
});

describe("RdC D.L. 4/2019: distance by months of benefit and offer number", () => {
  // Benefit from 01/04/2019: 01/10/2019 is within the first 12 months; 01/06/2020 after; 01/04/2020 is 12 months exactly.
  const rdc = (over: Partial<CongruaPerson> = {}) => basePerson({ programmes: [enrol("RDC", "2019-04-01")], ...over });
  const rows: Array<[string, string, number | null, number | null, number | null, boolean | null, Verdict]> = [
    ["first 12 months, 1st offer at 100 km", "2019-10-01", 1, 100, null, false, "pass"],
    ["first 12 months, 1st offer at 100.1 km", "2019-10-01", 1, 100.1, null, false, "fail"],
    ["first 12 months, 1st offer at 150 km but 100 minutes", "2019-10-01", 1, 150, 100, false, "pass"],
    ["first 12 months, 1st offer at 150 km and 101 minutes", "2019-10-01", 1, 150, 101, false, "fail"],
    ["12 months exactly counts as first period: 1st offer at 100.1 km", "2020-04-01", 1, 100.1, null, false, "fail"],
    ["first 12 months, 2nd offer at 250 km", "2019-10-01", 2, 250, null, false, "pass"],
    ["first 12 months, 2nd offer at 250.1 km", "2019-10-01", 2, 250.1, null, false, "fail"],
    ["first 12 months, 3rd offer anywhere", "2019-10-01", 3, 1000, null, false, "pass"],
    ["first 12 months, 4th offer treated as 3rd", "2019-10-01", 4, 1000, null, false, "pass"],
    ["after 12 months (12 m + 1 d), 1st offer at 250 km", "2020-04-02", 1, 250, null, false, "pass"],
    ["after 12 months, 1st offer at 250.1 km", "2020-06-01", 1, 250.1, null, false, "fail"],
    ["after 12 months, 2nd offer at 250.1 km", "2020-06-01", 2, 250.1, null, false, "fail"],
    ["after 12 months, 3rd offer anywhere", "2020-06-01", 3, 1000, null, false, "pass"],
    ["disabled member: 3rd offer at 250 km", "2019-10-01", 3, 250, null, true, "pass"],
    ["disabled member: 3rd offer at 250.1 km", "2019-10-01", 3, 250.1, null, true, "fail"],
    ["disabled member unknown: 3rd offer at 300 km", "2019-10-01", 3, 300, null, null, "unknown"],
    ["disabled member unknown: 3rd offer at 200 km", "2019-10-01", 3, 200, null, null, "pass"],
    ["offer number unknown: 90 km passes the strictest rule", "2019-10-01", null, 90, null, false, "pass"],
    ["offer number unknown: 120 km depends on the number", "2019-10-01", null, 120, null, false, "unknown"],
    ["offer number unknown, after 12 months: 300 km depends on the number", "2020-06-01", null, 300, null, false, "unknown"],
    ["offer number unknown, disabled member, after 12 months: 300 km fails every rule", "2020-06-01", null, 300, null, true, "fail"],
  ];
  it.each(rows)("%s → %s", (_name, day, offerNumber, km, minutes, disabled, verdict) => {
    const evals = evaluateCongrua(
      rdc({ householdHasDisabledMember: disabled }),
      baseOffer({ date: d(day), distanceKm: km, travelMinutesByPublicTransport: minutes }),
      offerNumber,
    );
    expect(criterionOf(evals, RDC19, "distance").verdict).toBe(verdict);
  });

  it("the disabled-household cap is flagged to confirm", () => {
    const evals = evaluateCongrua(rdc({ householdHasDisabledMember: true }), baseOffer({ date: d("2019-10-01"), distanceKm: 200 }), 3);
    expect(criterionOf(evals, RDC19, "distance").toConfirm).toBe(true);
  });

  it("an unknown offer number is named in the reason", () => {
    const evals = evaluateCongrua(rdc(), baseOffer({ date: d("2019-10-01"), distanceKm: 120 }));
    const c = criterionOf(evals, RDC19, "distance");
    expect(c.reason).toContain("numero dell'offerta non registrato");
    expect(c.reason).toContain("come 1ª offerta: non congrua");
  });

  const renewal: Array<[string, ProgrammeEnrolment[], string, string]> = [
    ["earlier RdC enrolment → renewal", [enrol("RDC", "2019-04-01", "2020-09-30"), enrol("RDC", "2020-11-01")], "2021-01-15", "rinnovo"],
    ["one enrolment over 18 months → renewal", [enrol("RDC", "2019-04-01")], "2020-10-02", "rinnovo"],
    ["one enrolment of 18 months exactly → after 12 months", [enrol("RDC", "2019-04-01")], "2020-10-01", ">12"],
    ["first months", [enrol("RDC", "2019-04-01")], "2019-06-01", "0-12"],
  ];
  it.each(renewal)("%s", (_name, programmes, day, band) => {
    const evals = evaluateCongrua(basePerson({ programmes }), baseOffer({ date: d(day), distanceKm: 900 }), 1);
    const e = evaluationOf(evals, RDC19);
    expect(e.band?.id).toBe(band);
    expect(criterionOf(evals, RDC19, "distance").verdict).toBe(band === "rinnovo" ? "pass" : "fail");
  });

  const pay: Array<[string, number, Verdict]> = [
    ["€858 exactly", 858, "pass"],
    ["€857.99", 857.99, "fail"],
    ["€1,200", 1200, "pass"],
  ];
  it.each(pay)("pay %s → %s", (_name, gross, verdict) => {
    const evals = evaluateCongrua(rdc(), baseOffer({ date: d("2019-10-01"), grossMonthlyPay: gross }), 1);
    expect(criterionOf(evals, RDC19, "pay_minimum").verdict).toBe(verdict);
  });
});

describe("RdC L. 234/2021 (2022): distance by offer number and kind of contract", () => {
  const rdc = basePerson({ programmes: [enrol("RDC", "2021-01-01")] });
  const rows: Array<[string, Partial<CongruaOffer>, number | null, Verdict]> = [
    ["open-ended full time, 1st offer at 80 km", { distanceKm: 80 }, 1, "pass"],
    ["open-ended full time, 1st offer at 80.1 km", { distanceKm: 80.1 }, 1, "fail"],
    ["open-ended full time, 1st offer at 100 minutes", { distanceKm: 90, travelMinutesByPublicTransport: 100 }, 1, "pass"],
    ["open-ended full time, 1st offer at 101 minutes", { distanceKm: 90, travelMinutesByPublicTransport: 101 }, 1, "fail"],
    ["open-ended full time, 2nd offer anywhere", { distanceKm: 1000 }, 2, "pass"],
    ["fixed-term, 2nd offer at 80 km", { contractType: "fixed_term", contractMonths: 6, distanceKm: 80 }, 2, "pass"],
    ["fixed-term, 2nd offer at 80.1 km", { contractType: "fixed_term", contractMonths: 6, distanceKm: 80.1 }, 2, "fail"],
    ["part-time open-ended, 2nd offer at 80.1 km", { hoursPerWeek: 20, distanceKm: 80.1 }, 2, "fail"],
    ["offer number unknown: 50 km", { distanceKm: 50 }, null, "pass"],
    ["offer number unknown: open-ended full time at 90 km", { distanceKm: 90 }, null, "unknown"],
    ["offer number unknown: fixed-term at 90 km fails both", { contractType: "fixed_term", contractMonths: 6, distanceKm: 90 }, null, "fail"],
    ["contract type unknown, 2nd offer at 90 km", { contractType: null, distanceKm: 90 }, 2, "unknown"],
    ["hours unknown, 2nd offer at 90 km", { hoursPerWeek: null, distanceKm: 90 }, 2, "unknown"],
    ["contract type unknown, 1st offer at 90 km fails both", { contractType: null, distanceKm: 90 }, 1, "fail"],
  ];
  it.each(rows)("%s → %s", (_name, over, offerNumber, verdict) => {
    const evals = evaluateCongrua(rdc, baseOffer({ date: d("2022-06-01"), ...over }), offerNumber);
    expect(criterionOf(evals, RDC22, "distance").verdict).toBe(verdict);
  });
});

describe("RdC L. 197/2022 (2023): congruity removed", () => {
  it("any offer is binding: pass, with the reason", () => {
    const evals = evaluateCongrua(basePerson({ programmes: [enrol("RDC", "2021-01-01")] }), baseOffer({ date: d("2023-05-01"), distanceKm: 900 }));
    const e = evaluationOf(evals, RDC23);
    expect(e.criteria).toEqual([
      { criterion: "congruity_removed", verdict: "pass", reason: "non applicabile: dal 2023 il rifiuto della prima offerta comporta la decadenza" },
    ]);
    expect(e.verdict).toBe("pass");
  });
});

describe("ADI / SFL (D.L. 48/2023)", () => {
  const adi = (children: boolean | null) => basePerson({ programmes: [enrol("ADI", "2024-01-01")], householdHasChildrenUnder14: children });
  const distanceRows: Array<[string, Partial<CongruaOffer>, boolean | null, Verdict]> = [
    ["open-ended, no children, 500 km", { distanceKm: 500 }, false, "pass"],
    ["open-ended, children under 14, 80 km", { distanceKm: 80 }, true, "pass"],
    ["open-ended, children under 14, 80.1 km", { distanceKm: 80.1 }, true, "fail"],
    ["open-ended, children under 14, 120 minutes", { distanceKm: null, travelMinutesByPublicTransport: 120 }, true, "pass"],
    ["open-ended, children under 14, 121 minutes", { distanceKm: null, travelMinutesByPublicTransport: 121 }, true, "fail"],
    ["open-ended, children unknown, 80 km", { distanceKm: 80 }, null, "pass"],
    ["open-ended, children unknown, 80.1 km", { distanceKm: 80.1 }, null, "unknown"],
    ["open-ended, no children, distance unknown", { distanceKm: null }, false, "pass"],
    ["fixed-term 80 km", { contractType: "fixed_term", contractMonths: 6, distanceKm: 80 }, false, "pass"],
    ["fixed-term 80.1 km", { contractType: "fixed_term", contractMonths: 6, distanceKm: 80.1 }, false, "fail"],
    ["agency 80.1 km", { contractType: "agency", contractMonths: 6, distanceKm: 80.1 }, false, "fail"],
    ["fixed-term 120 minutes", { contractType: "fixed_term", distanceKm: null, travelMinutesByPublicTransport: 120 }, false, "pass"],
    ["contract unknown, 50 km", { contractType: null, distanceKm: 50 }, false, "pass"],
    ["contract unknown, 80.1 km", { contractType: null, distanceKm: 80.1 }, false, "unknown"],
  ];
  it.each(distanceRows)("distance: %s → %s", (_name, over, children, verdict) => {
    expect(criterionOf(evaluateCongrua(adi(children), baseOffer(over)), ADI, "distance").verdict).toBe(verdict);
  });

  const hoursRows: Array<[string, number | null, number | null, Verdict]> = [
    ["full time", 40, 40, "pass"],
    ["24 h of 40 (60% exactly)", 24, 40, "pass"],
    ["23.9 h of 40", 23.9, 40, "fail"],
    ["22.5 h of 37.5 (60% exactly)", 22.5, 37.5, "pass"],
    ["hours missing", null, 40, "unknown"],
  ];
  it.each(hoursRows)("hours: %s → %s", (_name, hours, fullTime, verdict) => {
    expect(criterionOf(evaluateCongrua(adi(false), baseOffer({ hoursPerWeek: hours, fullTimeHoursPerWeek: fullTime })), ADI, "hours").verdict).toBe(verdict);
  });

  const contractRows: Array<[string, CongruaOffer["contractType"], Verdict]> = [
    ["open-ended", "permanent", "pass"],
    ["fixed-term", "fixed_term", "pass"],
    ["agency", "agency", "pass"],
    ["apprenticeship", "apprenticeship", "unknown"],
    ["internship", "internship", "fail"],
    ["self-employment", "self_employed", "fail"],
    ["missing", null, "unknown"],
  ];
  it.each(contractRows)("contract: %s → %s", (_name, type, verdict) => {
    expect(criterionOf(evaluateCongrua(adi(false), baseOffer({ contractType: type, contractMonths: 6 })), ADI, "contract").verdict).toBe(verdict);
  });

  it("SFL applies the same rules from 1/9/2023", () => {
    const p = basePerson({ programmes: [enrol("SFL", "2023-09-01")], householdHasChildrenUnder14: false });
    const evals = evaluateCongrua(p, baseOffer({ date: d("2023-09-01"), contractType: "fixed_term", contractMonths: 6, distanceKm: 80.1 }));
    expect(criterionOf(evals, SFL, "distance").verdict).toBe("fail");
    expect(evaluationOf(evals, SFL).programme).toBe("SFL");
  });

  it("an L. 68 registered member gets the note about activation duties", () => {
    const evals = evaluateCongrua(basePerson({ programmes: [enrol("ADI", "2024-01-01")], registeredL68: true }), baseOffer());
    expect(evaluationOf(evals, ADI).notes.join(" ")).toContain("non sono tenuti agli obblighi di attivazione");
  });
});

describe("L. 68/1999", () => {
  const rows: Array<[string, CongruaPerson["profileCoherence"], Verdict]> = [
    ["declared occupation", "same_occupation", "pass"],
    ["same sector, not declared", "same_sector", "fail"],
    ["other", "other", "fail"],
  ];
  it.each(rows)("coherence: %s → %s", (_name, coherence, verdict) => {
    const evals = evaluateCongrua(basePerson({ programmes: [], registeredL68: true, profileCoherence: coherence }), baseOffer());
    expect(criterionOf(evals, L68, "profile_coherence").verdict).toBe(verdict);
  });

  it("the other criteria are unknown and to confirm, so the best verdict is unknown", () => {
    const evals = evaluateCongrua(basePerson({ programmes: [], registeredL68: true }), baseOffer());
    const other = criterionOf(evals, L68, "l68_other_criteria");
    expect(other).toMatchObject({ verdict: "unknown", toConfirm: true });
    expect(evaluationOf(evals, L68)).toMatchObject({ verdict: "unknown", toConfirm: true, programme: "L68" });
  });
});

describe("a person with two programmes", () => {
  it("gets one evaluation per rule set, in catalogue order, and the worst overall", () => {
    const p = basePerson({ programmes: [enrol("ADI", "2024-01-01"), enrol("NASPI", "2024-01-15")], registeredL68: true });
    const evals = evaluateCongrua(p, baseOffer({ date: d("2024-03-01"), distanceKm: 60 }));
    expect(evals.map((e) => e.ruleSet.id)).toEqual([NASPI, ADI, L68]);
    expect(evaluationOf(evals, NASPI).verdict).toBe("fail"); // 60 km > 50 km in the first 6 months
    expect(evaluationOf(evals, ADI).verdict).toBe("pass"); // open-ended, no children: anywhere
    expect(overallCongrua(evals)).toBe("fail");
  });
});

describe("overall verdict", () => {
  const ev = (verdict: Verdict): CongruaEvaluation => ({
    ruleSet: { id: "x", version: 1, label: "x", legalSource: "x", effectiveFrom: "2020-01-01", effectiveTo: null },
    programme: "NASPI",
    monthsUnemployed: null,
    band: null,
    criteria: [],
    verdict,
    refusalConsequence: "",
    notes: [],
  });
  const rows: Array<[string, Verdict[], string]> = [
    ["no rule set", [], "not_applicable"],
    ["one pass", ["pass"], "pass"],
    ["pass and unknown", ["pass", "unknown"], "unknown"],
    ["unknown and fail", ["unknown", "fail"], "fail"],
    ["pass, fail, unknown", ["pass", "fail", "unknown"], "fail"],
  ];
  it.each(rows)("%s → %s", (_name, verdicts, expected) => {
    expect(overallCongrua(verdicts.map(ev))).toBe(expected);
  });

  it("a person with no programme and no L. 68 registration: not applicable", () => {
    expect(overallCongrua(evaluateCongrua(basePerson({ programmes: [] }), baseOffer()))).toBe("not_applicable");
  });
});
