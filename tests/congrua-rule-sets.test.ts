import { describe, expect, it } from "vitest";
import { naspiBand } from "../src/congrua/evaluate-naspi.js";
import { elapsedMonths, formatElapsed } from "../src/congrua/months.js";
import {
  ADI_DL_48_2023,
  L68_1999,
  NASPI_DM_2018,
  RDC_DL_4_2019,
  RDC_L_197_2022,
  RDC_L_234_2021,
  RULE_SETS,
  SFL_DL_48_2023,
  paramsToConfirm,
  type RuleSet,
} from "../src/congrua/rule-sets.js";
import { selectRuleSets } from "../src/congrua/select-rule-sets.js";
import type { CongruaPerson, Programme, ProgrammeEnrolment } from "../src/congrua/types.js";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const enrol = (programme: Programme, start: string, end: string | null = null, monthlyAmount: number | null = null): ProgrammeEnrolment => ({
  programme,
  startDate: d(start),
  endDate: end === null ? null : d(end),
  monthlyAmount,
});

const person = (programmes: ProgrammeEnrolment[], registeredL68 = false): Pick<CongruaPerson, "programmes" | "registeredL68"> => ({
  programmes,
  registeredL68,
});

const selectedIds = (p: Pick<CongruaPerson, "programmes" | "registeredL68">, on: string, catalogue?: readonly RuleSet[]): string[] =>
  selectRuleSets(p, d(on), catalogue).map((s) => s.ruleSet.id);

describe("rule-set catalogue", () => {
  it("every rule set has a unique id, a version, a label, a legal source and ISO effective dates in order", () => {
    const ids = RULE_SETS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULE_SETS) {
      expect(r.version, r.id).toBeGreaterThanOrEqual(1);
      expect(r.label.length, r.id).toBeGreaterThan(0);
      expect(r.legalSource.length, r.id).toBeGreaterThan(0);
      expect(r.refusalConsequence.length, r.id).toBeGreaterThan(0);
      expect(r.effectiveFrom, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.effectiveTo !== null) {
        expect(r.effectiveTo, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(r.effectiveFrom <= r.effectiveTo, r.id).toBe(true);
      }
    }
  });

  it("no two rule sets of one family are in force on the same day", () => {
    for (const a of RULE_SETS) {
      for (const b of RULE_SETS) {
        if (a === b || a.family !== b.family) continue;
        const aEnd = a.effectiveTo ?? "9999-12-31";
        const bEnd = b.effectiveTo ?? "9999-12-31";
        expect(a.effectiveFrom > bEnd || b.effectiveFrom > aEnd, `${a.id} / ${b.id}`).toBe(true);
      }
    }
  });

  it("the RdC periods follow each other without gaps", () => {
    expect(RDC_DL_4_2019.effectiveTo).toBe("2021-12-31");
    expect(RDC_L_234_2021.effectiveFrom).toBe("2022-01-01");
    expect(RDC_L_234_2021.effectiveTo).toBe("2022-12-31");
    expect(RDC_L_197_2022.effectiveFrom).toBe("2023-01-01");
    expect(RDC_L_197_2022.effectiveTo).toBe("2023-12-31");
  });

  const nb = (id: string) => NASPI_DM_2018.bands.find((b) => b.id === id)!;
  const figures: Array<[string, unknown, unknown]> = [
    ["NASpI in force from GU 162 of 14/07/2018", NASPI_DM_2018.effectiveFrom, "2018-07-14"],
    ["NASpI covers NASPI and DIS-COLL", NASPI_DM_2018.programmes, ["NASPI", "DISCOLL"]],
    ["NASpI band 0-6: up to 6 months", nb("0-6").upToMonths, 6],
    ["NASpI band 6-12: up to 12 months", nb("6-12").upToMonths, 12],
    ["NASpI band >12: open", nb(">12").upToMonths, null],
    ["NASpI 0-6: 50 km", nb("0-6").distance.maxKm?.value, 50],
    ["NASpI 0-6: 80 minutes", nb("0-6").distance.maxMinutes?.value, 80],
    ["NASpI 6-12: 50 km", nb("6-12").distance.maxKm?.value, 50],
    ["NASpI 6-12: 80 minutes", nb("6-12").distance.maxMinutes?.value, 80],
    ["NASpI >12: 80 km", nb(">12").distance.maxKm?.value, 80],
    ["NASpI >12: 100 minutes", nb(">12").distance.maxMinutes?.value, 100],
    ["NASpI 0-6: only agreed occupations", nb("0-6").acceptedCoherence, ["same_occupation"]],
    ["NASpI 6-12: same sector too", nb("6-12").acceptedCoherence, ["same_occupation", "same_sector"]],
    ["NASpI >12: other sectors too", nb(">12").acceptedCoherence, ["same_occupation", "same_sector", "other"]],
    ["NASpI minimum contract 3 months", NASPI_DM_2018.minContractMonths.value, 3],
    ["NASpI hours 80% of last contract", NASPI_DM_2018.minHoursRatioOfLastContract.value, 0.8],
    ["NASpI pay 20% above benefit", NASPI_DM_2018.minPayUpliftOverBenefit.value, 0.2],
    ["RdC 2019 from 1/4/2019", RDC_DL_4_2019.effectiveFrom, "2019-04-01"],
    ["RdC 2019 1st offer first 12 months: 100 km", RDC_DL_4_2019.offersFirstPeriod[0]?.maxKm?.value, 100],
    ["RdC 2019 1st offer first 12 months: 100 minutes", RDC_DL_4_2019.offersFirstPeriod[0]?.maxMinutes?.value, 100],
    ["RdC 2019 2nd offer first 12 months: 250 km", RDC_DL_4_2019.offersFirstPeriod[1]?.maxKm?.value, 250],
    ["RdC 2019 3rd offer first 12 months: anywhere", RDC_DL_4_2019.offersFirstPeriod[2], { maxKm: null, maxMinutes: null }],
    ["RdC 2019 1st offer after 12 months: 250 km", RDC_DL_4_2019.offersAfterFirstPeriod[0]?.maxKm?.value, 250],
    ["RdC 2019 2nd offer after 12 months: 250 km", RDC_DL_4_2019.offersAfterFirstPeriod[1]?.maxKm?.value, 250],
    ["RdC 2019 3rd offer after 12 months: anywhere", RDC_DL_4_2019.offersAfterFirstPeriod[2], { maxKm: null, maxMinutes: null }],
    ["RdC 2019 renewal: anywhere", RDC_DL_4_2019.offerOnRenewal, { maxKm: null, maxMinutes: null }],
    ["RdC 2019 disabled household cap 250 km", RDC_DL_4_2019.disabledHouseholdMaxKm.value, 250],
    ["RdC 2019 pay €858", RDC_DL_4_2019.pay.minMonthlyPay.value, 858],
    ["RdC 2019 pay = 780 + 10%", Math.round(RDC_DL_4_2019.pay.referenceBenefit.value * (1 + RDC_DL_4_2019.pay.minUplift.value)), 858],
    ["RdC 2022 1st offer 80 km", RDC_L_234_2021.offersOpenEndedFullTime[0]?.maxKm?.value, 80],
    ["RdC 2022 1st offer 100 minutes", RDC_L_234_2021.offersOpenEndedFullTime[0]?.maxMinutes?.value, 100],
    ["RdC 2022 2nd offer anywhere", RDC_L_234_2021.offersOpenEndedFullTime[1], { maxKm: null, maxMinutes: null }],
    ["RdC 2022 fixed-term 2nd offer 80 km", RDC_L_234_2021.offersTemporaryOrPartTime[1]?.maxKm?.value, 80],
    ["SFL from 1/9/2023", SFL_DL_48_2023.effectiveFrom, "2023-09-01"],
    ["ADI from 1/1/2024", ADI_DL_48_2023.effectiveFrom, "2024-01-01"],
    ["ADI fixed-term 80 km", ADI_DL_48_2023.temporary.maxKm?.value, 80],
    ["ADI fixed-term 120 minutes", ADI_DL_48_2023.temporary.maxMinutes?.value, 120],
    ["ADI open-ended anywhere", ADI_DL_48_2023.openEnded, { maxKm: null, maxMinutes: null }],
    ["ADI open-ended with children 80 km", ADI_DL_48_2023.openEndedWithChildrenUnder14.maxKm?.value, 80],
    ["ADI part time 60%", ADI_DL_48_2023.minPartTimeRatio.value, 0.6],
    ["SFL shares ADI thresholds", SFL_DL_48_2023.temporary, ADI_DL_48_2023.temporary],
    ["L68 accepts declared occupations only", L68_1999.acceptedCoherence, ["same_occupation"]],
  ];
  it.each(figures)("%s", (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  const toConfirm: Array<[string, RuleSet, string[]]> = [
    [
      "NASpI: distances up to 12 months and the contribution rate",
      NASPI_DM_2018,
      [
        "bands.0.distance.maxKm",
        "bands.0.distance.maxMinutes",
        "bands.1.distance.maxKm",
        "bands.1.distance.maxMinutes",
        "workerContributionRate",
      ],
    ],
    ["RdC 2019: the disabled-household cap", RDC_DL_4_2019, ["disabledHouseholdMaxKm"]],
    ["RdC 2022: nothing", RDC_L_234_2021, []],
    ["ADI: nothing", ADI_DL_48_2023, []],
  ];
  it.each(toConfirm)("values to confirm — %s", (_name, ruleSet, paths) => {
    expect(paramsToConfirm(ruleSet)).toEqual(paths);
  });
});

describe("month arithmetic (calendar months + fraction of the next month)", () => {
  const rows: Array<[string, string, string, number | null, number | null, string | null]> = [
    ["same day", "2024-01-15", "2024-01-15", 0, 0, "0 mesi"],
    ["12 days", "2024-01-15", "2024-01-27", 0, 12, "12 giorni"],
    ["exactly 1 month", "2024-01-15", "2024-02-15", 1, 0, "1 mese"],
    ["exactly 6 months", "2024-01-15", "2024-07-15", 6, 0, "6 mesi"],
    ["6 months and 1 day", "2024-01-15", "2024-07-16", 6, 1, "6 mesi e 1 giorno"],
    ["exactly 12 months", "2024-01-15", "2025-01-15", 12, 0, "12 mesi"],
    ["12 months and 1 day", "2024-01-15", "2025-01-16", 12, 1, "12 mesi e 1 giorno"],
    ["31 January + 1 month = 29 February (leap year, clamped)", "2024-01-31", "2024-02-29", 1, 0, "1 mese"],
    ["31 August + 6 months = 28 February (clamped)", "2024-08-31", "2025-02-28", 6, 0, "6 mesi"],
    ["31 August → 1 March is 6 months and 1 day", "2024-08-31", "2025-03-01", 6, 1, "6 mesi e 1 giorno"],
    ["the day before 6 months", "2024-01-15", "2024-07-14", 5, 29, "5 mesi e 29 giorni"],
    ["end before start → null", "2024-01-15", "2024-01-14", null, null, null],
  ];
  it.each(rows)("%s", (_name, from, to, whole, days, text) => {
    const e = elapsedMonths(d(from), d(to));
    if (whole === null) {
      expect(e).toBeNull();
      return;
    }
    expect(e?.wholeMonths).toBe(whole);
    expect(e?.extraDays).toBe(days);
    expect(e && formatElapsed(e)).toBe(text);
    expect(e!.value).toBeGreaterThanOrEqual(whole);
    expect(e!.value).toBeLessThan(whole + 1);
  });

  it("ignores the time of day", () => {
    expect(elapsedMonths(new Date("2024-01-15T23:30:00Z"), new Date("2024-07-15T00:10:00Z"))?.value).toBe(6);
  });

  const bandRows: Array<[string, string, string]> = [
    ["6 months exactly → up to 6", "2024-07-15", "0-6"],
    ["6 months and 1 day → over 6", "2024-07-16", "6-12"],
    ["12 months exactly → up to 12", "2025-01-15", "6-12"],
    ["12 months and 1 day → over 12", "2025-01-16", ">12"],
    ["1 day → up to 6", "2024-01-16", "0-6"],
  ];
  it.each(bandRows)("NASpI band: %s", (_name, offerDay, band) => {
    const e = elapsedMonths(d("2024-01-15"), d(offerDay))!;
    expect(naspiBand(NASPI_DM_2018, e.value).id).toBe(band);
  });
});

describe("rule-set selection", () => {
  const rows: Array<[string, ProgrammeEnrolment[], boolean, string, string[]]> = [
    ["NASpI the day before the D.M.", [enrol("NASPI", "2018-01-01")], false, "2018-07-13", []],
    ["NASpI on the D.M. publication day", [enrol("NASPI", "2018-01-01")], false, "2018-07-14", ["naspi-discoll-dm-2018"]],
    ["DIS-COLL uses the NASpI rule set", [enrol("DISCOLL", "2024-01-01")], false, "2024-03-01", ["naspi-discoll-dm-2018"]],
    ["RdC the day before 1/4/2019", [enrol("RDC", "2019-01-01")], false, "2019-03-31", []],
    ["RdC on 1/4/2019", [enrol("RDC", "2019-01-01")], false, "2019-04-01", ["rdc-dl-4-2019"]],
    ["RdC on 31/12/2021", [enrol("RDC", "2019-04-01")], false, "2021-12-31", ["rdc-dl-4-2019"]],
    ["RdC on 1/1/2022", [enrol("RDC", "2019-04-01")], false, "2022-01-01", ["rdc-l-234-2021"]],
    ["RdC on 31/12/2022", [enrol("RDC", "2019-04-01")], false, "2022-12-31", ["rdc-l-234-2021"]],
    ["RdC on 1/1/2023", [enrol("RDC", "2019-04-01")], false, "2023-01-01", ["rdc-l-197-2022"]],
    ["RdC on 31/12/2023", [enrol("RDC", "2019-04-01")], false, "2023-12-31", ["rdc-l-197-2022"]],
    ["RdC on 1/1/2024: no rule set (RdC ended)", [enrol("RDC", "2019-04-01")], false, "2024-01-01", []],
    ["SFL the day before 1/9/2023", [enrol("SFL", "2023-06-01")], false, "2023-08-31", []],
    ["SFL on 1/9/2023", [enrol("SFL", "2023-06-01")], false, "2023-09-01", ["sfl-dl-48-2023"]],
    ["ADI the day before 1/1/2024", [enrol("ADI", "2023-06-01")], false, "2023-12-31", []],
    ["ADI on 1/1/2024", [enrol("ADI", "2023-06-01")], false, "2024-01-01", ["adi-dl-48-2023"]],
    ["L. 68 registration the day before the D.M.", [], true, "2018-07-13", []],
    ["L. 68 registration on the D.M. day", [], true, "2018-07-14", ["l68-1999"]],
    ["L68 enrolment without the flag", [enrol("L68", "2020-01-01")], false, "2024-03-01", ["l68-1999"]],
    ["L68 enrolment and the flag: once", [enrol("L68", "2020-01-01")], true, "2024-03-01", ["l68-1999"]],
    ["AdR alone: no rule set of its own", [enrol("ADR", "2024-01-01")], false, "2024-03-01", []],
    ["GOL alone: no rule set of its own", [enrol("GOL", "2024-01-01")], false, "2024-03-01", []],
    ["AdR with NASpI: the NASpI one", [enrol("ADR", "2024-01-01"), enrol("NASPI", "2024-01-01")], false, "2024-03-01", ["naspi-discoll-dm-2018"]],
    ["NASpI and DIS-COLL: one rule set", [enrol("DISCOLL", "2024-01-01"), enrol("NASPI", "2024-01-01")], false, "2024-03-01", ["naspi-discoll-dm-2018"]],
    [
      "two programmes (ADI listed first) in catalogue order",
      [enrol("ADI", "2024-01-01"), enrol("NASPI", "2024-01-01")],
      false,
      "2024-03-01",
      ["naspi-discoll-dm-2018", "adi-dl-48-2023"],
    ],
    [
      "NASpI, ADI and L. 68 registration",
      [enrol("NASPI", "2024-01-01"), enrol("ADI", "2024-01-01")],
      true,
      "2024-03-01",
      ["naspi-discoll-dm-2018", "adi-dl-48-2023", "l68-1999"],
    ],
    ["enrolment starting on the offer day is active", [enrol("NASPI", "2024-03-01")], false, "2024-03-01", ["naspi-discoll-dm-2018"]],
    ["enrolment starting the day after is not", [enrol("NASPI", "2024-03-02")], false, "2024-03-01", []],
    ["enrolment ending on the offer day is active", [enrol("NASPI", "2024-01-01", "2024-03-01")], false, "2024-03-01", ["naspi-discoll-dm-2018"]],
    ["enrolment ended the day before is not", [enrol("NASPI", "2024-01-01", "2024-02-29")], false, "2024-03-01", []],
  ];
  it.each(rows)("%s", (_name, programmes, l68, on, expected) => {
    expect(selectedIds(person(programmes, l68), on)).toEqual(expected);
  });

  it("names the triggering programme: NASPI before DISCOLL, L68 for registration alone", () => {
    const both = selectRuleSets(person([enrol("DISCOLL", "2024-01-01"), enrol("NASPI", "2024-01-01")]), d("2024-03-01"));
    expect(both.map((s) => s.programme)).toEqual(["NASPI"]);
    const onlyDiscoll = selectRuleSets(person([enrol("DISCOLL", "2024-01-01")]), d("2024-03-01"));
    expect(onlyDiscoll[0]?.programme).toBe("DISCOLL");
    const registration = selectRuleSets(person([], true), d("2024-03-01"));
    expect(registration[0]).toMatchObject({ programme: "L68", enrolment: null });
  });

  it("picks the enrolment active on the day when the same programme appears twice", () => {
    const first = enrol("RDC", "2019-04-01", "2020-09-30");
    const renewal = enrol("RDC", "2020-11-01");
    const selected = selectRuleSets(person([first, renewal]), d("2021-03-01"));
    expect(selected[0]?.enrolment).toBe(renewal);
  });

  it("a newer version of a rule set takes over from its effective date", () => {
    const v2: RuleSet = { ...NASPI_DM_2018, id: "naspi-discoll-2026", version: 2, effectiveFrom: "2026-01-01" };
    const v1: RuleSet = { ...NASPI_DM_2018, effectiveTo: "2025-12-31" };
    const p = person([enrol("NASPI", "2025-06-01")]);
    expect(selectedIds(p, "2025-12-31", [v1, v2])).toEqual(["naspi-discoll-dm-2018"]);
    expect(selectedIds(p, "2026-01-01", [v1, v2])).toEqual(["naspi-discoll-2026"]);
  });

  it("an overlapping correction (same start, higher version) wins over the older version", () => {
    const corrected: RuleSet = { ...NASPI_DM_2018, version: 2 };
    const chosen = selectRuleSets(person([enrol("NASPI", "2024-01-01")]), d("2024-03-01"), [NASPI_DM_2018, corrected]);
    expect(chosen.map((s) => s.ruleSet.version)).toEqual([2]);
  });
});
