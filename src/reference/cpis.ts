import type { Db } from "../db/client.js";
import { insertRows } from "../db/insert-rows.js";
import type { Cpi as CpiRow } from "../generated/prisma/client.js";
import { haversineKm } from "../geo/haversine.js";

/** The fields a CPI seed gives; the rest (address, e-mail, dates) take their defaults. */
export type Cpi = Pick<CpiRow, "code" | "name" | "provinceAcronym" | "comuneIstatCode">;
import { shippedComuni, type ComuneRow } from "./comuni.js";
import { foldName } from "./fold-name.js";

/**
 * A real CPI as named in the seed documents. The comune is written by name and province, the way the
 * documents locate it, and resolved to its ISTAT code at load time against the comuni file.
 */
export interface CpiSeed {
  /** Stable key: province acronym + comune (+ site). Other tables and users refer to it; never change one. */
  code: string;
  /** The name exactly as the source document writes it, kept to match imported spreadsheets. */
  documentName: string;
  comune: string;
  province: string;
  /** Distinguishes a site when a comune has more than one CPI (Torino). */
  site?: string;
}

// Piemonte: seeds/001 (ADI/SFL outcomes per CPI, lines 39-64).
const PIEMONTE: CpiSeed[] = [
  { code: "AL-ACQUI-TERME", documentName: "CPI ACQUI TERME", comune: "Acqui Terme", province: "AL" },
  { code: "AL-ALESSANDRIA", documentName: "CPI ALESSANDRIA", comune: "Alessandria", province: "AL" },
  { code: "AL-CASALE-MONFERRATO", documentName: "CPI CASALE MONFERRATO", comune: "Casale Monferrato", province: "AL" },
  { code: "AL-TORTONA", documentName: "CPI TORTONA", comune: "Tortona", province: "AL" },
  { code: "AT-ASTI", documentName: "CPI ASTI", comune: "Asti", province: "AT" },
  { code: "BI-BIELLA", documentName: "CPI BIELLA", comune: "Biella", province: "BI" },
  { code: "CN-ALBA", documentName: "CPI ALBA", comune: "Alba", province: "CN" },
  { code: "CN-CUNEO", documentName: "CPI CUNEO", comune: "Cuneo", province: "CN" },
  { code: "CN-FOSSANO", documentName: "CPI FOSSANO", comune: "Fossano", province: "CN" },
  { code: "NO-BORGOMANERO", documentName: "CPI BORGOMANERO", comune: "Borgomanero", province: "NO" },
  { code: "NO-NOVARA", documentName: "CENTRO PER L'IMPIEGO DI NOVARA", comune: "Novara", province: "NO" },
  { code: "TO-CHIERI", documentName: "CPI CHIERI", comune: "Chieri", province: "TO" },
  { code: "TO-CHIVASSO", documentName: "CPI CHIVASSO", comune: "Chivasso", province: "TO" },
  { code: "TO-CIRIE", documentName: "CPI CIRIE'", comune: "Ciriè", province: "TO" },
  { code: "TO-CUORGNE", documentName: "CPI CUORGNE'", comune: "Cuorgnè", province: "TO" },
  { code: "TO-IVREA", documentName: "CPI IVREA", comune: "Ivrea", province: "TO" },
  { code: "TO-MONCALIERI", documentName: "CPI MONCALIERI", comune: "Moncalieri", province: "TO" },
  { code: "TO-ORBASSANO", documentName: "CPI ORBASSANO", comune: "Orbassano", province: "TO" },
  { code: "TO-PINEROLO", documentName: "CENTRO PER L'IMPIEGO DI PINEROLO", comune: "Pinerolo", province: "TO" },
  { code: "TO-RIVOLI", documentName: "CPI RIVOLI", comune: "Rivoli", province: "TO" },
  { code: "TO-SETTIMO-TORINESE", documentName: "CPI SETTIMO TORINESE", comune: "Settimo Torinese", province: "TO" },
  // The document's "SUSÀ" is a typing slip: the comune is Susa.
  { code: "TO-SUSA", documentName: "CPI SUSÀ", comune: "Susa", province: "TO" },
  { code: "TO-TORINO-VIA-BOLOGNA", documentName: "CPI TORINO - VIA BOLOGNA", comune: "Torino", province: "TO", site: "Via Bologna" },
  { code: "TO-VENARIA-REALE", documentName: "CPI VENARIA REALE", comune: "Venaria Reale", province: "TO" },
  { code: "VB-OMEGNA", documentName: "CPI OMEGNA", comune: "Omegna", province: "VB" },
];

// Lombardia: seeds/003 (navigator allocation per CPI, by province). "CMD VARESE", the collocamento mirato
// office of the province, is left out: it is a service for L. 68/1999, not a CPI people register with.
const LOMBARDIA: CpiSeed[] = [
  { code: "BG-ALBINO", documentName: "CPI ALBINO", comune: "Albino", province: "BG" },
  { code: "BG-BERGAMO", documentName: "CPI BERGAMO", comune: "Bergamo", province: "BG" },
  { code: "BG-CLUSONE", documentName: "CPI CLUSONE", comune: "Clusone", province: "BG" },
  { code: "BG-GRUMELLO-DEL-MONTE", documentName: "CPI GRUMELLO DEL MONTE", comune: "Grumello del Monte", province: "BG" },
  { code: "BG-LOVERE", documentName: "CPI LOVERE", comune: "Lovere", province: "BG" },
  { code: "BG-PONTE-SAN-PIETRO", documentName: "CPI PONTE SAN PIETRO", comune: "Ponte San Pietro", province: "BG" },
  { code: "BG-ROMANO-DI-LOMBARDIA", documentName: "CPI ROMANO DI LOMBARDIA", comune: "Romano di Lombardia", province: "BG" },
  { code: "BG-TRESCORE-BALNEARIO", documentName: "CPI TRESCORE BALNEARIO", comune: "Trescore Balneario", province: "BG" },
  { code: "BG-TREVIGLIO", documentName: "CPI TREVIGLIO", comune: "Treviglio", province: "BG" },
  { code: "BG-ZOGNO", documentName: "CPI ZOGNO", comune: "Zogno", province: "BG" },
  // Breno also covers the Edolo and Darfo offices, per the document.
  { code: "BS-BRENO", documentName: "CPI BRENO", comune: "Breno", province: "BS" },
  { code: "BS-BRESCIA", documentName: "CPI BRESCIA", comune: "Brescia", province: "BS" },
  { code: "BS-DESENZANO-DEL-GARDA", documentName: "CPI DESENZANO DEL GARDA", comune: "Desenzano del Garda", province: "BS" },
  { code: "BS-ISEO", documentName: "CPI ISEO", comune: "Iseo", province: "BS" },
  { code: "BS-LENO", documentName: "CPI LENO", comune: "Leno", province: "BS" },
  { code: "BS-ORZINUOVI", documentName: "CPI ORZINUOVI", comune: "Orzinuovi", province: "BS" },
  { code: "BS-SALO", documentName: "CPI SALÒ", comune: "Salò", province: "BS" },
  { code: "BS-SAREZZO", documentName: "CPI SAREZZO", comune: "Sarezzo", province: "BS" },
  { code: "CO-APPIANO-GENTILE", documentName: "CPI APPIANO GENTILE", comune: "Appiano Gentile", province: "CO" },
  { code: "CO-CANTU", documentName: "CPI CANTÙ", comune: "Cantù", province: "CO" },
  // One CPI on two sites (Via De Cristoforis, Via Volta).
  { code: "CO-COMO", documentName: "CPI COMO", comune: "Como", province: "CO" },
  { code: "CO-ERBA", documentName: "CPI ERBA", comune: "Erba", province: "CO" },
  { code: "CO-MENAGGIO", documentName: "CPI MENAGGIO", comune: "Menaggio", province: "CO" },
  { code: "CR-CASALMAGGIORE", documentName: "CPI CASALMAGGIORE", comune: "Casalmaggiore", province: "CR" },
  { code: "CR-CREMA", documentName: "CPI CREMA", comune: "Crema", province: "CR" },
  { code: "CR-CREMONA", documentName: "CPI CREMONA", comune: "Cremona", province: "CR" },
  { code: "CR-SORESINA", documentName: "CPI SORESINA", comune: "Soresina", province: "CR" },
  { code: "LC-LECCO", documentName: "CPI LECCO", comune: "Lecco", province: "LC" },
  { code: "LC-MERATE", documentName: "CPI MERATE", comune: "Merate", province: "LC" },
  { code: "LO-LODI", documentName: "CPI DELLA PROVINCIA DI LODI", comune: "Lodi", province: "LO" },
  { code: "MN-CASTIGLIONE-DELLE-STIVIERE", documentName: "CPI CASTIGLIONE DELLE STIVIERE", comune: "Castiglione delle Stiviere", province: "MN" },
  { code: "MN-MANTOVA", documentName: "CPI MANTOVA", comune: "Mantova", province: "MN" },
  { code: "MN-OSTIGLIA", documentName: "CPI OSTIGLIA", comune: "Ostiglia", province: "MN" },
  { code: "MN-SUZZARA", documentName: "CPI SUZZARA", comune: "Suzzara", province: "MN" },
  { code: "MN-VIADANA", documentName: "CPI VIADANA", comune: "Viadana", province: "MN" },
  { code: "MI-CINISELLO-BALSAMO", documentName: "CPI CINISELLO BALSAMO", comune: "Cinisello Balsamo", province: "MI" },
  { code: "MI-CORSICO", documentName: "CPI CORSICO", comune: "Corsico", province: "MI" },
  { code: "MI-LEGNANO", documentName: "CPI LEGNANO", comune: "Legnano", province: "MI" },
  { code: "MI-MAGENTA", documentName: "CPI MAGENTA", comune: "Magenta", province: "MI" },
  { code: "MI-MELZO", documentName: "CPI MELZO", comune: "Melzo", province: "MI" },
  { code: "MI-MILANO", documentName: "CPI MILANO", comune: "Milano", province: "MI" },
  { code: "MI-RHO", documentName: "CPI RHO", comune: "Rho", province: "MI" },
  { code: "MI-ROZZANO", documentName: "CPI ROZZANO", comune: "Rozzano", province: "MI" },
  { code: "MI-SAN-DONATO-MILANESE", documentName: "CPI SAN DONATO MILANESE", comune: "San Donato Milanese", province: "MI" },
  { code: "MB-CESANO-MADERNO", documentName: "CPI CESANO MADERNO", comune: "Cesano Maderno", province: "MB" },
  { code: "MB-MONZA", documentName: "CPI MONZA", comune: "Monza", province: "MB" },
  { code: "MB-SEREGNO", documentName: "CPI SEREGNO", comune: "Seregno", province: "MB" },
  { code: "MB-VIMERCATE", documentName: "CPI VIMERCATE", comune: "Vimercate", province: "MB" },
  { code: "PV-PAVIA", documentName: "CPI PAVIA", comune: "Pavia", province: "PV" },
  { code: "PV-VIGEVANO", documentName: "CPI VIGEVANO", comune: "Vigevano", province: "PV" },
  { code: "PV-VOGHERA", documentName: "CPI VOGHERA", comune: "Voghera", province: "PV" },
  { code: "SO-BORMIO", documentName: "CPI BORMIO", comune: "Bormio", province: "SO" },
  { code: "SO-CHIAVENNA", documentName: "CPI CHIAVENNA", comune: "Chiavenna", province: "SO" },
  { code: "SO-MORBEGNO", documentName: "CPI MORBEGNO", comune: "Morbegno", province: "SO" },
  { code: "SO-SONDRIO", documentName: "CPI SONDRIO", comune: "Sondrio", province: "SO" },
  { code: "SO-TIRANO", documentName: "CPI TIRANO", comune: "Tirano", province: "SO" },
  { code: "VA-BUSTO-ARSIZIO", documentName: "CPI BUSTO ARSIZIO", comune: "Busto Arsizio", province: "VA" },
  { code: "VA-GALLARATE", documentName: "CPI GALLARATE", comune: "Gallarate", province: "VA" },
  { code: "VA-LAVENO-MOMBELLO", documentName: "CPI LAVENO MOMBELLO", comune: "Laveno-Mombello", province: "VA" },
  { code: "VA-LUINO", documentName: "CPI LUINO", comune: "Luino", province: "VA" },
  { code: "VA-SARONNO", documentName: "CPI SARONNO", comune: "Saronno", province: "VA" },
  { code: "VA-TRADATE", documentName: "CPI TRADATE", comune: "Tradate", province: "VA" },
  { code: "VA-VARESE", documentName: "CPI VARESE", comune: "Varese", province: "VA" },
];

export const CPI_SEEDS: readonly CpiSeed[] = [...PIEMONTE, ...LOMBARDIA];

/** "CPI Ciriè", "CPI Torino - Via Bologna": one display form, spelled as the comune officially is. */
export function cpiDisplayName(comuneName: string, site?: string): string {
  return site ? `CPI ${comuneName} - ${site}` : `CPI ${comuneName}`;
}

/**
 * Turns the seeds into Cpi rows. Throws listing every seed whose comune is missing or ambiguous in its
 * province: a CPI silently pointing at the wrong comune would skew every distance computed from it.
 */
export function resolveCpis(seeds: readonly CpiSeed[] = CPI_SEEDS, comuni: readonly ComuneRow[] = shippedComuni().rows): Cpi[] {
  const byNameAndProvince = new Map<string, ComuneRow[]>();
  for (const c of comuni) {
    const key = `${c.nameNormalized}|${c.provinceAcronym}`;
    byNameAndProvince.set(key, [...(byNameAndProvince.get(key) ?? []), c]);
  }
  const problems: string[] = [];
  const resolved: Cpi[] = [];
  for (const seed of seeds) {
    const matches = byNameAndProvince.get(`${foldName(seed.comune)}|${seed.province}`) ?? [];
    const comune = matches[0];
    if (!comune || matches.length > 1) {
      problems.push(`${seed.code}: comune "${seed.comune}" (${seed.province}) ${comune ? "ambiguo" : "non trovato"}`);
      continue;
    }
    resolved.push({
      code: seed.code,
      name: cpiDisplayName(comune.name, seed.site),
      provinceAcronym: seed.province,
      comuneIstatCode: comune.istatCode,
    });
  }
  if (problems.length > 0) throw new Error(`CPI non risolti:\n  ${problems.join("\n  ")}`);
  return resolved;
}

const SEEDED_AT = new Date(0);

/** A seeded CPI as the store holds it, for records built without reading it back (the demo). */
export function cpiRow(cpi: Cpi): CpiRow {
  return { ...cpi, address: null, email: null, provisional: false, closedAt: null, createdAt: SEEDED_AT, updatedAt: SEEDED_AT };
}

export interface CatchmentRow {
  comuneIstatCode: string;
  cpiCode: string;
}

/**
 * A catchment derived from where CPIs sit, for CPIs whose real catchment no document gives: every comune of
 * a province that has CPIs goes to the nearest of them (centroid to the CPI's comune, ties to the smaller
 * code). Comuni of provinces without a CPI are left out: no CPI serves them until one is loaded.
 */
export function nearestCpiCatchment(cpis: readonly Cpi[], comuni: readonly ComuneRow[] = shippedComuni().rows): CatchmentRow[] {
  const byCode = new Map(comuni.map((c) => [c.istatCode, c]));
  const byProvince = new Map<string, { code: string; at: ComuneRow }[]>();
  for (const cpi of [...cpis].sort((a, b) => a.code.localeCompare(b.code))) {
    const at = byCode.get(cpi.comuneIstatCode);
    if (at) byProvince.set(cpi.provinceAcronym, [...(byProvince.get(cpi.provinceAcronym) ?? []), { code: cpi.code, at }]);
  }
  const rows: CatchmentRow[] = [];
  for (const comune of comuni) {
    const candidates = byProvince.get(comune.provinceAcronym);
    if (!candidates) continue;
    let best = candidates[0]!;
    let bestKm = haversineKm(comune, best.at);
    for (const c of candidates.slice(1)) {
      const km = haversineKm(comune, c.at);
      if (km < bestKm) [best, bestKm] = [c, km];
    }
    rows.push({ comuneIstatCode: comune.istatCode, cpiCode: best.code });
  }
  return rows;
}

export interface LoadCpisResult {
  total: number;
  created: number;
  /** Comuni given a seeded CPI by this load (only CPIs that had no catchment yet get one). */
  catchmentAdded: number;
}

/**
 * Upserts the seeded CPIs (comuni must be loaded first). Existing CPIs are updated, never deleted. A seeded
 * CPI with no catchment yet gets the derived one (nearestCpiCatchment); a catchment an administrator set is
 * left alone, and a comune another CPI already serves keeps it.
 */
export async function loadCpis(db: Db, cpis: readonly Cpi[] = resolveCpis()): Promise<LoadCpisResult> {
  const comuneCodes = [...new Set(cpis.map((c) => c.comuneIstatCode))];
  const present = await db.comune.count({ where: { istatCode: { in: comuneCodes } } });
  if (present !== comuneCodes.length) {
    throw new Error("Comuni dei CPI assenti dalla tabella Comune: caricare prima i comuni (loadComuni).");
  }
  const before = await db.cpi.count();
  await db.$transaction(
    cpis.map(({ code, ...fields }) => db.cpi.upsert({ where: { code }, create: { code, ...fields }, update: fields })),
  );
  const after = await db.cpi.count();
  const served = new Set((await db.cpiCatchment.groupBy({ by: ["cpiCode"] })).map((g) => g.cpiCode));
  const unserved = new Set(cpis.filter((c) => !served.has(c.code)).map((c) => c.code));
  let catchmentAdded = 0;
  if (unserved.size > 0) {
    const rows = nearestCpiCatchment(cpis).filter((r) => unserved.has(r.cpiCode));
    const catchmentBefore = await db.cpiCatchment.count();
    await db.$transaction((tx) => insertRows(tx, "CpiCatchment", rows, { ignoreDuplicates: true }));
    catchmentAdded = (await db.cpiCatchment.count()) - catchmentBefore;
  }
  return { total: cpis.length, created: after - before, catchmentAdded };
}
