/** Which words of a retrieval's text are worth retrieving by (see RetrievalQuery.commonTerms). */
export interface CommonTerms {
  share: number;
  minDocs: number;
  /** Cap on the documents the kept words may match together, the rarest first; no cap when absent. */
  maxMatches?: number;
}

/**
 * The terms to retrieve by, in the order given: the common ones dropped, then the rarest kept while
 * the documents they match add up to at most `maxMatches` (the rarest is kept whatever its count; an
 * index of at most `maxMatches` documents keeps them all).
 * Ranking the text hits costs per hit, so without the cap a query's cost grew with the population:
 * at a million people a few ordinary words matched a third of them.
 */
export function selectiveTerms(terms: readonly string[], docsWith: ReadonlyMap<string, number>, total: number, common: CommonTerms): string[] {
  const limit = Math.max(common.share * total, common.minDocs);
  const count = (t: string) => docsWith.get(t) ?? 0;
  const byRarity = terms.filter((t) => count(t) <= limit).sort((a, b) => count(a) - count(b));
  // An index no larger than the cap cannot exceed it, however the words overlap.
  const cap = total <= (common.maxMatches ?? Infinity) ? Infinity : common.maxMatches!;
  const kept = new Set<string>();
  let matches = 0;
  for (const t of byRarity) {
    if (kept.size > 0 && matches + count(t) > cap) break;
    kept.add(t);
    matches += count(t);
  }
  return terms.filter((t) => kept.has(t));
}
