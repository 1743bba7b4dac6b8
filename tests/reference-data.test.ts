import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import { searchComuni, findComune } from "../src/geo/comune-lookup.js";
import { matchComuneName } from "../src/reference/comune-names.js";
import {
  atecoEntry,
  atecoLabel,
  contractType,
  educationLevel,
  isKnownAteco,
  isKnownContractType,
  isKnownLanguage,
  listContractTypes,
  listEducationLevels,
} from "../src/reference/code-lists.js";
import { parseComuni, shippedComuni } from "../src/reference/comuni.js";
import { isKnownLicence, licenceEntry } from "../src/reference/driving-licences.js";
import { CPI_SEEDS, resolveCpis } from "../src/reference/cpis.js";
import { foldName } from "../src/reference/fold-name.js";
import { loadReferenceData } from "../src/reference/load-reference-data.js";
import { readCsv } from "../src/reference/read-csv.js";

// A migrated SQLite file of our own: the loaders write, and the tests must not see other files' rows.
// (When tests/helpers/migrated-db-template.ts provides freshDatabasePath(), use it here instead.)
let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-reference-"));
  const databasePath = path.join(dir, "vetrina.db");
  await applyMigrations(databasePath);
  db = createDb(databasePath);
  await loadReferenceData(db);
});

afterAll(async () => {
  await db?.$disconnect();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("name folding", () => {
  it("folds case, accents, apostrophes, hyphens and spaces", () => {
    expect(foldName("Cirié")).toBe("cirie");
    expect(foldName("CIRIE'")).toBe("cirie");
    expect(foldName("Sant'Ambrogio di Torino")).toBe("sant ambrogio di torino");
    expect(foldName("  Laveno-Mombello ")).toBe("laveno mombello");
    expect(foldName("Sant’Angelo  Lodigiano")).toBe("sant angelo lodigiano");
  });
});

describe("comuni", () => {
  it("loads every comune of the file, none rejected", async () => {
    expect(shippedComuni().rejected).toEqual([]);
    expect(await db.comune.count()).toBe(7899);
    const cirie = await findComune(db, "001086");
    expect(cirie).toMatchObject({ name: "Ciriè", nameNormalized: "cirie", provinceAcronym: "TO", regionName: "Piemonte" });
    expect(cirie!.lat).toBeCloseTo(45.2197, 3);
  });

  it("keeps Misiliscemi, whose cadastral code the source leaves unknown", async () => {
    expect(await findComune(db, "081025")).toMatchObject({ name: "Misiliscemi", cadastralCode: "" });
  });

  it("resolves Cirié, cirie and CIRIE' to the same comune", async () => {
    for (const written of ["Cirié", "cirie", "CIRIE'", "Ciriè (TO)"]) {
      const found = matchComuneName(written);
      expect(found.row?.istatCode, written).toBe("001086");
    }
    expect(matchComuneName("cirie", "to").row?.istatCode).toBe("001086");
  });

  it("does not guess between homonyms without a province", async () => {
    const ambiguous = matchComuneName("Calliano");
    expect(ambiguous.row).toBeNull();
    expect(ambiguous.reason).toBe("ambiguous");
    expect(ambiguous.candidates.map((c) => c.provinceAcronym).sort()).toEqual(["AT", "TN"]);
    expect(matchComuneName("Calliano", "AT").row?.provinceAcronym).toBe("AT");
    expect(matchComuneName("Moncalieri", "MI").reason).toBe("not_in_province");
    expect(matchComuneName("Atlantide").reason).toBe("not_found");
    expect(matchComuneName("  ").reason).toBe("empty");
  });

  it("finds bilingual comuni by either name", async () => {
    expect(matchComuneName("Bolzano").row?.name).toBe("Bolzano/Bozen");
    expect(matchComuneName("Bozen").row?.name).toBe("Bolzano/Bozen");
  });

  it("autocompletes by folded prefix, exact matches first", async () => {
    const monc = await searchComuni(db, "monc", 10);
    expect(monc.map((c) => c.name)).toContain("Moncalieri");
    expect(monc[0]).toMatchObject({ name: "Moncalieri", provinceAcronym: "TO", istatCode: "001156" });
    expect(typeof monc[0]!.lat).toBe("number");
    expect(monc.every((c) => c.name.toLowerCase().startsWith("monc"))).toBe(true);

    const bra = await searchComuni(db, "BRA", 5);
    expect(bra[0]).toMatchObject({ name: "Bra", provinceAcronym: "CN" });
    expect(bra).toHaveLength(5);
    expect(await searchComuni(db, "", 5)).toEqual([]);
  });

  it("reads columns by name: reordered and extra columns, BOM and CRLF load", () => {
    const file = path.join(dir, "comuni-next.csv");
    fs.writeFileSync(
      file,
      "\uFEFFname,lon,lat,extra,prov_acr,com_istat_code,com_catasto_code,prov_istat_code,prov_name,reg_istat_code,reg_name\r\n" +
        "Ciriè,7.59,45.22,x,TO,1086,C722,1,Torino,1,Piemonte\r\n" +
        "Nowhere,2.35,48.85,x,TO,1999,C999,1,Torino,1,Piemonte\r\n",
    );
    const parsed = parseComuni(file);
    expect(parsed.rows).toEqual([
      expect.objectContaining({ istatCode: "001086", provinceCode: "001", regionCode: "01", nameNormalized: "cirie", lon: 7.59 }),
    ]);
    // Paris is not in Italy.
    expect(parsed.rejected).toEqual([{ line: 3, problems: expect.arrayContaining([expect.stringMatching(/^lat/)]) }]);

    fs.writeFileSync(file, "name,lat\nCiriè,45\n");
    expect(() => readCsv(file, ["name", "lon"])).toThrow(/lon/);
  });
});

describe("CPIs", () => {
  it("puts every seeded CPI in a comune of its own province", async () => {
    const cpis = await db.cpi.findMany({ include: { comune: true } });
    expect(cpis).toHaveLength(CPI_SEEDS.length);
    for (const cpi of cpis) expect(cpi.comune.provinceAcronym, cpi.code).toBe(cpi.provinceAcronym);

    const perRegion: Record<string, number> = {};
    for (const cpi of cpis) perRegion[cpi.comune.regionName] = (perRegion[cpi.comune.regionName] ?? 0) + 1;
    expect(perRegion).toEqual({ Piemonte: 25, Lombardia: 63 });
  });

  it("uses stable codes and one display form", async () => {
    const codes = CPI_SEEDS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of CPI_SEEDS) expect(s.code).toMatch(new RegExp(`^${s.province}(-[A-Z0-9]+)+$`));

    const names = Object.fromEntries((await db.cpi.findMany()).map((c) => [c.code, c.name]));
    expect(names["TO-TORINO-VIA-BOLOGNA"]).toBe("CPI Torino - Via Bologna");
    expect(names["TO-CIRIE"]).toBe("CPI Ciriè");
    expect(names["NO-NOVARA"]).toBe("CPI Novara");
    expect(names["TO-SUSA"]).toBe("CPI Susa");
    expect(names["LO-LODI"]).toBe("CPI Lodi");
    expect(names["VA-LAVENO-MOMBELLO"]).toBe("CPI Laveno-Mombello");
  });

  it("fails loudly when a seeded comune does not resolve", () => {
    expect(() => resolveCpis([{ code: "TO-NOWHERE", documentName: "CPI NOWHERE", comune: "Nowhere", province: "TO" }])).toThrow(
      /TO-NOWHERE/,
    );
    // Right name, wrong province.
    expect(() => resolveCpis([{ code: "MI-CIRIE", documentName: "CPI CIRIE'", comune: "Ciriè", province: "MI" }])).toThrow(
      /MI-CIRIE/,
    );
  });
});

describe("code lists", () => {
  it("knows driving licences by code, label or letter", () => {
    expect(isKnownLicence("PATENTE B")).toBe(true);
    expect(licenceEntry("B")?.ministryCode).toBe("02");
    expect(licenceEntry("02")?.code).toBe("B");
    expect(isKnownLicence("PATENTE Z")).toBe(false);
  });

  it("knows education levels, lowest first", () => {
    expect(educationLevel("0")?.label).toBe("NESSUN TITOLO DI STUDIO");
    expect(educationLevel("licenza media")?.code).toBe("2");
    expect(educationLevel("4")?.label).toBe("DIPLOMA DI ISTRUZIONE SECONDARIA SUPERIORE CHE PERMETTE L'ACCESSO ALL'UNIVERSITA'");
    const levels = listEducationLevels();
    expect(levels).toHaveLength(13);
    expect(levels.at(-1)?.label).toBe("TITOLO DI DOTTORE DI RICERCA");
  });

  it("knows ATECO 2007 at every level", () => {
    expect(atecoLabel("47.11")).toBe("COMMERCIO AL DETTAGLIO IN ESERCIZI NON SPECIALIZZATI CON PREVALENZA DI PRODOTTI ALIMENTARI E BEVANDE");
    expect(atecoLabel("4711")).toBe(atecoLabel("47.11"));
    expect(atecoEntry("47.11.20")).toMatchObject({ label: "SUPERMERCATI", section: "G", level: 4 });
    expect(atecoEntry("G")?.level).toBe(0);
    expect(atecoEntry("47")?.level).toBe(1);
    expect(isKnownAteco("99.99.99")).toBe(false);
  });

  it("knows contract types and languages", () => {
    expect(contractType("A01")?.label).toBe("LAVORO A TEMPO DETERMINATO");
    expect(isKnownContractType("apprendistato")).toBe(true);
    expect(listContractTypes()).toHaveLength(7);
    expect(isKnownLanguage("inglese")).toBe(true);
    expect(isKnownLanguage("klingon")).toBe(false);
  });
});

describe("loading again", () => {
  it("creates nothing new", async () => {
    const again = await loadReferenceData(db);
    expect(again.comuni).toMatchObject({ skipped: true, created: 0 });
    expect(again.cpis.created).toBe(0);
    expect(await db.comune.count()).toBe(7899);
    expect(await db.cpi.count()).toBe(CPI_SEEDS.length);
  });

  it("restores a missing comune without duplicating the others", async () => {
    // Ala di Stura: no CPI sits there; only its catchment row points at it.
    await db.cpiCatchment.deleteMany({ where: { comuneIstatCode: "001003" } });
    await db.comune.delete({ where: { istatCode: "001003" } });
    const again = await loadReferenceData(db);
    expect(again.comuni).toMatchObject({ skipped: false, created: 1 });
    expect(await db.comune.count()).toBe(7899);
    expect((await findComune(db, "001003"))?.name).toBe("Ala di Stura");
  });
});
