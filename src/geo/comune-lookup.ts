import type { Db, DbTx } from "../db/client.js";
import type { Comune } from "../generated/prisma/client.js";
import { foldName } from "../reference/fold-name.js";
import type { ComuneSuggestion } from "../reference/comune-names.js";

type Reader = Db | DbTx;

export type { ComuneSuggestion };

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
