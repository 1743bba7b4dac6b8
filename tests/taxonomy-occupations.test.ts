import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCsv } from "../src/reference/read-csv.js";
import {
  OCCUPATION_FILES,
  loadCp2011JobTitles,
  loadCp2011Units,
  loadEscoOccupations,
  loadIscoGroups,
  loadOccupationSources,
  splitGenderForms,
} from "../src/taxonomy/load-occupations.js";
import {
  OCCUPATION_RELATEDNESS,
  OccupationTaxonomy,
  interpretInContext,
  interpretationNote,
  iscoGroupLabel,
  occupationRelatedness,
  occupationTaxonomy,
  resolveOccupation,
  retrievalKeys,
  unitLabel,
  type RelatednessLevel,
  type ResolvedOccupation,
} from "../src/taxonomy/occupation-taxonomy.js";
import { loadSynonyms } from "../src/taxonomy/synonyms.js";
import { boundedEditDistance } from "../src/text/edit-distance.js";
import { WordCorrector } from "../src/taxonomy/token-similarity.js";
import { foldItalian } from "../src/text/normalize-italian.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-taxonomy-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes a copy of a CSV with its columns reordered (last first) and an extra column, quoting every cell. */
function modifiedCopy(source: string, name: string): string {
  const records = readCsv(source);
  const header = Object.keys(records[0] ?? {});
  const reordered = [...header.slice(-1), ...header.slice(0, -1), "colonna_nuova"];
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [reordered.map(q).join(","), ...records.map((r) => reordered.map((c) => q(c === "colonna_nuova" ? "x" : (r[c] ?? ""))).join(","))];
  const file = path.join(tmp, name);
  fs.writeFileSync(file, "\uFEFF" + lines.join("\r\n") + "\r\n");
  return file;
}

describe("loading the classifications", () => {
  it("loads the shipped files", () => {
    expect(loadCp2011Units()).toHaveLength(800);
    expect(loadCp2011JobTitles()).toHaveLength(6717);
    const esco = loadEscoOccupations();
    expect(esco).toHaveLength(2942);
    expect(esco.find((o) => o.code === "9333.8")).toMatchObject({ iscoGroup: "9333", preferredLabels: ["magazziniere", "magazziniera"] });
    expect(loadIscoGroups().find((g) => g.code === "9333")?.label).toBeTruthy();
  });

  it("splits ESCO gender forms, completing an abbreviated first form", () => {
    expect(splitGenderForms("magazziniere/magazziniera")).toEqual(["magazziniere", "magazziniera"]);
    expect(splitGenderForms("esperto/esperta nella preparazione del sidro")).toEqual([
      "esperto nella preparazione del sidro",
      "esperta nella preparazione del sidro",
    ]);
    expect(splitGenderForms("elettricista")).toEqual(["elettricista"]);
  });

  it("tolerates a reordered header and an extra column (a newer release), with the same result", () => {
    const files = {
      cp2011Units: modifiedCopy(OCCUPATION_FILES.cp2011Units, "units.csv"),
      cp2011JobTitles: modifiedCopy(OCCUPATION_FILES.cp2011JobTitles, "titles.csv"),
      escoOccupations: modifiedCopy(OCCUPATION_FILES.escoOccupations, "esco.csv"),
      iscoGroups: modifiedCopy(OCCUPATION_FILES.iscoGroups, "isco.csv"),
    };
    const modified = loadOccupationSources(files);
    const shipped = loadOccupationSources();
    expect(modified).toEqual(shipped);
    const taxonomy = new OccupationTaxonomy(modified, loadSynonyms());
    expect(taxonomy.resolve("magazziniera").concepts[0]?.iscoGroup).toBe("9333");
  });

  it("tolerates missing optional columns and fails clearly on a missing required one", () => {
    const file = path.join(tmp, "units-min.csv");
    fs.writeFileSync(file, "name,cp2011_code\nFACCHINI,8.1.3.1.0\n");
    expect(loadCp2011Units(file)).toEqual([{ code: "8.1.3.1.0", group4: "8.1.3.1", name: "FACCHINI" }]);
    const titles = path.join(tmp, "titles-min.csv");
    fs.writeFileSync(titles, "voce,cp2011_code\nFACCHINO,8.1.3.1.0\n");
    expect(loadCp2011JobTitles(titles)).toEqual([{ unitCode: "8.1.3.1.0", titleCode: "8.1.3.1.0#1", title: "FACCHINO" }]);
    const esco = path.join(tmp, "esco-min.csv");
    fs.writeFileSync(esco, "preferredLabel,iscoGroup\nmagazziniere/magazziniera,9333\n");
    expect(loadEscoOccupations(esco)).toEqual([
      { code: "9333/magazziniere", uri: null, iscoGroup: "9333", preferredLabels: ["magazziniere", "magazziniera"], altLabels: [], hiddenLabels: [], description: "" },
    ]);
    const broken = path.join(tmp, "broken.csv");
    fs.writeFileSync(broken, "cp2011_code,nome\n8.1.3.1.0,FACCHINI\n");
    expect(() => loadCp2011Units(broken)).toThrow(/name/);
  });
});

describe("taxonomy build", () => {
  it("links most CP2011 units to an ISCO group", () => {
    const { stats } = occupationTaxonomy();
    expect(stats.cp2011Units).toBe(800);
    expect(stats.cp2011UnitsWithIsco).toBeGreaterThanOrEqual(600);
  });

  it("derives sensible links for well-known units", () => {
    const t = occupationTaxonomy();
    expect(t.iscoForUnit("8.1.3.2.0")?.code).toBe("9333");
    expect(t.iscoForUnit("5.2.2.1.0")?.code).toBe("5120");
    expect(t.iscoForUnit("7.4.2.3.0")?.code).toBe("8332");
    expect(t.iscoForUnit("4.3.1.2.0")?.code).toBe("4321");
    // A mixed unit takes its majority: 5.3.1.1.0 holds masseurs and physiotherapy aides besides the OSS.
    expect(t.iscoForUnit("5.3.1.1.0")?.code).toBe("3255");
    expect(t.iscoForUnit("6.1.3.7.0")?.code).toBe("7411");
  });
});

type Expect = { unit?: string[]; isco?: string[]; via?: string };
const TABLE: [string, Expect][] = [
  ["magazziniere", { isco: ["9333"], via: "exact" }],
  ["magazziniera", { isco: ["9333"], via: "exact" }],
  ["Magazziniera", { isco: ["9333"] }],
  ["magazinere", { isco: ["9333"], via: "fuzzy" }],
  ["addetto magazzino", { unit: ["4.3.1.2.0", "8.1.3.2.0"], isco: ["4321", "9333"] }],
  ["addetta al magazzino", { unit: ["4.3.1.2.0", "8.1.3.2.0"], isco: ["4321", "9333"] }],
  ["operatore di magazzino", { isco: ["9333"], via: "exact" }],
  ["mulettista", { unit: ["8.1.3.2.0"] }],
  ["muletto", { unit: ["8.1.3.2.0", "7.4.4.4.0"], via: "synonym" }],
  ["addetto pulizie", { unit: ["8.1.4.3.0", "8.1.4.1.0"], isco: ["9112"] }],
  ["pulizie", { isco: ["9112"], via: "synonym" }],
  ["addetta alle pulizie", { isco: ["9112"] }],
  ["OSS", { unit: ["5.3.1.1.0"], isco: ["5321"], via: "acronym" }],
  ["O.S.S.", { isco: ["5321"], via: "acronym" }],
  ["Operatrice socio-sanitaria", { unit: ["5.3.1.1.0"], isco: ["5321"], via: "exact" }],
  ["operatore sociosanitario", { unit: ["5.3.1.1.0"], isco: ["5321"] }],
  ["OSS con esperienza in RSA", { isco: ["5321"] }],
  ["ASA", { isco: ["3412", "5322"], via: "acronym" }],
  ["OSA", { isco: ["3412", "5322"], via: "acronym" }],
  ["ADB", { unit: ["5.4.4.3.0"], via: "acronym" }],
  ["impiegata amministrativa", { unit: ["4.1.1.2.0"], via: "exact" }],
  ["impiegato amministrativo", { unit: ["4.1.1.2.0"], via: "exact" }],
  ["saldatore a filo", { unit: ["6.2.1.2.0", "6.2.1.7.0"], isco: ["7212"] }],
  ["saldatrice", { isco: ["7212"] }],
  ["cameriera di sala", { unit: ["5.2.2.3.2"], isco: ["5131"] }],
  ["cameriere", { isco: ["5131"] }],
  ["autista patente C", { unit: ["7.4.2.3.0"], isco: ["8332"], via: "synonym" }],
  ["autista patente C con CQC", { unit: ["7.4.2.3.0"], isco: ["8332"] }],
  ["camionista", { unit: ["7.4.2.3.0"], isco: ["8332"] }],
  ["elettricista", { unit: ["6.1.3.7.0"], isco: ["7411"], via: "exact" }],
  ["cuoca", { unit: ["5.2.2.1.0"], isco: ["5120"] }],
  ["aiuto cuoco", { isco: ["9412"] }],
  ["barista", { unit: ["5.2.2.4.0"], isco: ["5132"] }],
  ["badante", { unit: ["5.4.4.3.0"] }],
  ["colf", { unit: ["8.2.2.1.0"] }],
  ["commessa", { unit: ["5.1.2.2.0"], isco: ["5223"] }],
  ["cassiera di supermercato", { unit: ["5.1.2.4.0"], isco: ["5230"] }],
  ["infermiera", { unit: ["3.2.1.1.1"], isco: ["2221"] }],
  ["parrucchiera", { isco: ["5141"] }],
  ["facchino", { unit: ["8.1.3.1.0"], isco: ["9333"] }],
  ["lavapiatti", { unit: ["8.1.4.2.0"], isco: ["9412"] }],
  ["operaio generico", { isco: ["9329"], via: "synonym" }],
];

describe("resolving typed titles", () => {
  it.each(TABLE)("%s", (title, want) => {
    const r = resolveOccupation(title);
    const top = r.concepts[0];
    expect(top, `nessun concetto per "${title}"`).toBeDefined();
    if (!top) return;
    const ok = (want.unit?.includes(top.cp2011Unit ?? "") ?? false) || (want.isco?.includes(top.iscoGroup ?? "") ?? false);
    expect(ok, `${title} → ${top.key} ${top.label} cp=${top.cp2011Unit} isco=${top.iscoGroup}`).toBe(true);
    if (want.via) expect(top.via).toBe(want.via);
    expect(top.confidence).toBeGreaterThan(0);
    expect(top.confidence).toBeLessThanOrEqual(1);
    expect(r.concepts.length).toBeLessThanOrEqual(5);
  });

  it("gives both systems' codes to a resolved title", () => {
    const top = resolveOccupation("magazziniera").concepts[0];
    expect(top).toMatchObject({ cp2011Unit: "8.1.3.2.0", iscoGroup: "9333", escoCode: "9333.8" });
  });

  it("masculine and feminine forms resolve alike", () => {
    for (const [m, f] of [["magazziniere", "magazziniera"], ["operatore socio-sanitario", "operatrice socio-sanitaria"], ["cuoco", "cuoca"], ["addetto alle pulizie", "addetta alle pulizie"]] as const) {
      expect(resolveOccupation(f).concepts[0]?.key).toBe(resolveOccupation(m).concepts[0]?.key);
    }
  });

  it("an explicit code wins with confidence 1 (CP2011 5-level, 4-level, ISCO)", () => {
    const five = resolveOccupation("magazziniere", "8.1.3.1.0").concepts[0];
    expect(five).toMatchObject({ cp2011Unit: "8.1.3.1.0", confidence: 1, via: "code" });
    const four = resolveOccupation("cameriere", "5.2.2.3").concepts[0];
    expect(four).toMatchObject({ cp2011Group: "5.2.2.3", cp2011Unit: null, confidence: 1, via: "code" });
    expect(resolveOccupation("x", "8.1.3.2").concepts[0]).toMatchObject({ cp2011Unit: "8.1.3.2.0", via: "code" });
    const isco = resolveOccupation("qualcosa", "9333").concepts[0];
    expect(isco).toMatchObject({ iscoGroup: "9333", confidence: 1, via: "code" });
    // An unknown code is ignored, the title still resolves.
    expect(resolveOccupation("magazziniere", "9.9.9.9.9").concepts[0]?.via).toBe("exact");
  });

  it("returns stems and no concept for nonsense", () => {
    const r = resolveOccupation("xqzv wwkk");
    expect(r.concepts).toEqual([]);
    expect(r.tokens).toEqual(["xqzv", "wwkk"]);
    expect(resolveOccupation("").concepts).toEqual([]);
  });

  it("is fast: memoised per normalised title", () => {
    occupationTaxonomy();
    const titles = loadCp2011JobTitles().slice(0, 2000).map((t) => t.title.toLowerCase());
    const started = performance.now();
    for (const t of titles) resolveOccupation(t);
    const perTitle = (performance.now() - started) / titles.length;
    expect(perTitle).toBeLessThan(2);
    const again = performance.now();
    for (const t of titles) resolveOccupation(t);
    expect((performance.now() - again) / titles.length).toBeLessThan(0.1);
    expect(resolveOccupation("Magazziniera").input).toBe("Magazziniera");
  });
});

describe("typos", () => {
  const top = (title: string) => resolveOccupation(title).concepts[0];
  const sameJob = (a: ReturnType<typeof top>, b: ReturnType<typeof top>) =>
    a !== undefined && b !== undefined && (a.key === b.key || (a.cp2011Unit !== null && a.cp2011Unit === b.cp2011Unit));

  it.each([
    ["magazzinere", "magazziniere"],
    ["magazinere", "magazziniere"],
    ["cuocco", "cuoco"],
    ["baista", "barista"],
    ["barsita", "barista"],
    ["camerere", "cameriere"],
    ["aprrucchiera", "parrucchiera"],
    ["massaggiatoreo", "massaggiatore"],
    ["elettricsta", "elettricista"],
    ["infremiere", "infermiere"],
    ["mulettsta", "mulettista"],
    ["magazzinere addetto", "magazziniere"],
  ])("a one-letter slip finds the title: %s → %s", (typed, meant) => {
    const got = resolveOccupation(typed);
    expect(sameJob(got.concepts[0], top(meant)), `${typed} → ${got.concepts[0]?.label}`).toBe(true);
    expect(got.interpretation?.corrections.length).toBeGreaterThan(0);
    expect(got.concepts[0]?.confidence).toBeLessThan(1);
  });

  it("a short title is read too, with lower confidence, and the note says it was interpreted", () => {
    for (const typed of ["coco", "cuoo"]) {
      const r = resolveOccupation(typed);
      expect(r.concepts[0]?.label, typed).toBe("cuoco");
      expect(r.interpretation?.uncertain).toBe(true);
      expect(r.concepts[0]?.confidence).toBeLessThanOrEqual(0.6);
      expect(interpretationNote(r)).toBe(" (interpretato come «cuoco», lettura incerta)");
    }
    // A certain correction: plain note.
    expect(interpretationNote(resolveOccupation("cuocco"))).toBe(" (interpretato come «cuoco»)");
  });

  it("an exact known title always wins over a correction, even one letter from another title", () => {
    for (const [a, b] of [["enologo", "ecologo"], ["geologo", "teologo"], ["cassiere", "gassiere"], ["pastaio", "bastaio"]] as const) {
      expect(boundedEditDistance(a, b, 1, { swaps: true })).toBe(1);
      const ra = resolveOccupation(a);
      const rb = resolveOccupation(b);
      expect(ra.concepts[0]?.via).toBe("exact");
      expect(rb.concepts[0]?.via).toBe("exact");
      expect(ra.concepts[0]?.key).not.toBe(rb.concepts[0]?.key);
      expect(ra.interpretation).toBeUndefined();
    }
  });

  it("competing readings stay uncertain until the person's experiences or competences decide", () => {
    const r = resolveOccupation("giologa");
    expect(r.interpretation?.uncertain).toBe(true);
    expect(r.interpretation?.readings.map((c) => c.label).sort()).toEqual(["biologo", "geologo"]);
    expect(r.concepts[0]?.confidence).toBeLessThanOrEqual(0.6);
    expect(interpretationNote(r)).toMatch(/^ \(interpretato come «(geologo|biologo)», lettura incerta: forse «(geologo|biologo)»\)$/);

    const lab = interpretInContext(r, [], ["Analisi di laboratorio", "Microbiologia"]);
    expect(lab.concepts[0]?.label).toBe("biologo");
    const field = interpretInContext(r, [], ["Rilievi geologici", "Cartografia"]);
    expect(field.concepts[0]?.label).toBe("geologo");
    for (const decided of [lab, field]) {
      expect(decided.interpretation).toMatchObject({ uncertain: false, decidedByContext: true });
      expect(decided.concepts[0]?.confidence).toBeGreaterThan(r.concepts[0]?.confidence ?? 1);
      expect(interpretationNote(decided)).toMatch(/in base a esperienze e competenze/);
    }
    // Another occupation of the person decides by code: a sballatore works in a warehouse.
    const unpacker = interpretInContext(resolveOccupation("sbalatore"), [resolveOccupation("magazziniere")], []);
    expect(unpacker.concepts[0]?.label).toBe("Sballatore");
    // Nothing to go on: unchanged.
    expect(interpretInContext(r, [], ["Guida di autoveicoli"])).toBe(r);
  });

  it("nine in ten random one-letter slips of the classifications' one-word titles find their title; a certain reading is almost never another job", () => {
    let seed = 424242;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const letters = "abcdefghilmnoprstuvz";
    const slip = (w: string): string => {
      const i = Math.floor(random() * w.length);
      switch (Math.floor(random() * 4)) {
        case 0:
          return w.slice(0, i) + w.slice(i + 1);
        case 1:
          return w.slice(0, i) + letters[Math.floor(random() * letters.length)] + w.slice(i + 1);
        case 2:
          return w.slice(0, i) + w[i] + w.slice(i);
        default:
          return i < w.length - 1 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w + "o";
      }
    };
    const words = new Set<string>();
    for (const o of loadEscoOccupations()) for (const l of o.preferredLabels) if (/^\p{L}+$/u.test(l)) words.add(foldItalian(l));
    for (const t of loadCp2011JobTitles()) if (/^\p{L}+$/u.test(t.title)) words.add(foldItalian(t.title));
    let tried = 0;
    let found = 0;
    let certainWrong = 0;
    for (const w of words) {
      if (w.length < WordCorrector.MIN_LENGTH + 1) continue;
      const want = top(w);
      const typed = slip(w);
      if (!want || typed === w || words.has(typed)) continue;
      const got = resolveOccupation(typed);
      if (got.concepts[0]?.via === "exact") continue; // the slip is itself a known title
      tried++;
      const readings = got.interpretation?.readings ?? got.concepts.slice(0, 1);
      if (readings.some((c) => sameJob(c, want))) found++;
      else if (!got.interpretation?.uncertain) certainWrong++;
    }
    expect(tried).toBeGreaterThan(1000);
    expect(found / tried).toBeGreaterThan(0.9);
    expect(certainWrong / tried).toBeLessThan(0.01);
  });
});

describe("relatedness", () => {
  const rel = (a: string, b: string) => occupationRelatedness(resolveOccupation(a), resolveOccupation(b));

  it("orders levels sensibly", () => {
    expect(rel("magazziniere", "magazziniera")).toMatchObject({ level: "same_occupation", score: 1 });
    const warehouse = rel("magazziniere", "operatore di magazzino");
    const cook = rel("magazziniere", "cuoco");
    expect(warehouse.score).toBeGreaterThan(cook.score);
    expect(["same_unit", "same_group"]).toContain(warehouse.level);
    expect(cook.level).toBe("none");
    expect(rel("OSS", "Operatrice socio-sanitaria").score).toBeGreaterThanOrEqual(0.9);
  });

  it("explains with Italian reasons naming codes and labels", () => {
    const r = occupationRelatedness(resolveOccupation("facchino", "8.1.3.1.0"), resolveOccupation("addetto ai traslochi", "8.1.3.1.0"));
    expect(r.level).toBe("same_occupation");
    const u = occupationRelatedness(resolveOccupation("", "8.1.3.1.0"), resolveOccupation("facchino"));
    expect(u.level).toBe("same_unit");
    expect(u.reason).toMatch(/^stessa unità professionale CP2011 8\.1\.3\.1\.0 \(Facchini/);
    const g = rel("cameriere di sala", "cameriere ai vini");
    expect(g.score).toBeGreaterThanOrEqual(OCCUPATION_RELATEDNESS.related_group);
  });

  it("falls back to capped text similarity", () => {
    const a: ResolvedOccupation = { input: "a", concepts: [], tokens: ["zzmagic", "operat"] };
    const b: ResolvedOccupation = { input: "b", concepts: [], tokens: ["zzmagic"] };
    const r = occupationRelatedness(a, b);
    expect(r.level).toBe("text");
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThanOrEqual(OCCUPATION_RELATEDNESS.text);
    expect(OCCUPATION_RELATEDNESS.text).toBeLessThan(OCCUPATION_RELATEDNESS.related_group);
  });

  it("labels codes for reasons", () => {
    expect(unitLabel("8.1.3.1.0")).toMatch(/^Facchini/);
    expect(unitLabel("5.2.2.3")).toContain(";");
    expect(iscoGroupLabel("9333")).toBeTruthy();
    expect(unitLabel("nope")).toBeNull();
  });
});

describe("retrieval keys", () => {
  it("produce the documented key kinds", () => {
    const keys = retrievalKeys(resolveOccupation("magazziniera"));
    expect(keys).toEqual(expect.arrayContaining(["cp5:8.1.3.2.0", "cp4:8.1.3.2", "isco4:9333", "isco3:933"]));
  });

  it("two occupations related at related_group or above share a key (random pairs from the data)", () => {
    // Deterministic pseudo-random draw (mulberry32) over CP2011 titles and ESCO labels, half of the pairs
    // from the same CP2011 major group so that related pairs are frequent.
    let seed = 20240611;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const titles = [
      ...loadCp2011JobTitles().map((t) => ({ text: t.title, group: t.unitCode.slice(0, 3) })),
      ...loadEscoOccupations().map((o) => ({ text: o.altLabels[0] ?? o.preferredLabels[0] ?? "", group: o.iscoGroup.slice(0, 1) })),
    ];
    const pick = () => titles[Math.floor(random() * titles.length)]!;
    const strong: RelatednessLevel[] = ["same_occupation", "same_unit", "interchangeable", "same_group", "related_group"];
    let related = 0;
    for (let i = 0; i < 3000; i++) {
      const a = pick();
      let b = pick();
      if (i % 2 === 0) for (let k = 0; k < 50 && b.group !== a.group; k++) b = pick();
      const ra = resolveOccupation(a.text);
      const rb = resolveOccupation(b.text);
      const r = occupationRelatedness(ra, rb);
      if (!strong.includes(r.level)) continue;
      related++;
      const ka = new Set(retrievalKeys(ra));
      expect(retrievalKeys(rb).some((k) => ka.has(k)), `${a.text} / ${b.text}: ${r.level}`).toBe(true);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(related).toBeGreaterThan(100);
  });
});

describe("synonyms list", () => {
  it("every occupation synonym points at a title the classifications know exactly", () => {
    for (const s of loadSynonyms().filter((e) => e.domain === "occupation")) {
      const top = resolveOccupation(s.canonical).concepts[0];
      expect(top?.via, `${s.term} → ${s.canonical}`).toBe("exact");
    }
  });
});
