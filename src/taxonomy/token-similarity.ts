/**
 * Token-level similarity shared by occupations and competences: inverse document frequency weights,
 * typo correction against a known vocabulary of stems, and a weighted overlap measure. Everything works
 * on the stems produced by src/text/normalize-italian.ts, so word order, articles and gender/number
 * endings are already gone.
 */

import { boundedEditDistance } from "../text/edit-distance.js";

/** How many typing errors a stem of this length may carry and still be recognised. */
export function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Credit for a stem recognised through a typo correction rather than spelled right. */
export const TYPO_CREDIT = 0.85;

/**
 * A fixed vocabulary of stems with document frequencies: which stems are known, and how much each says.
 */
export class StemVocabulary {
  private readonly df = new Map<string, number>();
  private documents = 0;

  /** Counts each distinct stem of a document once. */
  addDocument(stems: readonly string[]): void {
    this.documents += 1;
    for (const s of new Set(stems)) this.df.set(s, (this.df.get(s) ?? 0) + 1);
  }

  has(stem: string): boolean {
    return this.df.has(stem);
  }

  /** Smoothed IDF; a stem never seen gets the weight of the rarest. */
  idf(stem: string): number {
    return Math.log(1 + (this.documents + 1) / ((this.df.get(stem) ?? 0) + 1));
  }
}

/**
 * Weighted Dice coefficient between two stem sets: 2·Σ w(shared) / (Σ w(a) + Σ w(b)). Order-free; rare
 * words weigh more than "addetto" or "operatore", which half the titles share.
 */
export function weightedDice(a: readonly string[], b: readonly string[], weight: (stem: string) => number): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  let total = 0;
  for (const s of sa) {
    const w = weight(s);
    total += w;
    if (sb.has(s)) shared += w;
  }
  for (const s of sb) total += weight(s);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** One reading of a mistyped word. */
export interface WordCandidate {
  word: string;
  distance: number;
}

/**
 * Typo correction of whole words (folded, not stemmed) against a known vocabulary. Words, not stems,
 * because a slip at the end of a word changes what the stemmer cuts ("massaggiatoreo" keeps its "e")
 * and a slip at the start is as common as anywhere else. One slip is found through an index of the
 * vocabulary with one letter deleted (a word and its slip share a deletion), two slips, for long words
 * only, by a scan of the words of similar length. Answers are memoised.
 */
export class WordCorrector {
  private readonly df = new Map<string, number>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly byLength = new Map<number, string[]>();
  private readonly memo = new Map<string, WordCandidate[]>();

  /**
   * Words shorter than this are not corrected: one slip away from a three-letter word lie dozens of
   * others, and a three-letter word in a title is more often an acronym ("ASO", "OSS") than a slip.
   */
  static readonly MIN_LENGTH = 4;
  /** From this length on, two slips are allowed when no word is one slip away. */
  static readonly TWO_SLIPS_LENGTH = 9;

  add(word: string): void {
    const seen = this.df.get(word);
    this.df.set(word, (seen ?? 0) + 1);
    if (seen !== undefined) return;
    this.byLength.set(word.length, [...(this.byLength.get(word.length) ?? []), word]);
    for (const d of new Set([word, ...deletions(word)])) {
      const list = this.byDeletion.get(d);
      if (list) list.push(word);
      else this.byDeletion.set(d, [word]);
    }
  }

  has(word: string): boolean {
    return this.df.has(word);
  }

  /**
   * The known words at the smallest distance, most frequent first; empty for a known word, a short
   * one or one with nothing near. Several candidates mean the slip is ambiguous.
   */
  candidates(word: string): WordCandidate[] {
    if (this.df.has(word) || word.length < WordCorrector.MIN_LENGTH) return [];
    const cached = this.memo.get(word);
    if (cached) return cached;
    const found = new Set<string>();
    for (const d of new Set([word, ...deletions(word)])) for (const w of this.byDeletion.get(d) ?? []) found.add(w);
    let distance = 1;
    let near = [...found].filter((w) => boundedEditDistance(word, w, 1, { swaps: true }) <= 1);
    if (near.length === 0 && word.length >= WordCorrector.TWO_SLIPS_LENGTH) {
      distance = 2;
      near = [];
      for (let len = word.length - 2; len <= word.length + 2; len++) {
        for (const w of this.byLength.get(len) ?? []) if (boundedEditDistance(word, w, 2, { swaps: true }) <= 2) near.push(w);
      }
    }
    const result = near
      .map((w) => ({ word: w, distance, df: this.df.get(w) ?? 0 }))
      .sort((a, b) => b.df - a.df || (a.word < b.word ? -1 : 1))
      .map(({ word: w, distance: d }) => ({ word: w, distance: d }));
    this.memo.set(word, result);
    return result;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
