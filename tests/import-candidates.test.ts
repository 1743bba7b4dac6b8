import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CPI_MONCALIERI, CPI_TORINO, createPersonas, createTestApp, type Personas, type TestApp, testStoreIsPostgres, useTestApp } from "./helpers/test-app.js";
import { run as cliImportCandidates } from "../src/cli/commands/import-candidates.js";
import { candidatesToCsv } from "../src/imports/candidates-csv.js";
import type { RowReport } from "../src/imports/import-report.js";
import { allRowReports } from "../src/imports/import-row-store.js";
import { importViaApi, type ImportViaApi } from "./helpers/imports.js";
import type { CandidateCreateInput } from "../src/candidates/candidate-schemas.js";
import { BAD_PEOPLE_ROWS, FIXTURES_DIR, PEOPLE, peopleCsv } from "./fixtures/make-fixtures.js";
import { codiceFiscale } from "./fixtures/italian-codes.js";
import { rebuildIndex } from "../src/indexing/rebuild-index.js";

const CSV_PATH = path.join(FIXTURES_DIR, "persone.csv");
const GOOD = PEOPLE.length - Object.keys(BAD_PEOPLE_ROWS).length;

const upload = (t: TestApp, token: string, data: Buffer | string, name: string) => importViaApi(t.app, token, "candidates", data, name);

const rowOf = (report: { rows: RowReport[] }, row: number) => report.rows.find((r) => r.row === row)!;

/** Everything the embedded index holds of the people: documents, filter values and the terms of the text. */
async function candidateIndexRows(t: TestApp) {
  const read = (sql: string) => t.ctx.db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return {
    docs: await read("SELECT id, lat, lon, date, payload, reach FROM search_candidates_docs ORDER BY id"),
    filters: await read("SELECT d.id, f.field, f.value FROM search_candidates_filters f JOIN search_candidates_docs d ON d.seq = f.doc_seq ORDER BY 1, 2, 3"),
    terms: await read("SELECT term, doc, cnt FROM search_candidates_vocab ORDER BY term"),
  };
}

describe("people import", () => {
  let t: TestApp;
  let who: Personas;
  let first: ImportViaApi["report"];

  beforeAll(async () => {
    t = await createTestApp();
    who = await createPersonas(t.ctx);
    const res = await upload(t, who.admin, fs.readFileSync(CSV_PATH), "persone.csv");
    expect(res.status).toBe(202);
    first = res.report;
  });
  afterAll(() => t.close());

  it("creates the good rows and names each bad row with its column and reason", async () => {
    expect(first.totals).toEqual({ rows: PEOPLE.length, created: GOOD, updated: 0, unchanged: 0, rejected: 3 });
    expect(rowOf(first, BAD_PEOPLE_ROWS.badTaxCode).errors).toEqual([{ column: "Codice fiscale", message: expect.stringContaining("Codice fiscale non valido") }]);
    expect(rowOf(first, BAD_PEOPLE_ROWS.unknownComune).errors).toEqual([{ column: "Comune domicilio", message: "Comune sconosciuto «Atlantide (TO)»" }]);
    expect(rowOf(first, BAD_PEOPLE_ROWS.languageWithoutLevel).errors).toEqual([{ column: "Lingue", message: expect.stringContaining("indicare lingua e livello") }]);
    expect(await t.ctx.db.candidate.count()).toBe(GOOD);
  });

  it("maps every column onto the person", async () => {
    const giulia = await request(t.app).get(`/api/v1/candidates/${rowOf(first, 2).id}`).set("Authorization", `Bearer ${who.admin}`);
    expect(giulia.status).toBe(200);
    expect(giulia.body).toMatchObject({
      taxCode: PEOPLE[0]!.taxCode,
      lastName: "Bianchi",
      domicile: { istatCode: "001272" },
      cpi: { code: CPI_TORINO },
      availabilityDeclaredAt: "2026-01-08",
      programmes: [
        { programme: "NASPI", startDate: "2026-01-10", endDate: null, monthlyAmount: 850 },
        { programme: "GOL", startDate: "2026-02-01", endDate: null, monthlyAmount: null },
      ],
      declaredProfiles: [{ title: "Magazziniera" }, { title: "Carrellista" }],
      languages: [{ code: "001", level: "B2" }],
      drivingLicences: ["B"],
      educationLevel: "4",
      experiences: [{ profileTitle: "Magazziniera", sector: "H", fromDate: "2019-01-01", toDate: "2022-06-30" }],
      trainings: [{ title: "Corso carrellisti", completedAt: "2023-03-15", hours: 12 }],
      maxTravelKm: 25,
      maxTravelMinutes: 45,
      availability: "available",
      shareContactsConsent: true,
    });
    const anna = await t.ctx.db.candidate.findFirstOrThrow({ where: { lastName: "Esposito" }, include: { programmes: true } });
    expect(anna.programmes[0]).toMatchObject({ monthlyAmount: 1020.5 });
    const sara = await t.ctx.db.candidate.findFirstOrThrow({ where: { lastName: "Pautasso" } });
    expect(sara.domicileIstatCode).toBe("001219");
    // Found by candidate search too: the index was written with the rows.
    const search = await request(t.app).get("/api/v1/candidates?q=carrellista").set("Authorization", `Bearer ${who.admin}`);
    expect(search.body.items.map((c: { lastName: string }) => c.lastName)).toContain("Bianchi");
  });

  // The embedded index's own tables; on PostgreSQL the index is Meilisearch, kept by its consumer.
  it.skipIf(testStoreIsPostgres)("indexes each new person exactly as a rebuild from the store does", async () => {
    const imported = await candidateIndexRows(t);
    expect(imported.docs).toHaveLength(GOOD);
    await rebuildIndex(t.ctx, ["candidates"]);
    expect(await candidateIndexRows(t)).toEqual(imported);
  });

  it("importing the same file twice creates nothing new; a changed cell updates only that person", async () => {
    const again = await upload(t, who.admin, fs.readFileSync(CSV_PATH), "persone.csv");
    expect(again.report.totals).toEqual({ rows: PEOPLE.length, created: 0, updated: 0, unchanged: GOOD, rejected: 3 });

    const changed = PEOPLE.map((p) => ({ ...p }));
    changed[1] = { ...changed[1]!, maxTravelKm: 40, competences: ["HACCP", "cucina piemontese", "pasticceria"] };
    const res = await upload(t, who.admin, peopleCsv(changed), "persone-bis.csv");
    expect(res.report.totals).toMatchObject({ created: 0, updated: 1, unchanged: GOOD - 1 });
    const marco = await t.ctx.db.candidate.findFirstOrThrow({ where: { lastName: "Rinaudo" }, include: { programmes: true } });
    expect(marco).toMatchObject({ maxTravelKm: 40, competences: ["HACCP", "cucina piemontese", "pasticceria"] });
    expect(marco.programmes).toHaveLength(1);
    expect(await t.ctx.db.candidate.count()).toBe(GOOD);
    const events = await t.ctx.db.domainEvent.findMany({ where: { entityId: marco.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["candidate.registered", "candidate.changed"]);
    expect(events[1]!.payload).toEqual({ fields: expect.arrayContaining(["maxTravelKm", "competences"]) });
    expect(events.every((e) => e.actorUserId !== null)).toBe(true);
  });

  it("a value that contains the cell's own separators survives the round trip", async () => {
    const person = {
      ...PEOPLE[0]!,
      taxCode: codiceFiscale("Separati", "Lina", "1990-04-02", "F", "L219"),
      lastName: "Separati",
      firstName: "Lina",
      experiences: [{ profileTitle: "Occhiellaia | asolatrice", sector: "Confezione di articoli di abbigliamento; confezione di articoli in pelle", fromDate: new Date("2020-01-01T00:00:00Z") }],
    } as CandidateCreateInput;
    const res = await upload(t, who.admin, peopleCsv([person]), "separatori.csv");
    expect(res.report.totals, JSON.stringify(res.report.rows)).toMatchObject({ created: 1, rejected: 0 });
    const stored = await t.ctx.db.candidate.findFirstOrThrow({ where: { lastName: "Separati" }, include: { experiences: true } });
    expect(stored.experiences[0]).toMatchObject({
      profileTitle: "Occhiellaia / asolatrice",
      sector: "Confezione di articoli di abbigliamento, confezione di articoli in pelle",
    });
  });

  it("reads the household and last-contract facts the congrua rules need", async () => {
    const person = {
      ...PEOPLE[0]!,
      taxCode: codiceFiscale("Nucleo", "Rita", "1985-02-03", "F", "L219"),
      lastName: "Nucleo",
      firstName: "Rita",
      householdHasChildrenUnder14: true,
      householdHasDisabledMember: false,
      lastContractHoursPerWeek: 36,
    } as CandidateCreateInput;
    const res = await upload(t, who.admin, peopleCsv([person]), "nucleo.csv");
    expect(res.report.totals).toMatchObject({ created: 1, rejected: 0 });
    const stored = await t.ctx.db.candidate.findFirstOrThrow({ where: { lastName: "Nucleo" } });
    expect(stored).toMatchObject({ householdHasChildrenUnder14: true, householdHasDisabledMember: false, lastContractHoursPerWeek: 36 });
  });

  it("reads the same columns from an .xlsx", async () => {
    const records = parse(fs.readFileSync(CSV_PATH, "utf8"), { delimiter: ";", bom: true }) as string[][];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Persone");
    for (const r of records) ws.addRow(r);
    const res = await upload(t, who.admin, Buffer.from(await wb.xlsx.writeBuffer()), "persone.xlsx");
    expect(res.status).toBe(202);
    // The original file again: only the person changed by the previous test is brought back.
    expect(res.report.totals).toMatchObject({ created: 0, updated: 1, unchanged: GOOD - 1, rejected: 3 });
  });

  it("resolves the tutor by e-mail and refuses an unknown one", async () => {
    const base = { declaredProfiles: [], competences: [], languages: [], drivingLicences: [], availability: "available", shareContactsConsent: false, programmes: [], experiences: [], trainings: [] } as const;
    const people: CandidateCreateInput[] = [
      { ...base, taxCode: codiceFiscale("Morra", "Enrico", "1975-08-08", "M", "L219"), firstName: "Enrico", lastName: "Morra", domicileIstatCode: "001272", cpiCode: CPI_TORINO, tutorId: "tutor.torino@example.it" },
      { ...base, taxCode: codiceFiscale("Morra", "Elsa", "1976-08-08", "F", "L219"), firstName: "Elsa", lastName: "Morra", domicileIstatCode: "001272", cpiCode: CPI_TORINO, tutorId: "nessuno@example.it" },
    ] as unknown as CandidateCreateInput[];
    const res = await upload(t, who.admin, candidatesToCsv(people, (c) => c), "tutor.csv");
    expect(res.report.rows.map((r: { outcome: string }) => r.outcome)).toEqual(["created", "rejected"]);
    expect(res.report.rows[1]?.errors?.[0]?.column).toBe("Tutor");
    const enrico = await t.ctx.db.candidate.findFirstOrThrow({ where: { firstName: "Enrico" } });
    expect(enrico.tutorId).toBe(who.tutorId);
  });
});

describe("people import: scope, roles, command line", () => {
  const h = useTestApp();

  it("a referent imports only the people of their CPIs", async () => {
    const res = await upload(h.t, h.p.referent, fs.readFileSync(CSV_PATH), "persone.csv");
    expect(res.status).toBe(202);
    const report = res.report;
    const mine = PEOPLE.slice(0, GOOD).filter((p) => [CPI_TORINO, CPI_MONCALIERI].includes(p.cpiCode)).length;
    expect(report.totals.created).toBe(mine);
    expect(rowOf(report, 5).errors).toEqual([{ column: "Cpi", message: "L'operatore non opera per il CPI AT-ASTI." }]);
    expect(await h.t.ctx.db.candidate.count({ where: { cpiCode: { notIn: [CPI_TORINO, CPI_MONCALIERI] } } })).toBe(0);
  });

  it("an employer gets 403, a non-spreadsheet 415", async () => {
    expect((await upload(h.t, h.p.employer, fs.readFileSync(CSV_PATH), "persone.csv")).status).toBe(403);
    expect((await upload(h.t, h.p.admin, Buffer.from("\x89PNG\r\n\x1a\n\0\0"), "foto.png")).status).toBe(415);
  });

  it("the command line and the API give the same report", async () => {
    const viaCli = await createTestApp();
    try {
      expect(await cliImportCandidates(viaCli.ctx, [CSV_PATH])).toBe(0);
      const run = await viaCli.ctx.db.jobRun.findFirstOrThrow({ where: { kind: "import-candidates" } });
      const viaApi = await upload(h.t, h.p.admin, fs.readFileSync(CSV_PATH), "persone.csv");
      const strip = (rows: RowReport[]) => rows.map(({ id: _id, outcome, ...rest }) => ({ ...rest, outcome: outcome === "unchanged" ? "created" : outcome }));
      // The API run follows the referent's import above: its rows of Torino/Moncalieri are already there.
      expect(strip(await allRowReports(viaCli.ctx.db, run.id))).toEqual(strip(viaApi.report.rows));
      expect(await viaCli.ctx.db.candidate.count()).toBe(await h.t.ctx.db.candidate.count());
      expect(await cliImportCandidates(viaCli.ctx, [CSV_PATH, "--dry-run"])).toBe(0);
      expect(await cliImportCandidates(viaCli.ctx, [path.join(FIXTURES_DIR, "assente.csv")])).toBe(1);
    } finally {
      await viaCli.close();
    }
  });
});
