import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  COMPETENCE_MATCHING,
  competenceSimilarity,
  competenceTokens,
  isKnownAnpalProfile,
  matchCompetences,
  profileCompetences,
  resolveCompetence,
} from "../src/taxonomy/competences.js";
import { cleanAnpalText, loadAnpalCompetences, loadAnpalProfiles, loadProfileCompetenceLinks } from "../src/taxonomy/load-competences.js";
import { PhraseRewriter, loadSynonyms } from "../src/taxonomy/synonyms.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-competences-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("ANPAL files", () => {
  it("load, with the lost apostrophes restored", () => {
    const competences = loadAnpalCompetences();
    expect(competences.length).toBe(1392);
    expect(competences.some((c) => c.label.includes("¿"))).toBe(false);
    expect(cleanAnpalText("gestire l¿assistenza  tecnica")).toBe("Gestire l'assistenza tecnica");
    expect(loadAnpalProfiles().length).toBeGreaterThan(300);
    expect(loadProfileCompetenceLinks().length).toBe(1690);
  });

  it("tolerate a reordered header with an extra column", () => {
    const file = path.join(tmp, "competences.csv");
    fs.writeFileSync(file, "nuova,des_competenza,cod_competenza\nx,Condurre il muletto,42\n");
    expect(loadAnpalCompetences(file)).toEqual([{ code: "42", label: "Condurre il muletto" }]);
  });
});

describe("competence tokens", () => {
  it("are analysed stems with synonyms applied, order-free across articles and forms", () => {
    expect(competenceTokens("Uso del muletto")).toEqual(competenceTokens("conduzione dei carrelli elevatori"));
    expect(competenceTokens("utilizzo del PC")).toEqual(competenceTokens("uso computer"));
    expect(competenceTokens("Conoscenza della lingua inglese")).toEqual(["ingles"]);
  });

  it("keep the licence category (natural's stop words contain 'c')", () => {
    expect(competenceTokens("Patente C")).toEqual(["patent", "c"]);
    expect(competenceTokens("patente CE")).toEqual(["patent", "ce"]);
    expect(competenceTokens("Patente B")).not.toEqual(competenceTokens("Patente C"));
  });
});

describe("matching competences", () => {
  it("covers a requirement with the best offered competence above the threshold", () => {
    const r = matchCompetences(
      ["Uso del muletto", "Conoscenza della lingua inglese", "Patente C", "Utilizzo del PC"],
      ["patentino carrelli elevatori", "inglese", "patente B", "uso del computer"],
    );
    expect(r.matched.map((m) => [m.required, m.offered])).toEqual([
      ["Uso del muletto", "patentino carrelli elevatori"],
      ["Conoscenza della lingua inglese", "inglese"],
      ["Utilizzo del PC", "uso del computer"],
    ]);
    expect(r.missing).toEqual(["Patente C"]);
    for (const m of r.matched) expect(m.similarity).toBeGreaterThanOrEqual(COMPETENCE_MATCHING.threshold);
  });

  it("is tolerant of word order, articles, plural and gender, derived forms and typos", () => {
    expect(competenceSimilarity("uso del muletto", "conduzione carrelli elevatori")).toBe(1);
    expect(competenceSimilarity("pulizia degli uffici", "uffici pulizie")).toBe(1);
    expect(competenceSimilarity("gestione del magazzino", "gestione magazino")).toBeGreaterThan(0.8);
    expect(competenceSimilarity("manutenzione degli impianti", "manutentore impianti")).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps partial credit in the similarity", () => {
    const s = competenceSimilarity("Esperienza nelle pulizie civili o industriali", "pulizie industriali");
    expect(s).toBeGreaterThan(0.5);
    expect(s).toBeLessThan(1);
  });

  it("different competences do not match", () => {
    expect(competenceSimilarity("uso del muletto", "uso del computer")).toBeLessThan(COMPETENCE_MATCHING.threshold);
    expect(competenceSimilarity("saldatura", "contabilità")).toBe(0);
  });

  it("missing data never counts as a match", () => {
    expect(matchCompetences(["Uso del muletto"], [])).toEqual({ matched: [], partial: [], missing: ["Uso del muletto"] });
    expect(matchCompetences(["Uso del muletto"], ["", "   "])).toEqual({ matched: [], partial: [], missing: ["Uso del muletto"] });
    expect(matchCompetences(["di la"], ["di la"])).toEqual({ matched: [], partial: [], missing: ["di la"] });
    expect(matchCompetences(["", "  "], ["inglese"])).toEqual({ matched: [], partial: [], missing: [] });
  });
});

describe("ANPAL dictionary", () => {
  it("resolves a text that states a dictionary competence", () => {
    const exact = resolveCompetence("Effettuare la verifica del piano di volo");
    expect(exact).toMatchObject({ code: "320204", similarity: 1 });
    expect(resolveCompetence("verifica piano di volo")?.code).toBe("320204");
    expect(resolveCompetence("gestire l'assistenza tecnico-giuridica e tecnico-economica ad una azienda agricola")?.code).toBe("18009");
    expect(resolveCompetence("muletto")).toBeNull();
    expect(resolveCompetence("")).toBeNull();
  });

  it("lists a profile's competences from the links", () => {
    const list = profileCompetences("83");
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toMatchObject({ code: "448", type: "3" });
    expect(isKnownAnpalProfile("83")).toBe(true);
    expect(profileCompetences("non-esiste")).toEqual([]);
  });
});

describe("synonyms list", () => {
  it("has valid rows for both domains", () => {
    const entries = loadSynonyms();
    expect(entries.some((e) => e.domain === "occupation" && e.term === "OSS")).toBe(true);
    expect(entries.some((e) => e.domain === "competence" && e.term === "muletto")).toBe(true);
  });

  it("rewrites longest phrases first, keeping the rest of the text", () => {
    const rw = new PhraseRewriter(loadSynonyms().filter((e) => e.domain === "competence"));
    const out = rw.rewrite("Patentino del muletto e uso del PC");
    expect(out.stems).toEqual(["abilitazion", "conduzion", "carrell", "elevat", "uso", "computer"]);
    expect(out.applied.map((a) => a.term)).toEqual(["patentino del muletto", "pc"]);
  });

  it("rejects an invalid kind", () => {
    const file = path.join(tmp, "syn.csv");
    fs.writeFileSync(file, "term,kind,domain,canonical\nOSS,sigla,occupation,operatore socio-sanitario\n");
    expect(() => loadSynonyms(file)).toThrow(/tipo/);
  });
});
