import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCompetenceConcepts, sameRoot } from "../src/taxonomy/competence-concepts.js";
import { COMPETENCE_MATCHING, competenceSimilarity, matchCompetences, resolveCompetenceConcepts } from "../src/taxonomy/competences.js";
import { loadAnpalCompetences } from "../src/taxonomy/load-competences.js";
import { scoreCompetences } from "../src/matching/score-competences.js";
import { person, vacancy } from "./helpers/match-facts.js";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { MONCALIERI, TORINO } from "./helpers/valid-codes.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-concepts-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const conceptIds = (text: string) => resolveCompetenceConcepts(text).map((c) => c.id);

describe("the thesaurus file", () => {
  const rows = loadCompetenceConcepts();

  it("covers the certificates, tools and occupation families CPI offers ask for", () => {
    const ids = new Set(rows.map((r) => r.concept));
    for (const id of ["haccp", "qualifica_oss", "qualifica_asa", "carrello_elevatore", "cqc", "adr", "ple", "primo_soccorso", "antincendio", "preposto", "rspp"]) {
      expect(ids, id).toContain(id);
    }
    const families = new Set(rows.map((r) => r.family));
    for (const family of ["logistica", "assistenza", "pulizie", "ristorazione", "commercio", "amministrazione", "edilizia", "metalmeccanica", "elettrico", "agricoltura", "trasporti", "informatica"]) {
      expect(families, family).toContain(family);
    }
  });

  it("reads every wording of a concept as that concept", () => {
    for (const row of rows.filter((r) => r.kind !== "head")) {
      for (const wording of [row.label, ...row.terms]) expect(conceptIds(wording), `${row.concept}: ${wording}`).toContain(row.concept);
    }
  });

  it("rejects an unknown kind and a relation to a missing concept", () => {
    const file = path.join(tmp, "concepts.csv");
    fs.writeFileSync(file, "concept,label,kind,family,terms,related\nhaccp,HACCP,attestato,ristorazione,haccp,\n");
    expect(() => loadCompetenceConcepts(file)).toThrow(/tipo "attestato"/);
    fs.writeFileSync(file, "concept,label,kind,family,terms,related\nhaccp,HACCP,certificate,ristorazione,haccp,cucina\n");
    expect(() => loadCompetenceConcepts(file)).toThrow(/"cucina", che non esiste/);
  });
});

describe("resolution to concepts", () => {
  it("gives each concept a text states, with a confidence, on either side", () => {
    expect(resolveCompetenceConcepts("Patentino del muletto")).toEqual([{ id: "carrello_elevatore", label: "conduzione carrelli elevatori", confidence: 1 }]);
    expect(resolveCompetenceConcepts("uso del transpalet")).toEqual([{ id: "transpallet", label: "uso del transpallet", confidence: expect.any(Number) }]);
    expect(resolveCompetenceConcepts("uso del transpalet")[0]?.confidence).toBeLessThan(1);
    expect(conceptIds("Movimentazione merci con transpallet")).toEqual(expect.arrayContaining(["movimentazione_merci", "transpallet"]));
    expect(conceptIds("O.S.S.")).toEqual(["qualifica_oss"]);
  });

  it("adds the ANPAL dictionary competence a text is", () => {
    expect(conceptIds("elaborare stipendi e cedolini paga")).toEqual(["paghe", "anpal:200214"]);
  });

  it("does not read a word as a different one that looks alike", () => {
    expect(conceptIds("saldatura ossiacetilenica")).not.toContain("qualifica_oss");
    expect(conceptIds("posa pavimenti")).not.toContain("pos");
    expect(conceptIds("uso del transpallet elettrico")).not.toContain("impianti_elettrici");
    expect(conceptIds("formulare proposte commerciali")).not.toContain("preposto");
    expect(conceptIds("")).toEqual([]);
  });

  it("tolerates derived forms of a word", () => {
    expect(sameRoot("manutenzion", "manutent")).toBe(true);
    expect(sameRoot("saldatur", "saldat")).toBe(true);
    expect(sameRoot("general", "generator")).toBe(false);
  });
});

describe("the same competence in other words", () => {
  it.each([
    ["uso del transpallet elettrico", "movimentazione merci con transpallet"],
    ["elaborazione delle buste paga", "gestione dei cedolini"],
    ["conduzione di piattaforme elevabili (PLE)", "abilitazione all'uso di piattaforme aeree"],
    ["Igiene della persona", "cura dell'igiene personale degli ospiti"],
    ["Igiene della persona", "bagno a letto e igiene intima"],
    ["HACCP", "attestato alimentarista"],
    ["Patentino per carrelli elevatori in corso di validità", "uso del muletto"],
    ["Corso antincendio rischio medio", "addetto antincendio"],
    ["Primo soccorso", "corso BLSD"],
    ["Saldatura a filo", "saldatura MIG/MAG"],
    ["Posa di piastrelle", "piastrellista"],
    ["Conduzione escavatore", "uso della pala meccanica e del miniescavatore"],
    ["Gestione della cassa", "utilizzo del registratore di cassa"],
    ["Prima nota e registrazioni contabili", "contabilità generale"],
    ["uso del computer", "ECDL"],
    ["Potatura della vite", "potatura in vigneto"],
    ["Cablaggio quadri elettrici", "quadrista"],
    ["Manutenzione degli impianti", "manutentore impianti"],
    ["Servire ai tavoli", "cameriere di sala"],
    ["Assistere bambini", "baby sitter"],
    ["Installare condizionatori", "frigorista"],
  ])("«%s» and «%s» match, with the same similarity both ways", (a, b) => {
    const ab = competenceSimilarity(a, b);
    expect(ab).toBeGreaterThanOrEqual(COMPETENCE_MATCHING.threshold);
    expect(competenceSimilarity(b, a)).toBe(ab);
  });

  it("different competences stay apart, also when they share a word", () => {
    expect(competenceSimilarity("uso del muletto", "uso del computer")).toBeLessThan(COMPETENCE_MATCHING.threshold);
    expect(competenceSimilarity("impianti elettrici civili", "uso del transpallet elettrico")).toBeLessThan(COMPETENCE_MATCHING.threshold);
    expect(competenceSimilarity("Patente C", "Patente B")).toBeLessThan(COMPETENCE_MATCHING.threshold);
    expect(competenceSimilarity("Qualifica OSS", "saldatura ossiacetilenica")).toBe(0);
    expect(competenceSimilarity("Cucito", "cucina")).toBeLessThan(COMPETENCE_MATCHING.threshold);
    expect(competenceSimilarity("Pulizia uffici", "Office")).toBeLessThan(COMPETENCE_MATCHING.threshold);
  });

  it("is symmetric over dictionary and thesaurus wordings alike", () => {
    const texts = [
      ...loadAnpalCompetences()
        .filter((_, i) => i % 61 === 0)
        .map((c) => c.label),
      ...loadCompetenceConcepts()
        .filter((r, i) => r.kind !== "head" && i % 5 === 0)
        .map((r) => r.terms[0] ?? r.label),
    ];
    for (const a of texts) for (const b of texts) expect(competenceSimilarity(a, b), `${a} / ${b}`).toBe(competenceSimilarity(b, a));
  });
});

describe("must-have coverage by concepts", () => {
  it("covers a requirement stated in other words, and the reason names the concept that matched", () => {
    const s = scoreCompetences(vacancy({ mustHave: ["Gestione dei cedolini"] }), person({ competences: ["elaborazione buste paga"] }), () => 1);
    expect(s.mustHaveCoverage).toBeGreaterThanOrEqual(COMPETENCE_MATCHING.threshold);
    expect(s.missing).toEqual([]);
    expect(s.reason).toContain("«Gestione dei cedolini» coperta da «elaborazione buste paga» (concetto: elaborazione paghe)");
  });

  it("gives partial credit for a related concept, and says which", () => {
    const s = scoreCompetences(vacancy({ mustHave: ["Igiene della persona"] }), person({ competences: ["Qualifica OSS"] }), () => 1);
    expect(s.mustHaveCoverage).toBeGreaterThan(0);
    expect(s.mustHaveCoverage).toBeLessThan(COMPETENCE_MATCHING.threshold);
    expect(s.reason).toMatch(/in parte «Igiene della persona» da «Qualifica OSS» \(qualifica di operatore socio-sanitario \(OSS\), affine a igiene e cura della persona\)/);
    expect(s.reason).not.toMatch(/mancano/);
    const r = matchCompetences(["Igiene della persona"], ["Qualifica OSS"]);
    expect(r.partial).toEqual([expect.objectContaining({ required: "Igiene della persona", offered: "Qualifica OSS", concept: "igiene e cura della persona" })]);
  });

  it("an unrelated competence earns nothing", () => {
    const s = scoreCompetences(vacancy({ mustHave: ["Igiene della persona"] }), person({ competences: ["Saldatura TIG"] }), () => 1);
    expect(s.mustHaveCoverage).toBe(0);
    expect(s.reason).toMatch(/mancano «Igiene della persona»/);
  });
});

describe("an OSS offer through the API", () => {
  const h = useTestApp();
  const ids: Record<string, string> = {};
  let vacancyId = "";
  const oss = { declaredProfiles: [{ title: "Operatore socio sanitario" }], experiences: [{ profileTitle: "Operatore socio sanitario", fromDate: "2018-01-01", toDate: "2025-12-31" }] };

  beforeAll(async () => {
    const admin = h.as(h.p.admin);
    const people: Record<string, Record<string, unknown>> = {
      ownWords: { ...oss, competences: ["cura dell'igiene personale degli ospiti", "cambi posturali"], domicileIstatCode: MONCALIERI },
      nothingAsked: { ...oss, competences: ["Preparazione primi piatti"] },
    };
    let n = 700;
    for (const [key, over] of Object.entries(people)) {
      const res = await admin.post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(n++), { maxTravelKm: 40, ...over }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[key] = res.body.id;
    }
    const v = await admin.post(
      "/api/v1/vacancies",
      vacancyBody({ requestedProfile: "Operatore socio sanitario", workplaceIstatCode: TORINO, mustHaveCompetences: ["Igiene della persona", "Mobilizzazione del paziente"], requiredLicences: [] }),
    );
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    vacancyId = v.body.id;
  });

  it("a person who wrote the must-haves in their own words is qualified, and told which concept matched", async () => {
    const res = await h.as(h.p.referent).get(`/api/v1/vacancies/${vacancyId}/matches/${ids.ownWords}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.qualified).toBe(true);
    expect(res.body.mustHaveCoverage).toBeGreaterThanOrEqual(COMPETENCE_MATCHING.threshold);
    expect(res.body.reasons.join(" ")).toContain("«Igiene della persona» coperta da «cura dell'igiene personale degli ospiti» (concetto: igiene e cura della persona)");
  });

  it("a person with none of them is told what was looked for and not found", async () => {
    const res = await h.as(h.p.referent).get(`/api/v1/vacancies/${vacancyId}/matches/${ids.nothingAsked}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.qualified).toBe(false);
    expect(res.body.summary).toMatch(
      /^Non proponibile: nessuna delle competenze indispensabili trovata fra quelle della persona \(cercate: «Igiene della persona» e «Mobilizzazione del paziente»\); punteggio \d+(\.\d+)?\.$/,
    );
  });
});
