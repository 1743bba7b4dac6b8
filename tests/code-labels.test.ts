import { describe, expect, it } from "vitest";
import { useTestApp, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { importViaApi } from "./helpers/imports.js";
import { VALID_VAT_NUMBERS } from "./helpers/valid-codes.js";
import { educationLevel, language, languageWithLevel, listVacancyContractTypes, vacancyContractType } from "../src/reference/code-lists.js";
import { readLanguages } from "../src/imports/candidate-cell-formats.js";
import { CONTRACT_TYPES } from "../src/vacancies/vacancy-schemas.js";

describe("labels operators write, read as codes", () => {
  it("education levels, contract types and languages by their everyday names", () => {
    const education: [string, string][] = [
      ["licenza media", "2"],
      ["terza media", "2"],
      ["qualifica professionale", "3"],
      ["diploma", "4"],
      ["Diploma di maturità", "4"],
      ["laurea triennale", "7"],
      ["laurea", "7"],
      ["Master di II livello", "10"],
      ["7", "7"],
    ];
    for (const [written, code] of education) expect(educationLevel(written)?.code, written).toBe(code);
    const contracts: [string, string][] = [
      ["tempo determinato", "fixed_term"],
      ["Tempo Indeterminato", "permanent"],
      ["apprendistato", "apprenticeship"],
      ["somministrazione", "agency"],
      ["co.co.co.", "collaboration"],
      ["A01", "fixed_term"],
      ["fixed_term", "fixed_term"],
    ];
    for (const [written, code] of contracts) expect(vacancyContractType(written)?.code, written).toBe(code);
    // Every contract type of a vacancy has its Italian label in the data file, and the file no other.
    expect(listVacancyContractTypes().map((c) => c.code).sort()).toEqual([...CONTRACT_TYPES].sort());
    expect(languageWithLevel("inglese B2")).toEqual({ code: "001", level: "B2" });
    expect(languageWithLevel("Francese - madrelingua")).toEqual({ code: "005", level: "C2" });
    expect(languageWithLevel("cinese mandarino c1")).toEqual({ code: "CIN", level: "C1" });
    expect(languageWithLevel("klingon B2")).toBeUndefined();
  });
});

describe("labels through the API and the imports", () => {
  const h = useTestApp();

  it("a vacancy written in words is stored in codes", async () => {
    const res = await h.as(h.p.admin).post(
      "/api/v1/vacancies",
      vacancyBody({ contractType: "tempo determinato", requiredEducationLevel: "diploma", requiredLanguages: ["inglese B2", { code: "tedesco", level: "intermedio" }] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      contractType: "fixed_term",
      requiredEducationLevel: "4",
      requiredLanguages: [
        { code: "001", level: "B2" },
        { code: "002", level: "B1" },
      ],
    });
    const agency = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ contractType: "somministrazione" }));
    expect(agency.body.contractType).toBe("agency");
    const found = await h.as(h.p.admin).get("/api/v1/vacancies?contractType=somministrazione");
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.items.map((v: { id: string }) => v.id)).toContain(agency.body.id);
  });

  it("a person written in words is stored in codes", async () => {
    const res = await h.as(h.p.admin).post(
      "/api/v1/candidates",
      candidateBody(mariaRossiTaxCode(810), { educationLevel: "laurea triennale", languages: ["inglese C1"], drivingLicences: ["patente B"] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ educationLevel: "7", languages: [{ code: "001", level: "C1" }], drivingLicences: ["B"] });
    const filtered = await h.as(h.p.admin).get("/api/v1/candidates?educationLevel=laurea&licence=patente%20B");
    expect(filtered.status, JSON.stringify(filtered.body)).toBe(200);
  });

  it("unknown labels are refused with the value and examples", async () => {
    const res = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ contractType: "a chiamata fissa", requiredEducationLevel: "scuola guida" }));
    expect(res.status).toBe(400);
    const messages = (res.body.fields as { message: string }[]).map((f) => f.message).join(" | ");
    expect(messages).toMatch(/Tipo di contratto sconosciuto «a chiamata fissa»/);
    expect(messages).toMatch(/Livello di studio sconosciuto «scuola guida»/);
    const language = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ requiredLanguages: ["klingon B2", { code: "inglese", level: "Z9" }] }));
    expect(language.status).toBe(400);
    expect(language.body.fields).toEqual([
      { field: "requiredLanguages.0.code", message: expect.stringMatching(/Lingua sconosciuta «klingon»/) },
      { field: "requiredLanguages.1.level", message: expect.stringMatching(/Livello sconosciuto «Z9»/) },
    ]);
  });

  it("the people file takes the same words", async () => {
    const csv = [
      "Codice fiscale;Cognome;Nome;Comune domicilio;Cpi;Lingue;Patenti;Titolo di studio",
      `${mariaRossiTaxCode(811)};Rossi;Maria;Moncalieri;${CPI_TORINO};inglese B2;C+E, CQC merci;diploma`,
      `${mariaRossiTaxCode(812)};Rossi;Maria;Samone (TO);${CPI_TORINO};francese A2;02;qualifica professionale`,
      `${mariaRossiTaxCode(813)};Rossi;Maria;Samone;${CPI_TORINO};;;`,
    ].join("\n");
    const run = await importViaApi(h.t.app, h.p.admin, "candidates", csv, "persone.csv");
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    expect(run.report.totals).toMatchObject({ created: 2, rejected: 1 });
    const people = await h.t.ctx.db.candidate.findMany({ where: { taxCode: { in: [mariaRossiTaxCode(811), mariaRossiTaxCode(812)] } }, orderBy: { taxCode: "asc" } });
    const byTax = new Map(people.map((p) => [p.taxCode, p]));
    expect(byTax.get(mariaRossiTaxCode(811))).toMatchObject({ educationLevel: "4", drivingLicences: ["CE", "CQC-MERCI"], domicileIstatCode: "001156" });
    expect(byTax.get(mariaRossiTaxCode(812))).toMatchObject({ educationLevel: "3", drivingLicences: ["B"], domicileIstatCode: "001235" });
    const rejected = JSON.stringify(run.report.rows.find((r) => r.outcome === "rejected"));
    expect(rejected).toMatch(/Comune ambiguo «Samone»: Samone \(TN\), Samone \(TO\)/);
  });

  it("the showcase file's licence lines become required licences", async () => {
    const csv = [
      "Stato;Data arrivo offerta;Profilo richiesto;N. Posizioni;Nome azienda;Codice fiscale;Area economica;Proposta contratto;Competenze – requisiti;Cpi;Referente offerta;Mail referente;Note",
      `Aperta;16/01/2026;Autista CE;1;Trasporti Canavesani S.p.A.;${VALID_VAT_NUMBERS[3]};49.41;Tempo determinato 12 mesi;"Patente C e CQC merci; carta tachigrafica; patentino muletto";CPI CIRIE';Davide Audisio;davide.audisio@cpi-cirie.example.it;`,
    ].join("\n");
    const run = await importViaApi(h.t.app, h.p.admin, "vacancies", csv, "vetrina.csv");
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    expect(run.report.totals).toMatchObject({ created: 1 });
    const v = await h.t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Autista CE" } });
    expect(v.requiredLicences).toEqual(["C", "CQC-MERCI"]);
    expect(v.mustHaveCompetences).toEqual(["carta tachigrafica", "patentino muletto"]);
    expect(v.competencesText).toBe("Patente C e CQC merci; carta tachigrafica; patentino muletto");
  });
});

describe("the people file's «Lingue» column reads languages as the API does", () => {
  it("takes a level by label and refuses a language without one", () => {
    expect(readLanguages("inglese B2; francese madrelingua")).toEqual([
      { code: language("inglese")!.code, level: "B2" },
      { code: language("francese")!.code, level: "C2" },
    ]);
    expect(() => readLanguages("inglese")).toThrow(/indicare lingua e livello/);
  });
});
