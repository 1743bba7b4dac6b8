import type { SearchIndex } from "../indexing/search-index.js";
import type { RarityWeight } from "./score-competences.js";

/** Document frequencies change slowly: a few minutes of staleness is harmless and saves a count per request. */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;
/** Per index: two engines (or two stores) in one process each count their own people. */
const caches = new WeakMap<SearchIndex, Map<string, { weight: Promise<number>; at: number }>>();

/**
 * Rarity of each competence among all job seekers in the index, as an inverse-document-frequency
 * weight between 1 (everybody has it) and 4 (almost nobody): rare competences weigh more when they
 * are required. Counted once per competence and reused; the count in flight is shared too, so offers
 * prepared together (a rematch loads thousands at once) do not each count the same competence.
 */
export async function rarityWeights(index: SearchIndex, competences: string[]): Promise<RarityWeight> {
  const cache = caches.get(index) ?? new Map<string, { weight: Promise<number>; at: number }>();
  caches.set(index, cache);
  const pending = [...new Set(competences)].map(async (competence): Promise<[string, number]> => {
    const key = competence.toLowerCase();
    let entry = cache.get(key);
    if (!entry || Date.now() - entry.at >= TTL_MS) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      const weight = index.documentFrequency("candidates", "competences", competence).then(({ matching, total }) =>
        Math.min(4, Math.max(1, 1 + Math.log10((total + 1) / (matching + 1)))),
      );
      entry = { weight, at: Date.now() };
      cache.set(key, entry);
      // A failed count is not remembered: the next offer asks again.
      const failed = entry;
      weight.catch(() => cache.get(key) === failed && cache.delete(key));
    }
    return [competence, await entry.weight];
  });
  const weights = new Map(await Promise.all(pending));
  return (competence) => weights.get(competence) ?? 1;
}
