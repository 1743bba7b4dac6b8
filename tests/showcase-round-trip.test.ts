import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPersonas, createTestApp, CPI_MONCALIERI, CPI_TORINO, type Personas, type TestApp } from "./helpers/test-app.js";
import { importViaApi } from "./helpers/imports.js";
import { SHOWCASE_ALL_COLUMNS, SHOWCASE_COLUMNS } from "../src/imports/showcase-columns.js";
import { FIXTURES_DIR } from "./fixtures/make-fixtures.js";

/**
 * The showcase as its users move it: exported from one Vetrina, opened in Excel, edited (a status, an
 * arrival date, a workplace, the structured terms) and imported again, here and into an empty database.
 * Nothing is lost on the way: the same offers, with their workplaces and structured fields, and the edits
 * recorded in the history of the offer they belong to.
 */

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
}

async function exportShowcase(t: TestApp, token: string): Promise<Buffer> {
  const res = await request(t.app).get("/api/v1/exports/vacancies.xlsx").set("Authorization", `Bearer ${token}`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  return res.body as Buffer;
}

/** Opens the workbook as Excel would and lets the test change cells by header and by the profile of the row. */
async function editSheet(data: Buffer, edit: (set: (profile: string, header: string, value: string | number) => void) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const column = (header: string) => {
    const i = headers.indexOf(header);
    if (i < 1) throw new Error(`no column ${header}`);
    return i;
  };
  edit((profile, header, value) => {
    let found = false;
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(column("Profilo richiesto")).value === profile) {
        row.getCell(column(header)).value = value;
        found = true;
      }
    });
    if (!found) throw new Error(`no row ${profile}`);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every stored field a user sees in an offer, but the ids and the times this database gave it. */
async function offers(t: TestApp) {
  const rows = await t.ctx.db.vacancy.findMany({ include: { workplace: true }, orderBy: { showcaseKey: "asc" } });
  return rows.map(({ id: _id, createdAt: _c, updatedAt: _u, createdById: _b, referentUserId: _r, employerId: _e, workplace, ...v }) => ({ ...v, workplace: workplace?.name ?? null }));
}

/**
 * What a database built from the sheet holds: the same, but for the one text a sheet cannot tell from
 * a referent's: an offer published without a competences text gets its must-haves as the sheet lists them.
 */
async function offersFromSheet(source: TestApp) {
  return (await offers(source)).map((v) => {
    const mustHave = v.mustHaveCompetences as string[];
    return v.competencesText === null && mustHave.length ? { ...v, competencesText: mustHave.join("; ") } : v;
  });
}

const richOffer = {
  arrivalDate: "2026-02-03",
  requestedProfile: "Carrellista",
  positions: 2,
  companyName: "Logistica Sabauda S.r.l.",
  companyTaxCode: "00743110157",
  atecoCode: "52.10",
  contractType: "fixed_term",
  contractMonths: 12,
  hoursPerWeek: 37.5,
  grossMonthlyPay: 1550.5,
  ccnl: "CCNL Logistica, trasporto merci e spedizione",
  profileCode: "7.4.4.3.0",
  mustHaveCompetences: ["patentino muletto", "lavoro su turni, anche notturni"],
  niceToHaveCompetences: ["uso del palmare"],
  requiredLicences: ["B"],
  requiredLanguages: [{ code: "005", level: "B1" }],
  requiredEducationLevel: "2",
  workplaceIstatCode: "001164", // Nichelino: not the CPI's comune
  cpiCode: CPI_MONCALIERI,
  sourceService: "grandi_reclutamenti",
  shortlistCap: 10,
  reservedL68: true,
  publishedAt: "2026-02-04",
  closingDate: "2026-04-30",
  notes: "Magazzino di via Torino",
};

describe("showcase spreadsheet round trip", () => {
  let source: TestApp;
  let who: Personas;
  let exported: Buffer;
  let carrellistaId: string;

  beforeAll(async () => {
    source = await createTestApp();
    who = await createPersonas(source.ctx);
    const imported = await importViaApi(source.app, who.admin, "vacancies", fs.readFileSync(path.join(FIXTURES_DIR, "vetrina-piemonte.xlsx")), "vetrina-piemonte.xlsx");
    expect(imported.run.status).toBe("succeeded");
    const created = await request(source.app).post("/api/v1/vacancies").set("Authorization", `Bearer ${who.admin}`).send(richOffer);
    expect(created.status).toBe(201);
    carrellistaId = created.body.id;
    exported = await exportShowcase(source, who.admin);
  });
  afterAll(() => source.close());

  it("exports the 13 showcase columns in order, then Vetrina's own", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 13)).toEqual(SHOWCASE_COLUMNS.map((c) => c.header));
    expect(header).toEqual(SHOWCASE_ALL_COLUMNS.map((c) => c.header));
    let row: ExcelJS.Row | undefined;
    wb.worksheets[0]!.eachRow((r) => {
      if (r.getCell(header.indexOf("Id Vetrina") + 1).value === carrellistaId) row = r;
    });
    const cell = (h: string) => row!.getCell(header.indexOf(h) + 1).value;
    expect(cell("Id Vetrina")).toBe(carrellistaId);
    expect(cell("Comune sede di lavoro")).toBe("001164 - Nichelino (TO)");
    expect(cell("Lingue richieste")).toBe("francese B1");
    expect(cell("Titolo di studio")).toBe("LICENZA MEDIA");
    expect(cell("Riservata L. 68/1999")).toBe("sì");
  });

  it("imported into an empty database, gives back the same offers, workplaces and structured fields, without warnings", async () => {
    const empty = await createTestApp();
    try {
      const admin = (await createPersonas(empty.ctx)).admin;
      const res = await importViaApi(empty.app, admin, "vacancies", exported, "vetrina-esportata.xlsx");
      const total = await source.ctx.db.vacancy.count();
      expect(res.report.totals).toEqual({ rows: total, created: total, updated: 0, unchanged: 0, rejected: 0 });
      expect(res.report.rows.filter((r) => r.warnings)).toEqual([]);
      expect(await offers(empty)).toEqual(await offersFromSheet(source));
    } finally {
      await empty.close();
    }
  });

  it("applies a sheet edited in Excel to the offers it came from, and an empty database gets the same offers from it", async () => {
    const magazziniere = await source.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Magazziniere" } });
    const cuoco = await source.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Cuoco/a" } });
    const before = await source.ctx.db.vacancy.count();
    const edited = await editSheet(exported, (set) => {
      set("Magazziniere", "Stato", "Coperta"); // open → filled: through the transition table
      set("Cuoco/a", "Data arrivo offerta", "14/01/2026"); // was 15/01: a correction, not a new offer
      set("Carrellista", "Comune sede di lavoro", "Moncalieri");
      set("Carrellista", "Lingue richieste", "inglese B2; francese B1");
      set("Carrellista", "Tipo contratto", "Tempo indeterminato");
      set("Carrellista", "Durata contratto (mesi)", "");
    });

    const res = await importViaApi(source.app, who.admin, "vacancies", edited, "vetrina-modificata.xlsx");
    expect(res.report.totals).toEqual({ rows: before, created: 0, updated: 3, unchanged: before - 3, rejected: 0 });
    expect(await source.ctx.db.vacancy.count()).toBe(before);
    const rowOf = (id: string) => res.report.rows.find((r) => r.id === id)!;
    for (const id of [magazziniere.id, cuoco.id, carrellistaId]) {
      expect(rowOf(id)).toMatchObject({ outcome: "updated", warnings: expect.arrayContaining([{ column: "Id Vetrina", message: `Offerta riconosciuta dall'Id Vetrina ${id}` }]) });
    }
    expect(rowOf(magazziniere.id).warnings).toContainEqual({ column: "Stato", message: expect.stringContaining("passando per «In preselezione», «Rosa inviata»") });

    // The status went the way the rules allow, each step in the history with the import as its source.
    const history = await request(source.app).get(`/api/v1/vacancies/${magazziniere.id}/history`).set("Authorization", `Bearer ${who.admin}`);
    expect(history.status).toBe(200);
    const statusItems = history.body.filter((h: { type: string }) => h.type === "status_changed");
    expect(statusItems.map((h: { from: string; to: string; source: string; importRunId: string; reason: string }) => [h.from, h.to, h.source, h.importRunId, h.reason])).toEqual([
      ["open", "in_preselection", "importazione", res.runId, "Importazione vetrina"],
      ["in_preselection", "list_sent", "importazione", res.runId, "Importazione vetrina"],
      ["list_sent", "filled", "importazione", res.runId, "Importazione vetrina"],
    ]);

    // The corrected date is the same offer, found by its id, with the change in its history.
    const corrected = await request(source.app).get(`/api/v1/vacancies/${cuoco.id}`).set("Authorization", `Bearer ${who.admin}`);
    expect(corrected.body.arrivalDate).toBe("2026-01-14");
    const cuocoHistory = await request(source.app).get(`/api/v1/vacancies/${cuoco.id}/history`).set("Authorization", `Bearer ${who.admin}`);
    expect(cuocoHistory.body.at(-1)).toMatchObject({ type: "changed", changes: [{ field: "arrivalDate" }] });

    const carrellista = await request(source.app).get(`/api/v1/vacancies/${carrellistaId}`).set("Authorization", `Bearer ${who.admin}`);
    expect(carrellista.body).toMatchObject({
      workplace: { istatCode: "001156", name: "Moncalieri" },
      requiredLanguages: [{ code: "001", level: "B2" }, { code: "005", level: "B1" }],
      contractType: "permanent",
      contractMonths: null,
    });

    // The same edited sheet into an empty database: the offers as they now are here.
    const empty = await createTestApp();
    try {
      const admin = (await createPersonas(empty.ctx)).admin;
      const fresh = await importViaApi(empty.app, admin, "vacancies", edited, "vetrina-modificata.xlsx");
      expect(fresh.report.totals).toMatchObject({ created: before, rejected: 0 });
      expect(await offers(empty)).toEqual(await offersFromSheet(source));
    } finally {
      await empty.close();
    }

    // Exporting again and re-importing here changes nothing.
    const again = await importViaApi(source.app, who.admin, "vacancies", await exportShowcase(source, who.admin), "di-nuovo.xlsx");
    expect(again.report.totals).toMatchObject({ updated: 0, unchanged: before, rejected: 0 });
  });

  it("reads a sheet with only the 13 showcase columns as before, and refuses an unknown ATECO code in Vetrina's column", async () => {
    const headerOnly13 = "Stato;Data arrivo offerta;Profilo richiesto;N. Posizioni;Nome azienda;Codice fiscale;Area economica;Proposta contratto;Competenze – requisiti;Cpi;Referente offerta;Mail referente;Note\n";
    const res = await importViaApi(source.app, who.admin, "vacancies", headerOnly13 + "Aperta;05/03/2026;Mulettista;1;Logistica Sabauda S.r.l.;00743110157;52.10;Tempo determinato 3 mesi;patentino muletto;CPI TORINO - VIA BOLOGNA;;;\n", "tredici.csv");
    expect(res.report.rows[0]).toMatchObject({ outcome: "created", warnings: [{ column: "Cpi", message: expect.stringContaining("usato il comune del CPI") }] });
    const v = await source.ctx.db.vacancy.findFirstOrThrow({ where: { requestedProfile: "Mulettista" }, include: { workplace: true } });
    expect(v).toMatchObject({ cpiCode: CPI_TORINO, contractType: "fixed_term", contractMonths: 3, atecoCode: "52.10" });
    expect(v.workplace?.name).toBe("Torino");

    const bad = await importViaApi(source.app, who.admin, "vacancies", headerOnly13.replace("\n", ";Codice ATECO;Comune sede di lavoro\n") + "Aperta;06/03/2026;Mulettista;1;Logistica Sabauda S.r.l.;00743110157;;;;CPI TORINO - VIA BOLOGNA;;;;99.99;Atlantide\n", "ateco.csv");
    expect(bad.report.rows[0]!.errors).toEqual([
      { column: "Comune sede di lavoro", message: expect.stringContaining("«Atlantide»") },
      { column: "Codice ATECO", message: "Codice ATECO 2007 sconosciuto «99.99»" },
    ]);
  });
});
