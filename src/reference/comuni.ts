import { z } from "zod";
import type { Db } from "../db/client.js";
import { rawSql } from "../db/sql-dialect.js";
import type { Comune } from "../generated/prisma/client.js";
import { foldName } from "./fold-name.js";
import { readCsv, type CsvRecord } from "./read-csv.js";
import { referenceFile } from "./reference-files.js";

export const COMUNI_FILE = referenceFile("comuni", "comuni-2023.csv");

/** A row of the Comune table; typed from the Prisma model so a schema change shows up here. */
export type ComuneRow = Comune;

export interface RejectedRow {
  line: number;
  problems: string[];
}

export interface ParsedComuni {
  rows: ComuneRow[];
  rejected: RejectedRow[];
}

const COLUMNS = [
  "com_istat_code",
  "name",
  "com_catasto_code",
  "prov_istat_code",
  "prov_acr",
  "prov_name",
  "reg_istat_code",
  "reg_name",
  "lat",
  "lon",
] as const;

// ISTAT codes are numeric strings that spreadsheets strip of leading zeros; put them back before checking.
const paddedDigits = (width: number) =>
  z
    .string()
    .trim()
    .transform((v) => v.padStart(width, "0"))
    .pipe(z.string().regex(new RegExp(`^\\d{${width}}$`), `${width} cifre`));

// Mainland, islands and Lampedusa with a margin: a centroid outside means a swapped or broken coordinate.
const latitude = z.coerce.number().finite().min(35).max(47.5);
const longitude = z.coerce.number().finite().min(6).max(19);

const comuneSchema = z.object({
  istatCode: paddedDigits(6),
  name: z.string().trim().min(1),
  // The source writes "N.d." for Misiliscemi (TP, founded 2021): kept as "" (unknown) rather than dropping
  // a real comune people live in.
  cadastralCode: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => (/^(N\.?D\.?)?$/.test(v) ? "" : v))
    .pipe(z.string().regex(/^([A-Z]\d{3})?$/, "codice catastale")),
  provinceCode: paddedDigits(3),
  provinceAcronym: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "sigla provincia"),
  provinceName: z.string().trim().min(1),
  regionCode: paddedDigits(2),
  regionName: z.string().trim().min(1),
  lat: latitude,
  lon: longitude,
});

function toCandidate(record: CsvRecord) {
  return {
    istatCode: record.com_istat_code,
    name: record.name,
    cadastralCode: record.com_catasto_code,
    provinceCode: record.prov_istat_code,
    provinceAcronym: record.prov_acr,
    provinceName: record.prov_name,
    regionCode: record.reg_istat_code,
    regionName: record.reg_name,
    // An empty cell must fail, not coerce to 0.
    lat: record.lat?.trim() || undefined,
    lon: record.lon?.trim() || undefined,
  };
}

/** Parses and validates the comuni file; bad or duplicate rows are returned apart, with their line. */
export function parseComuni(filePath: string = COMUNI_FILE): ParsedComuni {
  const rows: ComuneRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  readCsv(filePath, COLUMNS).forEach((record, index) => {
    const line = index + 2; // header is line 1
    const parsed = comuneSchema.safeParse(toCandidate(record));
    if (!parsed.success) {
      rejected.push({ line, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
      return;
    }
    if (seen.has(parsed.data.istatCode)) {
      rejected.push({ line, problems: [`istatCode: duplicato ${parsed.data.istatCode}`] });
      return;
    }
    seen.add(parsed.data.istatCode);
    rows.push({ ...parsed.data, nameNormalized: foldName(parsed.data.name) });
  });
  return { rows, rejected };
}

let cachedComuni: ParsedComuni | undefined;

/** The shipped comuni file, parsed once per process (CPI resolution and demo data read it too). */
export function shippedComuni(): ParsedComuni {
  return (cachedComuni ??= parseComuni());
}

export interface LoadComuniResult {
  fileRows: number;
  rejected: RejectedRow[];
  created: number;
  skipped: boolean;
}

const BATCH_SIZE = 500;
const FIELDS = [
  "istatCode",
  "name",
  "nameNormalized",
  "cadastralCode",
  "provinceCode",
  "provinceAcronym",
  "provinceName",
  "regionCode",
  "regionName",
  "lat",
  "lon",
] as const satisfies readonly (keyof ComuneRow)[];

// One multi-row INSERT … ON CONFLICT per batch: ~16 statements instead of 7,899 Prisma upserts.
// Rows are never deleted: candidates and vacancies point at comuni, and a comune merged away by ISTAT
// must keep resolving for old records.
function upsertStatement(count: number): string {
  const columns = FIELDS.map((f) => `"${f}"`).join(", ");
  const placeholders = Array.from({ length: count }, () => `(${FIELDS.map(() => "?").join(", ")})`).join(", ");
  const updates = FIELDS.filter((f) => f !== "istatCode")
    .map((f) => `"${f}" = excluded."${f}"`)
    .join(", ");
  return `INSERT INTO "Comune" (${columns}) VALUES ${placeholders} ON CONFLICT("istatCode") DO UPDATE SET ${updates}`;
}

/**
 * Upserts every comune of the file. Skipped when the table already holds as many comuni as the file:
 * the file changes once a year, and the check keeps start-up fast.
 */
export async function loadComuni(db: Db, parsed: ParsedComuni = shippedComuni()): Promise<LoadComuniResult> {
  const { rows, rejected } = parsed;
  const before = await db.comune.count();
  if (before === rows.length) return { fileRows: rows.length, rejected, created: 0, skipped: true };

  await db.$transaction(
    async (tx) => {
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        const batch = rows.slice(start, start + BATCH_SIZE);
        await tx.$executeRawUnsafe(rawSql(tx, upsertStatement(batch.length)), ...batch.flatMap((row) => FIELDS.map((f) => row[f])));
      }
    },
    { timeout: 120_000 },
  );
  const after = await db.comune.count();
  return { fileRows: rows.length, rejected, created: after - before, skipped: false };
}
