/**
 * Loaders for the occupational classifications shipped in data/reference/occupations (ISTAT CP2011 units
 * and job titles, ESCO occupations and ISCO-08 groups in Italian), and the curated list of occupations CPI
 * referents treat as interchangeable (data/taxonomy).
 *
 * Columns are read by header name through readCsv, so a newer release of the same file (extra columns,
 * reordered header) loads unchanged; only the columns the taxonomy cannot do without are required, the
 * others are optional and tolerated when absent. Rows without their key fields are skipped rather than
 * failing the load: one damaged row of a 3,000-row release must not take the service down.
 */
import { fileURLToPath } from "node:url";
import { readCsv, type CsvRecord } from "../reference/read-csv.js";
import { referenceFile } from "../reference/reference-files.js";

export interface Cp2011Unit {
  /** 5-level code, "8.1.3.1.0". */
  code: string;
  /** 4-level code, "8.1.3.1" (from the file when present, else the first four levels of `code`). */
  group4: string;
  /** Name as published (upper case). */
  name: string;
}

export interface Cp2011JobTitle {
  /** CP2011 unit the title belongs to (5-level code). */
  unitCode: string;
  /** "8.1.3.1.0.3"; when the column is missing, a synthetic `${unitCode}#n` keeps titles distinct. */
  titleCode: string;
  title: string;
}

export interface EscoOccupation {
  /**
   * ESCO code, "9333.8". A release without the column falls back to the concept URI, and without that
   * to "isco/preferred label", which is still unique and stable within the release.
   */
  code: string;
  uri: string | null;
  /** ISCO-08 unit group, 4 digits. */
  iscoGroup: string;
  /** The preferred label split into its gender forms: "magazziniere/magazziniera" → both. */
  preferredLabels: string[];
  altLabels: string[];
  hiddenLabels: string[];
  /** What the occupation does, in Italian (empty when the release has no description column). */
  description: string;
}

export interface IscoGroup {
  /** 1 to 4 digits; the hierarchy is the code prefix. */
  code: string;
  label: string;
}

export const OCCUPATION_FILES = {
  cp2011Units: referenceFile("occupations", "istat-cp2011-units.csv"),
  cp2011JobTitles: referenceFile("occupations", "istat-cp2011-job-titles.csv"),
  escoOccupations: referenceFile("occupations", "esco-1.0.8-occupations-it.csv"),
  iscoGroups: referenceFile("occupations", "esco-1.0.8-isco-groups-it.csv"),
} as const;

const CP2011_UNIT = /^\d\.\d\.\d\.\d\.\d$/;
const ISCO4 = /^\d{4}$/;

const cell = (r: CsvRecord, column: string): string => (r[column] ?? "").trim();

/** ESCO multi-valued cells hold one value per line. */
function lines(value: string | undefined): string[] {
  return (value ?? "")
    .split(/\r?\n/)
    .map((v) => v.replace(/\s+/g, " ").trim())
    .filter((v) => v.length > 0);
}

/**
 * ESCO joins the masculine and feminine forms with "/": "direttore tecnico/direttrice tecnica". A few
 * labels abbreviate the first form ("esperto/esperta nella preparazione del sidro"): when the first part
 * is shorter by more than one word it borrows the tail of the second, so both forms are whole titles.
 */
export function splitGenderForms(label: string): string[] {
  const parts = label.split("/").map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p.length > 0);
  if (parts.length !== 2) return parts.length > 0 ? parts : [];
  const [a, b] = parts as [string, string];
  const wa = a.split(" ");
  const wb = b.split(" ");
  if (wa.length + 1 < wb.length) return [[...wa, ...wb.slice(wa.length)].join(" "), b];
  if (wb.length + 1 < wa.length) return [a, [...wb, ...wa.slice(wb.length)].join(" ")];
  return [a, b];
}

export function loadCp2011Units(file: string = OCCUPATION_FILES.cp2011Units): Cp2011Unit[] {
  const out: Cp2011Unit[] = [];
  for (const r of readCsv(file, ["cp2011_code", "name"])) {
    const code = cell(r, "cp2011_code");
    const name = cell(r, "name").replace(/\s+/g, " ");
    if (!CP2011_UNIT.test(code) || !name) continue;
    const group4 = /^\d\.\d\.\d\.\d$/.test(cell(r, "cp2011_lvl4")) ? cell(r, "cp2011_lvl4") : code.slice(0, 7);
    out.push({ code, group4, name });
  }
  return out;
}

export function loadCp2011JobTitles(file: string = OCCUPATION_FILES.cp2011JobTitles): Cp2011JobTitle[] {
  const out: Cp2011JobTitle[] = [];
  const perUnit = new Map<string, number>();
  for (const r of readCsv(file, ["cp2011_code", "voce"])) {
    const unitCode = cell(r, "cp2011_code");
    const title = cell(r, "voce").replace(/\s+/g, " ");
    if (!CP2011_UNIT.test(unitCode) || !title) continue;
    const n = (perUnit.get(unitCode) ?? 0) + 1;
    perUnit.set(unitCode, n);
    out.push({ unitCode, titleCode: cell(r, "voce_code") || `${unitCode}#${n}`, title });
  }
  return out;
}

export function loadEscoOccupations(file: string = OCCUPATION_FILES.escoOccupations): EscoOccupation[] {
  const out: EscoOccupation[] = [];
  for (const r of readCsv(file, ["preferredLabel", "iscoGroup"])) {
    // A release may carry obsolete concepts; only released ones describe current occupations.
    const status = cell(r, "status");
    if (status && status !== "released") continue;
    const iscoGroup = cell(r, "iscoGroup");
    const uri = cell(r, "conceptUri") || null;
    const preferredLabels = splitGenderForms(cell(r, "preferredLabel"));
    if (!ISCO4.test(iscoGroup) || preferredLabels.length === 0) continue;
    const code = cell(r, "code") || uri || `${iscoGroup}/${preferredLabels[0]}`;
    out.push({
      code,
      uri,
      iscoGroup,
      preferredLabels,
      altLabels: lines(r.altLabels),
      hiddenLabels: lines(r.hiddenLabels),
      description: cell(r, "description").replace(/\s+/g, " "),
    });
  }
  return out;
}

export function loadIscoGroups(file: string = OCCUPATION_FILES.iscoGroups): IscoGroup[] {
  const out: IscoGroup[] = [];
  for (const r of readCsv(file, ["code", "preferredLabel"])) {
    const code = cell(r, "code");
    const label = cell(r, "preferredLabel").replace(/\s+/g, " ");
    if (!/^\d{1,4}$/.test(code) || !label) continue;
    out.push({ code, label });
  }
  return out;
}

export interface OccupationSources {
  units: Cp2011Unit[];
  jobTitles: Cp2011JobTitle[];
  esco: EscoOccupation[];
  iscoGroups: IscoGroup[];
}

/** Two occupations CPI referents treat as interchangeable (data/taxonomy/interchangeable-occupations.csv). */
export interface InterchangeablePair {
  /** A title that resolves exactly, a CP2011 code (5 or 4 levels) or an ISCO-08 4-digit group. */
  a: string;
  b: string;
}

export const INTERCHANGEABLE_FILE = fileURLToPath(new URL("../../data/taxonomy/interchangeable-occupations.csv", import.meta.url));

export function loadInterchangeablePairs(file: string = INTERCHANGEABLE_FILE): InterchangeablePair[] {
  const out: InterchangeablePair[] = [];
  for (const r of readCsv(file, ["occupation_a", "occupation_b"])) {
    const a = cell(r, "occupation_a");
    const b = cell(r, "occupation_b");
    if (a && b) out.push({ a, b });
  }
  return out;
}

/** All four files; `files` overrides individual paths (tests load modified copies this way). */
export function loadOccupationSources(files: Partial<Record<keyof typeof OCCUPATION_FILES, string>> = {}): OccupationSources {
  return {
    units: loadCp2011Units(files.cp2011Units),
    jobTitles: loadCp2011JobTitles(files.cp2011JobTitles),
    esco: loadEscoOccupations(files.escoOccupations),
    iscoGroups: loadIscoGroups(files.iscoGroups),
  };
}
