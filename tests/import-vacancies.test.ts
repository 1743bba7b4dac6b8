import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPersonas, createTestApp, CPI_MONCALIERI, CPI_TORINO, type Personas, type TestApp } from "./helpers/test-app.js";
import { run as cliImportVacancies } from "../src/cli/commands/import-vacancies.js";
import type { RowReport } from "../src/imports/import-report.js";
import { allRowReports } from "../src/imports/import-row-store.js";
import { gridRows } from "../src/imports/parse-spreadsheet.js";
import { withEntriesInOrder, zipEntries } from "../src/imports/zip-entries.js";
import { importViaApi, type ImportViaApi } from "./helpers/imports.js";
import { BAD_SHOWCASE_ROWS, FIXTURES_DIR, SHOWCASE_ROWS, showcaseCsv, showcaseXlsx } from "./fixtures/make-fixtures.js";

const XLSX_PATH = path.join(FIXTURES_DIR, "vetrina-piemonte.xlsx");
const CSV_PATH = path.join(FIXTURES_DIR, "vetrina-piemonte.csv");
const GOOD_ROWS = SHOWCASE_ROWS.length - Object.keys(BAD_SHOWCASE_ROWS).length;

const upload = (t: TestApp, token: string, data: Buffer | string, name: string, query = "") => importViaApi(t.app, token, "vacancies", data, name, query);

const rowOf = (report: { rows: RowReport[] }, row: number) => report.rows.find((r) => r.row === row)!;

describe("showcase import", () => {
  let t: TestApp;
  let who: Personas;
  let first: ImportViaApi;

  beforeAll(async () => {
    t = await createTestApp();
    who = await createPersonas(t.ctx);
    const res = await upload(t, who.admin, fs.readFileSync(XLSX_PATH), "vetrina-piemonte.xlsx");
    expect(res.status).toBe(202);
    first = res;
  });
  afterAll(() => t.close());

  it("creates the good rows and names each bad row with its column and reason", async () => {
    expect(first.report.totals).toEqual({ rows: SHOWCASE_ROWS.length, created: GOOD_ROWS, updated: 0, unchanged: 0, rejected: 3 });
    const tax = rowOf(first.report, BAD_SHOWCASE_ROWS.badTaxCode);
    expect(tax.outcome).toBe("rejected");
    expect(tax.errors).toEqual([{ column: "Codice fiscale", message: expect.stringMatching(/partita IVA/i) }]);
    const cpi = rowOf(first.report, BAD_SHOWCASE_ROWS.unknownCpi);
    expect(cpi.errors).toEqual([{ column: "Cpi", message: expect.stringContaining("CPI sconosciuto «CPI VERCELLI NORD»") }]);
    const profile = rowOf(first.report, BAD_SHOWCASE_ROWS.missingProfile);
    expect(profile.errors).toEqual([{ column: "Profilo richiesto", message: "Campo obbligatorio" }]);
    expect(await t.ctx.db.vacancy.count()).toBe(GOOD_ROWS);
  });

  it("maps the showcase columns onto the vacancy", async () => {
    const magazziniere = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Magazziniere" }, include: { workplace: true } });
    expect(magazziniere).toMatchObject({
      status: "open",
      cpiCode: CPI_TORINO,
      companyTaxCode: "00743110157",
      employerId: who.employerId,
      positions: 3,
      atecoCode: "52.10",
      sectorLabel: "52.10 - Magazzinaggio e custodia",
      contractType: "fixed_term",
      contractMonths: 6,
      hoursPerWeek: 40,
      grossMonthlyPay: 1400,
      referentEmail: "paola.bertolino@cpi-torino.example.it",
    });
    expect(magazziniere.arrivalDate.toISOString().slice(0, 10)).toBe("2026-01-12");
    expect(magazziniere.mustHaveCompetences).toEqual(["Uso del transpallet", "patentino muletto", "lavoro su turni"]);
    expect(magazziniere.workplace?.name).toBe("Torino");
    expect(rowOf(first.report, 2).warnings?.[0]?.message).toMatch(/comune del CPI/);

    // "sede: Nichelino (TO)" in the notes gives the workplace, without a warning.
    const cuoco = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Cuoco/a" }, include: { workplace: true } });
    expect(cuoco).toMatchObject({ cpiCode: CPI_MONCALIERI, contractType: "permanent", hoursPerWeek: 30, contractMonths: null });
    expect(cuoco.workplace?.name).toBe("Nichelino");
    expect(rowOf(first.report, 3).warnings).toBeUndefined();

    const statuses = await t.ctx.db.vacancy.findMany({ select: { requestedProfile: true, status: true } });
    expect(statuses).toEqual(
      expect.arrayContaining([
        { requestedProfile: "Operaio metalmeccanico", status: "in_preselection" },
        { requestedProfile: "Impiegato/a amministrativo/a", status: "list_sent" },
        { requestedProfile: "Addetto vendite", status: "filled" },
      ]),
    );
    const agency = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Operaio metalmeccanico" } });
    expect(agency).toMatchObject({ contractType: "agency", contractMonths: 3, cpiCode: "TO-PINEROLO" });
    const cirie = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Autista patente C" } });
    expect(cirie.cpiCode).toBe("TO-CIRIE");
  });

  it("importing the same file twice (xlsx, then the same rows as csv) creates nothing new", async () => {
    for (const [data, name] of [[fs.readFileSync(XLSX_PATH), "vetrina-piemonte.xlsx"], [fs.readFileSync(CSV_PATH), "vetrina-piemonte.csv"]] as const) {
      const res = await upload(t, who.admin, data, name);
      expect(res.status).toBe(202);
      expect(res.report.totals).toEqual({ rows: SHOWCASE_ROWS.length, created: 0, updated: 0, unchanged: GOOD_ROWS, rejected: 3 });
    }
    expect(await t.ctx.db.vacancy.count()).toBe(GOOD_ROWS);
  });

  it("updates a changed row and moves its status through the transition table, step by step, or rejects it", async () => {
    const rows = SHOWCASE_ROWS.map((r) => [...r] as typeof r);
    rows[0]![0] = "In preselezione"; // open → in preselection: one step
    rows[0]![3] = 5;
    rows[9]![0] = "Aperta"; // filled → open: no way back
    rows[9]![3] = 7;
    rows[3]![0] = "Rosa inviata"; // open → list sent: through preselection
    const res = await upload(t, who.admin, showcaseCsv(rows), "vetrina-modificata.csv");
    expect(res.status).toBe(202);
    const report = res.report;
    expect(report.totals).toMatchObject({ created: 0, updated: 2, rejected: 4 });
    expect(rowOf(report, 2)).toMatchObject({ outcome: "updated", warnings: [{ column: "(riga)", message: expect.stringMatching(/^Offerta riconosciuta da azienda, CPI, profilo e data di arrivo/) }] });
    expect(rowOf(report, 11).errors).toEqual([{ column: "Stato", message: expect.stringContaining("da «Coperta» a «Aperta»") }]);
    expect(rowOf(report, 5).outcome).toBe("updated");
    expect(rowOf(report, 5).warnings).toContainEqual({ column: "Stato", message: expect.stringContaining("Da «Aperta» a «Rosa inviata» passando per «In preselezione»") });

    const updated = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Magazziniere" }, include: { statusHistory: true } });
    expect(updated).toMatchObject({ status: "in_preselection", positions: 5 });
    expect(updated.statusHistory.map((h) => h.toState)).toEqual(["open", "in_preselection"]);
    const pulizie = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Addetto alle pulizie" }, include: { statusHistory: { orderBy: { at: "asc" } } } });
    expect(pulizie.status).toBe("list_sent");
    expect(pulizie.statusHistory.map((h) => [h.toState, h.source, h.importRunId])).toEqual([
      ["open", null, null],
      ["in_preselection", "importazione", res.runId],
      ["list_sent", "importazione", res.runId],
    ]);
    // The rejected move wrote nothing, the other fields of that row included.
    const vendite = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Addetto vendite" } });
    expect(vendite).toMatchObject({ status: "filled", positions: 1 });
  });

  it("names every error of a row at once, and an unknown ATECO code with its column and value", async () => {
    const rows = SHOWCASE_ROWS.slice(0, 1).map((r) => [...r] as typeof r);
    rows[0]![0] = "Boh"; // unknown status
    rows[0]![1] = "31/02/2026"; // no such day
    rows[0]![3] = "tre" as unknown as number; // not a number
    rows[0]![6] = "99.99 - Attività immaginarie"; // not an ATECO code
    rows[0]![11] = "non-una-mail"; // not an e-mail
    const res = await upload(t, who.admin, showcaseCsv(rows), "errori.csv");
    expect(res.report.totals).toMatchObject({ rows: 1, rejected: 1 });
    expect(rowOf(res.report, 2).errors).toEqual(
      expect.arrayContaining([
        { column: "Stato", message: expect.stringContaining("Stato sconosciuto «Boh»") },
        { column: "Data arrivo offerta", message: expect.stringContaining("«31/02/2026»") },
        { column: "N. Posizioni", message: expect.stringContaining("«tre»") },
        { column: "Area economica", message: "Codice ATECO 2007 sconosciuto «99.99» in «99.99 - Attività immaginarie»" },
        { column: "Mail referente", message: expect.any(String) },
      ]),
    );
    expect(rowOf(res.report, 2).errors).toHaveLength(5);
  });

  it("recognises a row by its Id Vetrina, refuses the same id twice and a correction that would make it another stored offer", async () => {
    const magazziniere = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Magazziniere" } });
    const cuoco = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Cuoco/a" } });
    const header = "Id Vetrina;Stato;Data arrivo offerta;Profilo richiesto;Nome azienda;Codice fiscale;Cpi;N. Posizioni\n";
    const line = (id: string, day: string, profile: string, v: { companyName: string; companyTaxCode: string; cpiCode: string }, positions: number) =>
      `${id};;${day};${profile};${v.companyName};${v.companyTaxCode};${v.cpiCode};${positions}\n`;
    const csv = header + line(magazziniere.id, "12/01/2026", "Magazziniere", magazziniere, 6) + line(magazziniere.id, "13/01/2026", "Magazziniere", magazziniere, 6);
    const res = await upload(t, who.admin, csv, "con-id.csv");
    expect(rowOf(res.report, 2)).toMatchObject({ outcome: "updated", id: magazziniere.id, warnings: [{ column: "Id Vetrina", message: `Offerta riconosciuta dall'Id Vetrina ${magazziniere.id}` }] });
    expect(rowOf(res.report, 3).errors).toEqual([{ column: "Id Vetrina", message: "Offerta ripetuta: stesso Id Vetrina della riga 2" }]);
    // Cuoco's id with the Magazziniere's company, CPI, profile and day: that offer exists already.
    const clash = await upload(t, who.admin, header + line(cuoco.id, "12/01/2026", "Magazziniere", magazziniere, 1), "scontro.csv");
    expect(rowOf(clash.report, 2).errors).toEqual([{ column: "Data arrivo offerta", message: `Con questi dati l'offerta coinciderebbe con l'offerta esistente ${magazziniere.id}` }]);
    expect(await t.ctx.db.vacancy.findUniqueOrThrow({ where: { id: cuoco.id } })).toMatchObject({ requestedProfile: "Cuoco/a", positions: 1 });
    expect(await t.ctx.db.vacancy.findUniqueOrThrow({ where: { id: magazziniere.id } })).toMatchObject({ positions: 6 });
  });

  it("a dry run reports without writing", async () => {
    const rows = SHOWCASE_ROWS.map((r) => [...r] as typeof r);
    rows[1]![2] = "Aiuto cuoco";
    const res = await upload(t, who.admin, showcaseCsv(rows), "prova.csv", "?dryRun=true");
    expect(res.status).toBe(202);
    expect(res.report.dryRun).toBe(true);
    expect(rowOf(res.report, 3).outcome).toBe("created");
    expect(await t.ctx.db.vacancy.count({ where: { requestedProfile: "Aiuto cuoco" } })).toBe(0);
  });

  it("records the run: GET /imports/:id gives the totals, /rows the report; a referent sees only their own", async () => {
    const res = await request(t.app).get(`/api/v1/imports/${first.runId}`).set("Authorization", `Bearer ${who.admin}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: first.runId, kind: "import-vacancies", status: "succeeded", fileName: "vetrina-piemonte.xlsx", totals: first.report.totals, error: null });
    expect(res.body.progress).toEqual({ done: SHOWCASE_ROWS.length, total: SHOWCASE_ROWS.length });
    expect(res.body).not.toHaveProperty("rows");
    expect(first.report.rows).toHaveLength(SHOWCASE_ROWS.length);
    const other = await request(t.app).get(`/api/v1/imports/${first.runId}`).set("Authorization", `Bearer ${who.referent}`);
    expect(other.status).toBe(403);
    const missing = await request(t.app).get(`/api/v1/imports/nope`).set("Authorization", `Bearer ${who.admin}`);
    expect(missing.status).toBe(404);
  });

  it("fails the run of a file without a required column, naming it", async () => {
    const csv = "Stato;Data arrivo offerta;Profilo richiesto;Nome azienda;Codice fiscale\nAperta;12/01/2026;Magazziniere;ACME;00743110157\n";
    const res = await upload(t, who.admin, csv, "senza-cpi.csv");
    expect(res.status).toBe(202);
    expect(res.run).toMatchObject({ status: "failed", error: { code: "VALIDATION_FAILED", message: "File illeggibile." } });
    expect(res.run.error?.fields[0]?.message).toContain("«Cpi»");
  });

  it("matches headers whatever their case, spacing or dash", async () => {
    const csv = "STATO,data arrivo OFFERTA,profilo  richiesto,n.posizioni,nome azienda,codice fiscale,area economica,proposta contratto,Competenze - Requisiti,CPI,referente offerta,mail referente,note\n" +
      "aperta,2026-02-02,Barista,1,Caffè Torino S.r.l.,00743110157,56.30,\"part time 20 ore, 900 €\",\"caffetteria, cassa\",TO-TORINO-VIA-BOLOGNA,,,\n";
    const res = await upload(t, who.admin, csv, "intestazioni.csv");
    expect(res.status).toBe(202);
    expect(res.report.totals.created).toBe(1);
    const v = await t.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Barista" } });
    expect(v).toMatchObject({ hoursPerWeek: 20, grossMonthlyPay: 900, atecoCode: "56.30", mustHaveCompetences: ["caffetteria", "cassa"] });
  });
});

describe("showcase import: roles, scope and uploads", () => {
  let t: TestApp;
  let who: Personas;
  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_LIMIT_MB: "0.05" });
    who = await createPersonas(t.ctx);
  });
  afterAll(() => t.close());

  it("a referent imports the rows of their CPIs; the others are rejected row by row", async () => {
    const res = await upload(t, who.referent, fs.readFileSync(XLSX_PATH), "vetrina-piemonte.xlsx");
    expect(res.status).toBe(202);
    const report = res.report;
    const mine = SHOWCASE_ROWS.map((r, i) => ({ cpi: r[9], row: i + 2 })).filter((r) => ["CPI TORINO - VIA BOLOGNA", "CPI MONCALIERI"].includes(r.cpi));
    expect(report.totals.created).toBe(mine.length);
    for (const r of report.rows) {
      if (mine.some((m) => m.row === r.row)) expect(r.outcome).toBe("created");
      else expect(r.outcome).toBe("rejected");
    }
    expect(rowOf(report, 4).errors).toEqual([{ column: "Cpi", message: "Il referente non opera per il CPI TO-PINEROLO." }]);
    expect(await t.ctx.db.vacancy.count({ where: { cpiCode: { notIn: [CPI_TORINO, CPI_MONCALIERI] } } })).toBe(0);
  });

  it("an employer, a tutor or a navigator gets 403", async () => {
    for (const token of [who.employer, who.tutor, who.navigator]) {
      const res = await upload(t, token, fs.readFileSync(CSV_PATH), "vetrina-piemonte.csv");
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("FORBIDDEN");
    }
  });

  it("a non-spreadsheet upload gets 415", async () => {
    const pdf = await upload(t, who.admin, Buffer.from("%PDF-1.4 finto"), "offerte.pdf");
    expect(pdf.status).toBe(415);
    expect(pdf.body.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const renamed = await upload(t, who.admin, Buffer.from("non sono un foglio excel"), "vetrina.xlsx");
    expect(renamed.status).toBe(415);
  });

  it("an oversized upload gets 413", async () => {
    const big = showcaseCsv() + "x".repeat(60 * 1024);
    const res = await upload(t, who.admin, big, "grande.csv");
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("without a file the upload is refused with a clear message", async () => {
    const res = await request(t.app).post("/api/v1/imports/vacancies").set("Authorization", `Bearer ${who.admin}`).field("altro", "x");
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe("file");
  });
});

describe("showcase import: command line and API agree", () => {
  it("gives the same row-by-row report and the same offers", async () => {
    const viaCli = await createTestApp();
    const viaApi = await createTestApp();
    try {
      expect(await cliImportVacancies(viaCli.ctx, [XLSX_PATH])).toBe(0);
      const run = await viaCli.ctx.db.jobRun.findFirstOrThrow({ where: { kind: "import-vacancies" }, orderBy: { startedAt: "desc" } });
      const cliReport = { totals: run.counts, rows: await allRowReports(viaCli.ctx.db, run.id) };

      const who = await createPersonas(viaApi.ctx);
      const res = await upload(viaApi, who.admin, await showcaseXlsx(), "vetrina-piemonte.xlsx");
      const apiReport = res.report;

      const strip = (r: { rows: RowReport[] }) => r.rows.map(({ id: _id, ...rest }) => rest);
      // The CLI runs before any employer exists, so nothing is linked: compare the rows, not the ids.
      expect(strip(cliReport)).toEqual(strip(apiReport));
      expect(cliReport.totals).toEqual(apiReport.totals);
      const offers = async (t: TestApp) =>
        (await t.ctx.db.vacancy.findMany({ orderBy: { showcaseKey: "asc" } })).map((v) => [v.showcaseKey, v.status, v.contractType, v.workplaceIstatCode]);
      expect(await offers(viaCli)).toEqual(await offers(viaApi));

      // A second CLI run changes nothing; an unreadable file exits with 1.
      expect(await cliImportVacancies(viaCli.ctx, [CSV_PATH])).toBe(0);
      expect(await viaCli.ctx.db.vacancy.count()).toBe(GOOD_ROWS);
      expect(await cliImportVacancies(viaCli.ctx, [path.join(FIXTURES_DIR, "non-esiste.xlsx")])).toBe(1);
      expect(await cliImportVacancies(viaCli.ctx, [path.join(FIXTURES_DIR, "make-fixtures.ts")])).toBe(1);
    } finally {
      await viaCli.close();
      await viaApi.close();
    }
  });
});

describe("showcase import: reading an .xlsx stored workbook-part last", () => {
  it("reads the parts a worksheet needs before the worksheets, in an archive that stays valid", async () => {
    const original = fs.readFileSync(XLSX_PATH);
    const storedOrder = (data: Buffer) => zipEntries(data)!.sort((a, b) => a.localHeaderOffset - b.localHeaderOffset).map((e) => e.name);
    // exceljs stores xl/workbook.xml last, after the worksheet: the order that made its streaming reader fail.
    expect(storedOrder(original).indexOf("xl/workbook.xml")).toBeGreaterThan(storedOrder(original).indexOf("xl/worksheets/sheet1.xml"));
    const rank = (name: string) => (name === "xl/workbook.xml" ? 0 : 1);
    const reordered = withEntriesInOrder(original, rank);
    expect(storedOrder(reordered)[0]).toBe("xl/workbook.xml");
    expect(reordered.length).toBe(original.length);
    const cellsOf = async (data: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      return wb.worksheets[0]!.getSheetValues();
    };
    expect(await cellsOf(reordered)).toEqual(await cellsOf(original));
    const rows: unknown[] = [];
    for await (const r of gridRows(original, "xlsx")) rows.push(r);
    expect(rows).toHaveLength(SHOWCASE_ROWS.length + 1);
  });
});
