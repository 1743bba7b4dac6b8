import type { Db, DbTx } from "../db/client.js";
import type { Comune } from "../generated/prisma/client.js";
import { foldName } from "../reference/fold-name.js";

type Reader = Db | DbTx;

export interface ComuneSuggestion {
  istatCode: string;
  name: string;
  provinceAcronym: string;
  lat: number;
  lon: number;
}

const suggestionFields = { istatCode: true, name: true, provinceAcronym: true, lat: true, lon: true } as const;

export function findComune(db: Reader, istatCode: string): Promise<Comune | null> {
  return db.comune.findUnique({ where: { istatCode: istatCode.trim() } });
}

// South Tyrolean comuni are named "Italian/German": either half alone must also find them.
function nameMatches(folded: string) {
  return [{ nameNormalized: folded }, { nameNormalized: { startsWith: `${folded}/` } }, { nameNormalized: { endsWith: `/${folded}` } }];
}

/**
 * Autocomplete: comuni whose folded name (or either half of a bilingual name) starts with the folded
 * prefix. Exact matches come first so "Roma" or "Bra" are not buried under longer names.
 */
export async function searchComuni(db: Reader, prefix: string, limit = 10): Promise<ComuneSuggestion[]> {
  const folded = foldName(prefix);
  if (!folded || limit <= 0) return [];
  const [exact, starting] = await Promise.all([
    db.comune.findMany({ where: { OR: nameMatches(folded) }, select: suggestionFields, orderBy: { name: "asc" }, take: limit }),
    db.comune.findMany({
      where: { OR: [{ nameNormalized: { startsWith: folded } }, { nameNormalized: { contains: `/${folded}` } }] },
      select: suggestionFields,
      orderBy: { name: "asc" },
      take: limit,
    }),
  ]);
  const seen = new Set(exact.map((c) => c.istatCode));
  return [...exact, ...starting.filter((c) => !seen.has(c.istatCode))].slice(0, limit);
}

export type ComuneResolution =
  | { comune: Comune; reason: null; candidates: [] }
  | { comune: null; reason: "empty" | "not_found" | "ambiguous" | "not_in_province"; candidates: ComuneSuggestion[] };

const failure = (reason: Exclude<ComuneResolution["reason"], null>, candidates: ComuneSuggestion[] = []): ComuneResolution => ({
  comune: null,
  reason,
  candidates,
});

/**
 * For imports: the comune with exactly this name (folded), in the province when given. A name shared by
 * comuni of different provinces (Calliano, Livo, San Teodoro…) without a province is not guessed: the
 * caller gets null, reason "ambiguous" and the candidates to show. "Ciriè (TO)" is read as name + province.
 */
export async function resolveComuneByName(db: Reader, name: string, provinceAcronym?: string): Promise<ComuneResolution> {
  let rawName = name;
  let province = provinceAcronym?.trim().toUpperCase() || undefined;
  const suffix = /^(.*?)\s*\(([A-Za-z]{2})\)\s*$/.exec(name);
  if (suffix?.[1] && suffix[2]) {
    rawName = suffix[1];
    province ??= suffix[2].toUpperCase();
  }
  const folded = foldName(rawName);
  if (!folded) return failure("empty");

  const matches = await db.comune.findMany({ where: { OR: nameMatches(folded) }, orderBy: { name: "asc" } });
  if (matches.length === 0) return failure("not_found");
  const toSuggestion = (c: Comune): ComuneSuggestion => ({
    istatCode: c.istatCode,
    name: c.name,
    provinceAcronym: c.provinceAcronym,
    lat: c.lat,
    lon: c.lon,
  });
  const inProvince = province ? matches.filter((c) => c.provinceAcronym === province) : matches;
  if (inProvince.length === 0) return failure("not_in_province", matches.map(toSuggestion));
  const [only] = inProvince;
  if (inProvince.length > 1 || !only) return failure("ambiguous", inProvince.map(toSuggestion));
  return { comune: only, reason: null, candidates: [] };
}
