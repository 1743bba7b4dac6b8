import { foldName } from "./fold-name.js";
import { shippedComuni, type ComuneRow } from "./comuni.js";

/**
 * Comuni by name, from the shipped comuni file, in memory: what a form or a query string names ("Torino",
 * "Ciriè (TO)", "Bozen") read without a round trip to the store, so the API schemas can turn a name into
 * its ISTAT code while validating. The store holds the same file (load-reference-data), and the references
 * check still confirms the code there.
 */

export interface ComuneSuggestion {
  istatCode: string;
  name: string;
  provinceAcronym: string;
  lat: number;
  lon: number;
}

export type ComuneNameMatch =
  | { row: ComuneRow; reason: null; candidates: [] }
  | { row: null; reason: "empty" | "not_found" | "ambiguous" | "not_in_province"; candidates: ComuneSuggestion[] };

let byName: Map<string, ComuneRow[]> | undefined;

// South Tyrolean comuni are named "Italian/German": either half alone finds them too.
function index(): Map<string, ComuneRow[]> {
  if (byName) return byName;
  const map = new Map<string, ComuneRow[]>();
  for (const row of shippedComuni().rows) {
    const keys = new Set([row.nameNormalized, ...row.nameNormalized.split("/").map((s) => s.trim())]);
    for (const key of keys) map.set(key, [...(map.get(key) ?? []), row]);
  }
  for (const rows of map.values()) rows.sort((a, b) => a.name.localeCompare(b.name, "it") || a.provinceAcronym.localeCompare(b.provinceAcronym));
  return (byName = map);
}

export const toSuggestion = (c: ComuneRow | ComuneSuggestion): ComuneSuggestion => ({
  istatCode: c.istatCode,
  name: c.name,
  provinceAcronym: c.provinceAcronym,
  lat: c.lat,
  lon: c.lon,
});

const failure = (reason: Exclude<ComuneNameMatch["reason"], null>, candidates: ComuneRow[] = []): ComuneNameMatch => ({
  row: null,
  reason,
  candidates: candidates.map(toSuggestion),
});

/**
 * The comune with exactly this name (folded), in the province when given. A name shared by comuni of
 * different provinces (Samone, Castro, Calliano…) without a province is not guessed: reason "ambiguous"
 * with the candidates to show. "Ciriè (TO)" is read as name + province.
 */
export function matchComuneName(name: string, provinceAcronym?: string): ComuneNameMatch {
  let rawName = name;
  let province = provinceAcronym?.trim().toUpperCase() || undefined;
  const suffix = /^(.*?)\s*\(([A-Za-z]{2})\)\s*$/.exec(name);
  if (suffix?.[1] && suffix[2]) {
    rawName = suffix[1];
    province ??= suffix[2].toUpperCase();
  }
  const folded = foldName(rawName);
  if (!folded) return failure("empty");
  const matches = index().get(folded) ?? [];
  if (matches.length === 0) return failure("not_found");
  const inProvince = province ? matches.filter((c) => c.provinceAcronym === province) : matches;
  if (inProvince.length === 0) return failure("not_in_province", matches);
  const [only] = inProvince;
  if (inProvince.length > 1 || !only) return failure("ambiguous", inProvince);
  return { row: only, reason: null, candidates: [] };
}

/** The Italian message for a name that did not resolve, naming the candidates: the same for the API and imports. */
export function comuneNameProblem(text: string, match: Exclude<ComuneNameMatch, { reason: null }>): string {
  const options = match.candidates.slice(0, 8).map((c) => `${c.name} (${c.provinceAcronym})`);
  switch (match.reason) {
    case "ambiguous":
      return `Comune ambiguo «${text}»: ${options.join(", ")}. Indicare la provincia, es. «${options[0]}», o il codice ISTAT`;
    case "not_in_province":
      return `Comune «${text}» non trovato nella provincia indicata (esiste: ${options.join(", ")})`;
    case "empty":
      return "Comune mancante: indicare il nome o il codice ISTAT";
    default:
      return `Comune sconosciuto «${text}»`;
  }
}

/**
 * A comune as people write it: the ISTAT code (also without the leading zeros a spreadsheet drops,
 * "1272"), or a name. Answers the ISTAT code, or the problem in Italian.
 */
export function comuneCodeOf(text: string): { istatCode: string } | { problem: string } {
  const value = text.trim();
  if (/^\d{4,6}$/.test(value)) return { istatCode: value.padStart(6, "0") };
  const match = matchComuneName(value);
  return match.row ? { istatCode: match.row.istatCode } : { problem: comuneNameProblem(value, match) };
}
