import type { SearchIndex } from "../indexing/search-index.js";
import type { RarityWeight } from "./score-competences.js";

/** Document frequencies change slowly: a few minutes of staleness is harmless and saves a count per request. */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;
/** Per index: two engines (or two stores) in one process each count their own people. */
const caches = new WeakMap<SearchIndex, Map<string, { weight: number; at: number }>>();

/**
 * Rarity of each competence among all job seekers in the index, as an inverse-document-frequency
 * weight between 1 (everybody has it) and 4 (almost nobody): rare competences weigh more when they
 * are required. Computed once per competence and reused.
 */
export async function rarityWeights(index: SearchIndex, competences: string[]): Promise<RarityWeight> {
  const weights = new Map<string, number>();
  const cache = caches.get(index) ?? new Map<string, { weight: number; at: number }>();
  caches.set(index, cache);
  for (const competence of new Set(competences)) {
    const key = competence.toLowerCase();
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) {
      weights.set(competence, hit.weight);
      continue;
    }
    const { matching, total } = await index.documentFrequency("candidates", "competences", competence);
    const weight = Math.min(4, Math.max(1, 1 + Math.log10((total + 1) / (matching + 1))));
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, { weight, at: Date.now() });
    weights.set(competence, weight);
  }
  return (competence) => weights.get(competence) ?? 1;
}
