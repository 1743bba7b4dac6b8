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

import { boundedEditDistance } from "../text/edit-distance.js";

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
  const firstPenalty = budget >= 2 && query[0] !== candidate[0] ? 1 : 0;
  const limit = budget - firstPenalty;
  if (limit < 0) return Infinity;
  const distance = boundedEditDistance(query, candidate, limit, { swaps: true, prefix });
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
