import { describe, expect, it } from "vitest";
import { DEFAULT_MATCHING_CONFIG, matchingConfigSchema } from "../src/matching/matching-config.js";
import { experienceWeight, scoreProfile } from "../src/matching/score-profile.js";
import { scoreCompetences } from "../src/matching/score-competences.js";
import { scoreTerritory, travelLimit } from "../src/matching/score-territory.js";
import { scoreRequirements } from "../src/matching/score-requirements.js";
import { scorePriority } from "../src/matching/score-priority.js";
import { hardConstraints } from "../src/matching/hard-constraints.js";
import { evaluateMatch, type MatchContext } from "../src/matching/evaluate-match.js";
import { rankMatches, type Scored } from "../src/matching/rank-matches.js";
import { narrowingOptions } from "../src/matching/narrow-pool.js";
import { resolveOccupation } from "../src/taxonomy/occupation-taxonomy.js";
import { person, prepared, vacancy } from "./helpers/match-facts.js";

const TODAY = new Date("2026-11-23T00:00:00Z");
const cfg = DEFAULT_MATCHING_CONFIG;
const ctx = (over: Partial<MatchContext> = {}): MatchContext => ({ today: TODAY, cfg, rarity: () => 1, onVacancyList: () => false, ...over });
const offer = resolveOccupation("Magazziniere");

describe("profile", () => {
  it.each([
    ["Magazziniere", 0.85, 1],
    ["Magazziniera", 0.85, 1],
    ["magazinere", 0.6, 1],
    ["Operatore di magazzino", 0.5, 0.85],
    ["Cuoco", 0, 0.3],
  ])("a declared «%s» scores between %d and %d for a Magazziniere offer", (title, low, high) => {
    const p = person({ profiles: [{ title, code: null }], experiences: [] });
    const { value } = scoreProfile(offer, p, TODAY);
    expect(value).toBeGreaterThanOrEqual(low);
    expect(value).toBeLessThanOrEqual(high);
  });

  it("recent and longer experience counts more", () => {
    const recentLong = experienceWeight("2020-01-01", "2026-06-30", TODAY);
    const oldShort = experienceWeight("2012-01-01", "2012-04-30", TODAY);
    expect(recentLong.weight).toBe(1);
    expect(oldShort.weight).toBeLessThan(0.6);
    const withRecent = scoreProfile(offer, person({ experiences: [{ title: "Magazziniere", code: null, sector: null, from: "2020-01-01", to: "2026-06-30" }] }), TODAY);
    const withOld = scoreProfile(offer, person({ experiences: [{ title: "Magazziniere", code: null, sector: null, from: "2012-01-01", to: "2012-04-30" }] }), TODAY);
    expect(withRecent.value).toBeGreaterThan(withOld.value);
    expect(withRecent.reason).toMatch(/esperienza come «Magazziniere» per 6 anni e 6 mesi/);
  });

  it("a person who declared nothing and did nothing related earns nothing, and is told so", () => {
    const p = person({ profiles: [], experiences: [] });
    expect(scoreProfile(offer, p, TODAY)).toMatchObject({ value: 0, reason: expect.stringMatching(/Nessun profilo/) });
  });
});

describe("competences", () => {
  it("covers must-have competences from the person's list, tolerant of wording", () => {
    const s = scoreCompetences(vacancy(), person(), () => 1);
    expect(s.value).toBeGreaterThan(0.8);
    expect(s.matched[0]).toMatchObject({ required: "Conduzione carrelli elevatori", mustHave: true });
    expect(s.missing).toEqual([]);
  });

  it("lists what is missing, so a tutor sees the training that would open the offer", () => {
    const s = scoreCompetences(vacancy({ mustHave: ["Conduzione carrelli elevatori", "Patentino per piattaforme aeree"] }), person(), () => 1);
    expect(s.missing).toEqual([{ competence: "Patentino per piattaforme aeree", mustHave: true }]);
    expect(s.reason).toMatch(/mancano «Patentino per piattaforme aeree»/);
  });

  it("a rare competence weighs more than a common one", () => {
    const v = vacancy({ mustHave: ["Conduzione carrelli elevatori", "Saldatura TIG"] });
    const hasCommon = person({ competences: ["Conduzione carrelli elevatori"] });
    const hasRare = person({ competences: ["Saldatura TIG"] });
    const rarity = (c: string) => (c === "Saldatura TIG" ? 4 : 1);
    expect(scoreCompetences(v, hasRare, rarity).value).toBeGreaterThan(scoreCompetences(v, hasCommon, rarity).value);
  });

  it("undeclared competences are missing, never matched; an offer without competences leaves the component out", () => {
    expect(scoreCompetences(vacancy(), person({ competences: [], trainings: [] }), () => 1).value).toBe(0);
    expect(scoreCompetences(vacancy({ mustHave: [], niceToHave: [] }), person(), () => 1).applicable).toBe(false);
  });
});

describe("territory", () => {
  it.each([
    [3, 30, 1],
    [5, 30, 1],
    [17.5, 30, 0.6],
    [30, 30, 0.2],
    [31, 30, 0],
  ])("at %d km with %d km declared the value is %d", (km, limit, expected) => {
    const p = person({ maxTravelKm: limit });
    expect(scoreTerritory(km, travelLimit(p, () => null, cfg), p, cfg).value).toBeCloseTo(expected, 5);
  });

  it("reads the travel limit from km, else minutes (an estimate), else the congrua distance, else the reference", () => {
    expect(travelLimit(person({ maxTravelKm: 25 }), () => 50, cfg)).toMatchObject({ km: 25, declared: true });
    expect(travelLimit(person({ maxTravelKm: null, maxTravelMinutes: 60 }), () => 50, cfg)).toMatchObject({ km: 30, declared: true, basis: expect.stringMatching(/stimati/) });
    expect(travelLimit(person({ maxTravelKm: null }), () => 50, cfg)).toMatchObject({ km: 50, declared: false, basis: expect.stringMatching(/congrua/) });
    expect(travelLimit(person({ maxTravelKm: null }), () => null, cfg)).toMatchObject({ km: 30, declared: false });
  });
});

describe("requirements", () => {
  it("education by attainment, languages with a half credit one level short, undeclared as unmet", () => {
    const v = vacancy({ education: "4", languages: [{ code: "001", level: "B2" }], licences: [] });
    expect(scoreRequirements(v, person({ education: "7", languages: [{ code: "001", level: "C1" }] })).value).toBe(1);
    expect(scoreRequirements(v, person({ education: "4", languages: [{ code: "001", level: "B1" }] })).value).toBe(0.75);
    expect(scoreRequirements(v, person({ education: null, languages: [] })).value).toBe(0);
    expect(scoreRequirements(vacancy({ licences: [] }), person()).applicable).toBe(false);
  });
});

describe("hard constraints", () => {
  const limit = (km: number, declared = true) => ({ km, declared, basis: `${km} km` });
  const base = { distanceKm: 10, limit: limit(30), maxReferenceKm: 100, onVacancyList: false, today: TODAY, minimumAge: null };
  const adultsOnly = { cp2011: "5.4.8.6", age: 18, source: "R.D. 773/1931 (TULPS), art. 138" };
  it.each([
    ["not available", person({ availability: "not_available" }), vacancy(), base, "not_available"],
    ["already hired", person({ availability: "employed" }), vacancy(), base, "already_hired"],
    ["already on this list", person(), vacancy(), { ...base, onVacancyList: true }, "already_on_list"],
    ["missing a required licence", person({ licences: [] }), vacancy({ licences: ["C"] }), base, "missing_licence"],
    ["a required language not declared", person({ languages: [] }), vacancy({ languages: [{ code: "002", level: "B1" }] }), base, "missing_language"],
    ["a required language two levels short", person({ languages: [{ code: "002", level: "A2" }] }), vacancy({ languages: [{ code: "002", level: "B2" }] }), base, "missing_language"],
    ["younger than the law allows for the occupation", person({ birthDate: "2009-03-01" }), vacancy(), { ...base, minimumAge: adultsOnly }, "under_age"],
    ["beyond the declared travel", person(), vacancy(), { ...base, distanceKm: 31 }, "beyond_travel"],
    ["beyond every congrua distance when none declared", person({ maxTravelKm: null }), vacancy(), { ...base, distanceKm: 101, limit: limit(30, false) }, "beyond_travel"],
    ["reserved L. 68 and not registered", person(), vacancy({ reservedL68: true }), base, "reserved_l68"],
    ["the offer is closed", person(), vacancy({ status: "filled" }), base, "vacancy_closed"],
  ] as const)("excludes a person %s, with the reason", (_name, p, v, c, code) => {
    const out = hardConstraints(v, p, c);
    expect(out.map((e) => e.code)).toEqual([code]);
    expect(out[0]!.reason).toMatch(/\S/);
  });

  it("keeps a registered person for a reserved offer, a person at the limit or past a mere reference, a language one level short, an adult, and an unknown age", () => {
    const registered = person({ programmes: [{ programme: "L68", start: "2025-01-01", end: null, amount: null }] });
    expect(hardConstraints(vacancy({ reservedL68: true }), registered, base)).toEqual([]);
    expect(hardConstraints(vacancy(), person(), { ...base, distanceKm: 30 })).toEqual([]);
    expect(hardConstraints(vacancy(), person({ maxTravelKm: null }), { ...base, distanceKm: 35, limit: limit(30, false) })).toEqual([]);
    expect(hardConstraints(vacancy({ languages: [{ code: "002", level: "B2" }] }), person({ languages: [{ code: "002", level: "B1" }] }), base)).toEqual([]);
    expect(hardConstraints(vacancy(), person({ birthDate: "2008-03-01" }), { ...base, minimumAge: adultsOnly })).toEqual([]);
    expect(hardConstraints(vacancy(), person({ birthDate: null }), { ...base, minimumAge: adultsOnly })).toEqual([]);
  });
});

describe("priority", () => {
  it("adds nothing by default, and says so", () => {
    const adi = person({ programmes: [{ programme: "ADI", start: "2026-01-01", end: null, amount: 500 }] });
    expect(scorePriority(adi, TODAY, cfg)).toEqual({ points: 0, reason: "Nessuna priorità applicata" });
  });

  it("applies a configured boost and shows it", () => {
    const boosted = matchingConfigSchema.parse({ priorityBoost: { ADI: 5, longTermUnemployed: 3 } });
    const adi = person({ programmes: [{ programme: "ADI", start: "2026-01-01", end: null, amount: 500 }], availabilityDeclaredAt: "2024-01-01" });
    const out = scorePriority(adi, TODAY, boosted);
    expect(out.points).toBe(5);
    expect(out.reason).toMatch(/Assegno di inclusione \(\+5\)/);
    expect(out.reason).toMatch(/lunga durata/);
  });
});

describe("the whole score", () => {
  it("is 0–100, the sum of its components' points, with a reason each", () => {
    const e = evaluateMatch(prepared(), person(), null, ctx({ withCongrua: true }));
    expect(e.score).toBeGreaterThan(70);
    expect(e.score).toBeLessThanOrEqual(100);
    expect(e.score).toBeCloseTo(e.components.reduce((s, c) => s + c.points, 0), 0);
    expect(e.components.map((c) => c.name)).toEqual(["profile", "competences", "territory", "requirements", "priority"]);
    expect(e.distanceKm).toBeCloseTo(7.9, 0);
    expect(e.congrua?.verdict).toBe("not_applicable");
  });

  it("shares the weight of a component the offer does not ask for among the others", () => {
    const e = evaluateMatch(prepared(vacancy({ mustHave: [], niceToHave: [] })), person(), null, ctx());
    const weights = Object.fromEntries(e.components.map((c) => [c.name, c.weight]));
    expect(weights.competences).toBe(0);
    expect(weights.profile! + weights.territory! + weights.requirements!).toBeCloseTo(100, 0);
  });

  it("missing data never counts as a match", () => {
    const empty = person({ profiles: [], experiences: [], competences: [], languages: [], education: null });
    const e = evaluateMatch(prepared(vacancy({ education: "4" })), empty, null, ctx());
    const byName = Object.fromEntries(e.components.map((c) => [c.name, c.value]));
    expect(byName.profile).toBe(0);
    expect(byName.competences).toBe(0);
    expect(e.score).toBeLessThan(cfg.qualifyingScore);
  });

  it("gives a NASpI recipient the congrua verdict criterion by criterion", () => {
    const naspi = person({ programmes: [{ programme: "NASPI", start: "2026-03-01", end: null, amount: 900 }], lastContractHoursPerWeek: 40 });
    const e = evaluateMatch(prepared(), naspi, null, ctx({ withCongrua: true }));
    expect(["pass", "fail", "unknown"]).toContain(e.congrua?.verdict);
    const evaluation = (e.congrua?.evaluations[0] ?? {}) as { criteria: { criterion: string }[] };
    expect(evaluation.criteria.map((c) => c.criterion)).toContain("distance");
  });
});

describe("ranking", () => {
  const scored = (id: string, score: number, over: Partial<ReturnType<typeof person>> = {}): Scored => ({
    facts: person({ id, ...over }),
    evaluation: { ...evaluateMatch(prepared(), person({ id, ...over }), 10, ctx()), score, distanceKm: 10 },
  });

  it("near-ties go to people put on fewer lists recently, never past someone further ahead", () => {
    const items = [scored("a", 80), scored("b", 79), scored("c", 70)];
    const ranked = rankMatches(items, vacancy(), new Map([["a", 3], ["b", 0], ["c", 0]]), cfg);
    expect(ranked.map((r) => r.facts.id)).toEqual(["b", "a", "c"]);
    expect(ranked[0]!.fairnessNote).toMatch(/0 rose nelle ultime 8 settimane contro 3/);
    expect(ranked[2]!.fairnessNote).toBeNull();
  });

  it("exact ties go to the offer's CPI, then its province", () => {
    const ranked = rankMatches(
      [scored("far", 75, { cpiCode: "MI-MILANO", province: "MI" }), scored("province", 75, { cpiCode: "TO-MONCALIERI" }), scored("same", 75, { cpiCode: "TO-TORINO-VIA-BOLOGNA" })],
      vacancy(),
      new Map(),
      cfg,
    );
    expect(ranked.map((r) => r.facts.id)).toEqual(["same", "province", "far"]);
  });
});

describe("narrowing the pool", () => {
  it("proposes nothing when the list can hold everyone, and parameters with what remains otherwise", () => {
    const people: Scored[] = Array.from({ length: 6 }, (_, i) =>
      ({ facts: person({ id: `p${i}`, licences: i < 2 ? ["B", "C"] : ["B"] }), evaluation: { ...evaluateMatch(prepared(), person({ id: `p${i}` }), 5 + i * 6, ctx()), distanceKm: 5 + i * 6 } }),
    );
    expect(narrowingOptions(people, offer, 10, TODAY)).toEqual([]);
    const options = narrowingOptions(people, offer, 2, TODAY);
    expect(options).toContainEqual({ parameter: "patente", value: "C", label: "patente C", remaining: 2, filter: "patente:C" });
    expect(options).toContainEqual({ parameter: "distanza", value: "10", label: "entro 10 km dalla sede", remaining: 1, filter: "distanza:10" });
    expect(options.every((o) => o.remaining > 0 && o.remaining < people.length)).toBe(true);
  });
});
