import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPersonas, createTestApp, CPI_MONCALIERI, type Personas, type TestApp } from "./helpers/test-app.js";
import { importViaApi } from "./helpers/imports.js";
import { run as cliExportVacancies } from "../src/cli/commands/export-vacancies.js";
import { SHOWCASE_COLUMNS } from "../src/imports/showcase-columns.js";
import { BAD_SHOWCASE_ROWS, FIXTURES_DIR, SHOWCASE_ROWS } from "./fixtures/make-fixtures.js";

const GOOD_ROWS = SHOWCASE_ROWS.length - Object.keys(BAD_SHOWCASE_ROWS).length;

/** Parses a binary response body into a Buffer (supertest leaves unknown types as text otherwise). */
function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
}

async function sheetRows(data: Buffer): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: (string | number | null)[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    rows.push(Array.from({ length: SHOWCASE_COLUMNS.length }, (_, i) => (row.getCell(i + 1).value as string | number | null) ?? null));
  });
  return rows;
}

describe("showcase export", () => {
  let t: TestApp;
  let who: Personas;
  const exportXlsx = (token: string, query = "") =>
    request(t.app).get(`/api/v1/exports/vacancies.xlsx${query}`).set("Authorization", `Bearer ${token}`).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await createTestApp();
    who = await createPersonas(t.ctx);
    const imported = await importViaApi(t.app, who.admin, "vacancies", fs.readFileSync(path.join(FIXTURES_DIR, "vetrina-piemonte.xlsx")), "vetrina-piemonte.xlsx");
    expect(imported.status).toBe(202);
    expect(imported.run.status).toBe("succeeded");
    expect(imported.report.totals.created).toBe(GOOD_ROWS);
  });
  afterAll(() => t.close());

  it("writes the showcase columns in order, status in Italian, dates dd/mm/yyyy, as an attachment", async () => {
    const res = await exportXlsx(who.tutor);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="vetrina-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const [header, ...rows] = await sheetRows(res.body as Buffer);
    expect(header).toEqual(SHOWCASE_COLUMNS.map((c) => c.header));
    expect(header).toEqual(["Stato", "Data arrivo offerta", "Profilo richiesto", "N. Posizioni", "Nome azienda", "Codice fiscale", "Area economica", "Proposta contratto", "Competenze – requisiti", "Cpi", "Referente offerta", "Mail referente", "Note"]);
    expect(rows).toHaveLength(GOOD_ROWS);
    const magazziniere = rows.find((r) => r[2] === "Magazziniere")!;
    expect(magazziniere).toEqual(["Aperta", "12/01/2026", "Magazziniere", 3, "Logistica Sabauda S.r.l.", "00743110157", "52.10 - Magazzinaggio e custodia", "Tempo determinato 6 mesi, full time, 1.400 € lordi mensili", "Uso del transpallet; patentino muletto; lavoro su turni", "CPI TORINO - VIA BOLOGNA", "Paola Bertolino", "paola.bertolino@cpi-torino.example.it", "Inserimento previsto a febbraio"]);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["Aperta", "In preselezione", "Rosa inviata", "Coperta"]));
  });

  it("honours the filters of GET /vacancies", async () => {
    const open = await sheetRows((await exportXlsx(who.admin, "?status=open")).body as Buffer);
    const search = await request(t.app).get("/api/v1/vacancies?status=open&pageSize=100").set("Authorization", `Bearer ${who.admin}`);
    expect(open.length - 1).toBe(search.body.total);
    expect(open.slice(1).every((r) => r[0] === "Aperta")).toBe(true);

    const moncalieri = await sheetRows((await exportXlsx(who.admin, `?cpi=${CPI_MONCALIERI}`)).body as Buffer);
    expect(moncalieri.slice(1).map((r) => r[9])).toEqual(["CPI MONCALIERI", "CPI MONCALIERI"]);

    const bad = await exportXlsx(who.admin, "?status=boh");
    expect(bad.status).toBe(400);
  });

  it("round-trips: export → import → unchanged", async () => {
    // An offer published through the API, with structured terms and no showcase text, round-trips too.
    const created = await request(t.app)
      .post("/api/v1/vacancies")
      .set("Authorization", `Bearer ${who.admin}`)
      .send({
        arrivalDate: "2026-02-03", requestedProfile: "Carrellista", positions: 2, companyName: "Logistica Sabauda S.r.l.", companyTaxCode: "00743110157",
        atecoCode: "52.10", contractType: "fixed_term", contractMonths: 12, hoursPerWeek: 38, grossMonthlyPay: 1550.5,
        mustHaveCompetences: ["patentino muletto", "turni"], workplaceIstatCode: "001156", cpiCode: CPI_MONCALIERI,
      });
    expect(created.status).toBe(201);
    const exported = (await exportXlsx(who.admin)).body as Buffer;
    const reimported = await importViaApi(t.app, who.admin, "vacancies", exported, "export.xlsx");
    expect(reimported.status).toBe(202);
    expect(reimported.run.status).toBe("succeeded");
    expect(reimported.report.totals).toEqual({ rows: GOOD_ROWS + 1, created: 0, updated: 0, unchanged: GOOD_ROWS + 1, rejected: 0 });
    const after = await request(t.app).get(`/api/v1/vacancies/${created.body.id}`).set("Authorization", `Bearer ${who.admin}`);
    expect(after.body).toMatchObject({ workplace: { istatCode: "001156" }, contractMonths: 12, hoursPerWeek: 38, grossMonthlyPay: 1550.5, sectorLabel: null });
  });

  it("is for operators only", async () => {
    expect((await exportXlsx(who.employer)).status).toBe(403);
  });

  it("the command line writes the same file with the same filters", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-export-")), "aperte.xlsx");
    expect(await cliExportVacancies(t.ctx, [out, "--status", "open", "--cpi", CPI_MONCALIERI])).toBe(0);
    const rows = await sheetRows(fs.readFileSync(out));
    expect(rows.slice(1).every((r) => r[0] === "Aperta" && r[9] === "CPI MONCALIERI")).toBe(true);
    expect(rows.length - 1).toBe(3);
    expect(await cliExportVacancies(t.ctx, [out, "--status", "boh"])).toBe(2);
  });
});
