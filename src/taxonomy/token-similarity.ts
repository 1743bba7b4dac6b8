/**
 * Token-level similarity shared by occupations and competences: inverse document frequency weights,
 * typo correction against a known vocabulary of stems, and a weighted overlap measure. Everything works
 * on the stems produced by src/text/normalize-italian.ts, so word order, articles and gender/number
 * endings are already gone.
 */

/** Levenshtein distance, giving up (returning max + 1) as soon as it must exceed `max`. */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] ?? max + 1;
}

/** How many typing errors a stem of this length may carry and still be recognised. */
export function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Credit for a stem recognised through a typo correction rather than spelled right. */
export const TYPO_CREDIT = 0.85;

export interface Correction {
  stem: string;
  /** 1 for a known stem, TYPO_CREDIT for a corrected one. */
  credit: number;
}

/**
 * A fixed vocabulary of stems with document frequencies, answering "which known stem did the user mean".
 * Corrections are memoised: a list of thousands of people repeats the same few hundred words.
 */
export class StemVocabulary {
  private readonly df = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>();
  private readonly corrections = new Map<string, Correction | null>();
  private documents = 0;

  /** Counts each distinct stem of a document once. */
  addDocument(stems: readonly string[]): void {
    this.documents += 1;
    for (const s of new Set(stems)) this.df.set(s, (this.df.get(s) ?? 0) + 1);
  }

  /** Call once after the last document: indexes stems by length for the typo search. */
  seal(): void {
    this.byLength.clear();
    for (const s of this.df.keys()) {
      const list = this.byLength.get(s.length) ?? [];
      list.push(s);
      this.byLength.set(s.length, list);
    }
  }

  has(stem: string): boolean {
    return this.df.has(stem);
  }

  /** Smoothed IDF; a stem never seen gets the weight of the rarest. */
  idf(stem: string): number {
    return Math.log(1 + (this.documents + 1) / ((this.df.get(stem) ?? 0) + 1));
  }

  /** The stem itself when known, else the most frequent known stem within the allowed typos. */
  correct(stem: string): Correction | null {
    if (this.df.has(stem)) return { stem, credit: 1 };
    const cached = this.corrections.get(stem);
    if (cached !== undefined) return cached;
    const max = allowedTypos(stem.length);
    let best: { stem: string; distance: number; df: number } | null = null;
    for (let len = stem.length - max; max > 0 && len <= stem.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // Typos rarely touch the first letter; requiring it keeps the scan cheap and the answers sane.
        if (candidate.charCodeAt(0) !== stem.charCodeAt(0)) continue;
        const d = boundedLevenshtein(stem, candidate, max);
        if (d > max) continue;
        const df = this.df.get(candidate) ?? 0;
        if (!best || d < best.distance || (d === best.distance && df > best.df)) best = { stem: candidate, distance: d, df };
      }
    }
    const result = best ? { stem: best.stem, credit: TYPO_CREDIT } : null;
    this.corrections.set(stem, result);
    return result;
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
