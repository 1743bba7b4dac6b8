/**
 * Typo tolerance for an engine that has none of its own (the embedded index), with Meilisearch's
 * default rules so both engines forgive the same slips:
 * - a word of fewer than 5 letters, or with a digit, must be typed exactly ("oss", "CQC", "4.1.1");
 * - 5 to 8 letters: one typo; 9 or more: two (insertion, deletion, substitution, or two adjacent
 *   letters swapped);
 * - when two are allowed, a wrong first letter counts as two typos;
 * - a word still being typed (the query's last, matched as a prefix) is forgiven the same typos
 *   against the beginning of an indexed word.
 * Lengths are those of the stems both engines receive (src/text/normalize-italian.ts).
 */

/** How many typos a query word may carry. */
export function typoBudget(word: string): 0 | 1 | 2 {
  if (/\d/.test(word)) return 0;
  const length = [...word].length;
  return length < 5 ? 0 : length < 9 ? 1 : 2;
}

/**
 * The typos between a query word and an indexed word (restricted Damerau-Levenshtein, the first
 * letter weighted as above), or Infinity beyond `budget`. With `prefix`, against the indexed word's
 * best-matching beginning.
 */
export function typoCost(query: string, candidate: string, budget: number, prefix = false): number {
  const a = [...query];
  const b = [...candidate];
  const firstPenalty = budget >= 2 && a[0] !== b[0] ? 1 : 0;
  const limit = budget - firstPenalty;
  if (limit < 0) return Infinity;
  if (!prefix && Math.abs(a.length - b.length) > limit) return Infinity;
  if (prefix && b.length < a.length - limit) return Infinity;
  // Rows over the query's letters, columns over the candidate's; two rows back for transpositions.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (same ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return Infinity;
    before = previous;
    previous = current;
  }
  const distance = prefix ? Math.min(...previous) : previous[b.length]!;
  return distance <= limit ? distance + firstPenalty : Infinity;
}

/**
 * The indexed words a query word may have meant: those within its typo budget, itself excluded (and,
 * for a prefix, the words it already begins).
 */
export function typoVariants(word: string, vocabulary: Iterable<string>, prefix: boolean): string[] {
  const budget = typoBudget(word);
  if (budget === 0) return [];
  const out: string[] = [];
  for (const candidate of vocabulary) {
    if (candidate === word || (prefix && candidate.startsWith(word))) continue;
    if (typoCost(word, candidate, budget, prefix) <= budget) out.push(candidate);
  }
  return out;
}
