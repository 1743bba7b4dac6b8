import { foldName } from "./fold-name.js";
import { readCsv } from "./read-csv.js";
import { referenceFile } from "./reference-files.js";

/**
 * Driving licence categories (Directive 2006/126/EC), the old Italian categories still found in records,
 * and the professional qualifications offers ask for (CQC, ADR), from
 * data/reference/classifications/driving-licence-categories.csv. Each entry lists what it directly implies
 * (CE → C, C1E, BE…); `licenceCovers` follows the implications to the end, so a CE holder meets an offer
 * asking for C, C1 or B. Qualifications imply only their own narrower forms (ADR cisterne → ADR): an
 * offer asking for CQC merci is met by CQC merci only.
 */

export type LicenceKind = "patente" | "abilitazione";

export interface LicenceEntry {
  /** Canonical code as stored: "B", "CE", "C1E", "CQC-MERCI", "ADR". */
  code: string;
  label: string;
  kind: LicenceKind;
  /** Direct implications, as the data file lists them. */
  implies: string[];
  /** The code of the national (ANPAL) list, for the categories it has ("02" → B). */
  ministryCode: string | null;
  basis: string;
}

interface LicenceData {
  entries: LicenceEntry[];
  byKey: Map<string, LicenceEntry>;
  byCode: Map<string, LicenceEntry>;
  closure: Map<string, ReadonlySet<string>>;
}

// Words around a category that carry nothing: "patente C", "patente di guida cat. B", "categoria CE".
const FILLER = /\b(?:patenti|patente|patentino|di guida|categorie|categoria|cat)\b/g;

/** "C+E", "c + e", "Patente CE", "cat. C1E" → "ce" / "c1e": the comparison key of a licence text. */
function licenceKey(text: string): string {
  return foldName(text).replace(FILLER, " ").replace(/[^a-z0-9]/g, "");
}

function load(): LicenceData {
  const file = referenceFile("classifications", "driving-licence-categories.csv");
  const records = readCsv(file, ["code", "label", "kind", "implies", "ministry_code", "aliases", "basis"]);
  const entries: LicenceEntry[] = records.map((r) => ({
    code: (r.code ?? "").trim(),
    label: (r.label ?? "").trim(),
    kind: r.kind?.trim() === "abilitazione" ? "abilitazione" : "patente",
    implies: (r.implies ?? "").split(/\s+/).filter(Boolean),
    ministryCode: r.ministry_code?.trim() || null,
    basis: (r.basis ?? "").trim(),
  }));
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const byKey = new Map<string, LicenceEntry>();
  for (const [e, r] of entries.map((e, i) => [e, records[i]!] as const)) {
    const keys = [e.code, e.label, ...(e.ministryCode ? [e.ministryCode] : []), ...(r.aliases ?? "").split("|")];
    for (const key of keys.map(licenceKey).filter(Boolean)) {
      const clash = byKey.get(key);
      if (clash && clash !== e) throw new Error(`${file}: «${key}» indica sia ${clash.code} sia ${e.code}`);
      byKey.set(key, e);
    }
  }
  const closure = new Map<string, ReadonlySet<string>>();
  const cover = (code: string, path: string[]): ReadonlySet<string> => {
    const known = closure.get(code);
    if (known) return known;
    if (path.includes(code)) throw new Error(`${file}: implicazioni circolari ${[...path, code].join(" → ")}`);
    const entry = byCode.get(code);
    if (!entry) throw new Error(`${file}: ${path.at(-1)} implica ${code}, che non è nell'elenco`);
    const all = new Set([code]);
    for (const implied of entry.implies) for (const c of cover(implied, [...path, code])) all.add(c);
    closure.set(code, all);
    return all;
  };
  for (const e of entries) cover(e.code, []);
  return { entries, byKey, byCode, closure };
}

let loaded: LicenceData | undefined;
const data = (): LicenceData => (loaded ??= load());

/** The entry a text names: the code, the old national code ("02"), "PATENTE B", "C+E", "CQC merci"… */
export function licenceEntry(text: string): LicenceEntry | undefined {
  return data().byKey.get(licenceKey(text));
}

export const isKnownLicence = (text: string): boolean => licenceEntry(text) !== undefined;

/** Every category and qualification, in the order of the data file. */
export const listLicences = (): LicenceEntry[] => data().entries;

/** What holding `code` entitles to, itself included (CE → CE, C, C1E, C1, BE, B, B1, E, A1, AM). */
export function licenceCovers(code: string): ReadonlySet<string> {
  return data().closure.get(code) ?? new Set([code]);
}

/** Every code whose holder meets `code`: itself and what implies it (C → C, CE). */
export function licencesSatisfying(code: string): string[] {
  return data().entries.filter((e) => licenceCovers(e.code).has(code)).map((e) => e.code);
}

/** True when one of the licences held meets the one required, directly or through an implication. */
export function holdsLicence(held: readonly string[], required: string): boolean {
  return held.some((h) => licenceCovers(h).has(required));
}

// What a requirement line says around its licences: "Patente C richiesta", "in possesso della patente CE".
const REQUIREMENT_WORDS = /\b(?:richiest[aoei]|obbligatori[aoe]|necessari[aoe]|indispensabil[ei]|in possesso (?:della|del|di)|possesso (?:della|del|di))\b/g;

/**
 * The licences a requirement line states, when that is all it states: "Patente C", "patente C e CQC merci",
 * "Patente CE richiesta", "ADR". Undefined for anything else, and for a bare category ("B") whose line does
 * not say "patente": in a list of competences a lone letter is not surely a licence. "C o D" is a choice,
 * not two requirements: undefined.
 */
export function licencesOfRequirement(text: string): string[] | undefined {
  const folded = foldName(text).replace(REQUIREMENT_WORDS, " ").trim();
  if (!folded || /\bo\b|\boppure\b/.test(folded)) return undefined;
  const saysLicence = /\b(?:patente|patenti|patentino|categoria|cat)\b/.test(folded);
  const entries = folded.split(/\s+(?:e|ed)\s+/).map((part) => licenceEntry(part));
  if (entries.some((e) => !e || (e.kind === "patente" && !saysLicence))) return undefined;
  return [...new Set(entries.map((e) => e!.code))];
}

/** Stored values the data file does not know (none are expected) read as licence categories. */
export const licenceKind = (code: string): LicenceKind => data().byCode.get(code)?.kind ?? "patente";

/** How a reason names it: "patente CE", "CQC trasporto merci". */
export function licenceName(code: string): string {
  const entry = data().byCode.get(code);
  return !entry || entry.kind === "patente" ? `patente ${code}` : entry.label;
}
