import { describe, expect, it } from "vitest";
import { scoreProfile } from "../src/matching/score-profile.js";
import { loadCp2011JobTitles, loadEscoOccupations, loadInterchangeablePairs } from "../src/taxonomy/load-occupations.js";
import { OCCUPATION_RELATEDNESS, occupationRelatedness, occupationTaxonomy, resolveOccupation, retrievalKeys } from "../src/taxonomy/occupation-taxonomy.js";
import { analyze } from "../src/text/normalize-italian.js";
import { person } from "./helpers/match-facts.js";

const TODAY = new Date("2026-11-23T00:00:00Z");
const rel = (a: string, b: string) => occupationRelatedness(resolveOccupation(a), resolveOccupation(b));

/** Deterministic pseudo-random draw, so a failure names the same pair every run. */
function draw(seed: number): <T>(list: readonly T[]) => T {
  let s = seed;
  return <T>(list: readonly T[]): T => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return list[Math.floor((s / 0x7fffffff) * list.length)] as T;
  };
}

function grouped<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return [...out.values()].filter((g) => g.length > 1);
}

describe("occupations referents treat as interchangeable", () => {
  it("the curated list: every row resolves, both orders, nearly as the same occupation, with a reason", () => {
    expect(loadInterchangeablePairs().length).toBeGreaterThan(0);
    expect(occupationTaxonomy().skippedInterchangeablePairs()).toEqual([]);
    for (const [a, b] of [
      ["commessa", "cassiera"],
      ["addetto vendite", "cassiere di supermercato"],
      ["addetta vendite", "cassiera"],
      ["manovale edile", "operaio edile"],
      ["impiegata amministrativa", "addetta alla contabilità"],
    ] as const) {
      for (const [x, y] of [[a, b], [b, a]] as const) {
        const r = rel(x, y);
        expect(r.score, `${x} / ${y}: ${r.level}`).toBeGreaterThanOrEqual(0.85);
        expect(r.level).toBe("interchangeable");
        expect(r.reason).toMatch(/^professioni considerate equivalenti nei CPI: /);
        // Retrieval finds one from the other.
        const keys = new Set(retrievalKeys(resolveOccupation(x)));
        expect(retrievalKeys(resolveOccupation(y)).some((k) => keys.has(k))).toBe(true);
      }
    }
  });

  it("the names operators use for the same job in a warehouse, a dining room, a shop", () => {
    for (const [a, b] of [
      ["magazziniere", "mulettista"],
      ["magazziniere", "addetto al magazzino"],
      ["carrellista", "mulettista"],
      ["cameriere", "runner"],
      ["cameriere", "cameriere di sala"],
      ["commesso", "addetto alle vendite"],
      ["OSA", "ASA"],
      ["badante", "assistente familiare"],
      ["bracciante agricolo", "operaio agricolo"],
    ] as const) {
      expect(rel(a, b).score, `${a} / ${b}`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it("titles of the same CP2011 unit score nearly as the same occupation (random pairs from the classification)", () => {
    const pick = draw(20261201);
    const units = grouped(loadCp2011JobTitles(), (t) => t.unitCode);
    let tried = 0;
    let near = 0;
    for (let i = 0; i < 600; i++) {
      const unit = pick(units);
      const a = pick(unit);
      const b = pick(unit);
      if (a.title === b.title) continue;
      tried++;
      if (rel(a.title, b.title).score >= OCCUPATION_RELATEDNESS.same_unit - 0.15) near++;
    }
    expect(near / tried).toBeGreaterThan(0.95);
  });

  it("ESCO siblings under the same ISCO-08 unit group score nearly as the same occupation", () => {
    const pick = draw(150);
    const groups = grouped(loadEscoOccupations(), (o) => o.iscoGroup);
    let tried = 0;
    let near = 0;
    for (let i = 0; i < 600; i++) {
      const group = pick(groups);
      const a = pick(group).preferredLabels[0] ?? "";
      const b = pick(group).preferredLabels[0] ?? "";
      if (a === b) continue;
      tried++;
      if (rel(a, b).score >= OCCUPATION_RELATEDNESS.same_group - 0.1) near++;
    }
    expect(near / tried).toBeGreaterThan(0.95);
  });

  it("different jobs that merely share words keep scoring low", () => {
    for (const [a, b] of [
      ["operatore socio sanitario", "operatore ecologico"],
      ["tecnico informatico", "tecnico di laboratorio"],
      ["addetto alle pulizie", "addetto alle vendite"],
      ["operatore di magazzino", "operatore call center"],
      ["OSS", "operatore ecologico"],
    ] as const) {
      expect(rel(a, b).score, `${a} / ${b}`).toBeLessThanOrEqual(OCCUPATION_RELATEDNESS.text);
    }
    // In general: ESCO labels sharing a word, in different ISCO-08 sub-major groups.
    const pick = draw(7);
    const labels = loadEscoOccupations().map((o) => ({ label: o.preferredLabels[0] ?? "", isco: o.iscoGroup }));
    const byWord = new Map<string, typeof labels>();
    for (const l of labels) for (const s of new Set(analyze(l.label))) byWord.set(s, [...(byWord.get(s) ?? []), l]);
    const sharing = [...byWord.values()].filter((g) => g.length > 1);
    let tried = 0;
    let high = 0;
    for (let i = 0; i < 1500; i++) {
      const g = pick(sharing);
      const a = pick(g);
      const b = pick(g);
      if (a.isco.slice(0, 2) === b.isco.slice(0, 2)) continue;
      tried++;
      if (rel(a.label, b.label).score > OCCUPATION_RELATEDNESS.related_group) high++;
    }
    expect(tried).toBeGreaterThan(500);
    // The few above are ESCO's own shared labels ("accompagnatore" is a label of "accompagnatore turistico").
    expect(high / tried).toBeLessThan(0.06);
  });
});

describe("declared profiles and experience (D.Lgs. 150/2015, art. 20)", () => {
  const offer = resolveOccupation("Cuoco");
  const job = { title: "Cuoco", code: null, sector: null, from: "2020-01-01", to: "2026-06-30" };
  const score = (profiles: string[], experiences: (typeof job)[]) =>
    scoreProfile(offer, person({ profiles: profiles.map((title) => ({ title, code: null })), experiences }), TODAY);

  it("declared with experience > declared only > experience only > nothing", () => {
    const both = score(["Cuoco"], [job]);
    const declared = score(["Cuoco"], []);
    const experience = score(["Magazziniere"], [job]);
    const none = score(["Magazziniere"], []);
    expect(both.value).toBe(1);
    expect(declared.value).toBeGreaterThan(experience.value);
    expect(both.value).toBeGreaterThan(declared.value);
    expect(experience.value).toBeGreaterThan(none.value);
    expect(experience.reason).toMatch(/^Esperienza come «Cuoco».*; occupazione non tra i profili dichiarati$/);
    expect(declared.reason).toMatch(/^Profilo dichiarato «Cuoco»/);
  });

  it("the same order holds for an interchangeable occupation", () => {
    const shop = resolveOccupation("Commesso");
    const till = { title: "Cassiera", code: null, sector: null, from: "2022-01-01", to: null };
    const s = (profiles: string[], experiences: (typeof till)[]) =>
      scoreProfile(shop, person({ profiles: profiles.map((title) => ({ title, code: null })), experiences }), TODAY).value;
    expect(s(["Cassiera"], [till])).toBeGreaterThan(s(["Cassiera"], []));
    expect(s(["Cassiera"], [])).toBeGreaterThan(s(["Magazziniere"], [till]));
  });

  it("a mistyped declared profile is read with the person's experience, and the reason says so", () => {
    const p = person({
      profiles: [{ title: "Sbalatore", code: null }],
      experiences: [{ title: "Magazziniere", code: null, sector: null, from: "2021-01-01", to: null }],
    });
    const r = scoreProfile(resolveOccupation("Sballatore"), p, TODAY);
    expect(r.reason).toMatch(/^Profilo dichiarato «Sbalatore» \(interpretato come «Sballatore» in base a esperienze e competenze\)/);
    expect(r.value).toBeGreaterThan(0.8);
    expect(r.declaredLevel).toBe("same_occupation");
  });
});
