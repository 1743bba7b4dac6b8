/**
 * Ranking metrics of the matching evaluation. Pure functions over grades (0–3, as a CPI offer
 * referent would judge a person for a vacancy); a person with no label counts as grade 0.
 */

export const CUTOFF = 15;
/** From this grade on a person counts as relevant for precision. */
export const RELEVANT_GRADE = 2;

/** Graded gain: 2^g − 1 (0, 1, 3, 7). */
export const gain = (grade: number): number => 2 ** grade - 1;

/** Discounted cumulative gain of the first k grades, log2 discount: Σ gain(g_i) / log2(i + 1), i from 1. */
export function dcgAt(grades: readonly number[], k: number = CUTOFF): number {
  let sum = 0;
  grades.slice(0, k).forEach((g, i) => (sum += gain(g) / Math.log2(i + 2)));
  return sum;
}

/**
 * nDCG@k: the DCG of the ranking over the DCG of the ideal ranking of all the labels of the vacancy's
 * pool (every labelled person, best first). With nothing relevant labelled the ideal is 0: a ranking
 * that also gains nothing scores 1.
 */
export function ndcgAt(rankedGrades: readonly number[], poolGrades: readonly number[], k: number = CUTOFF): number {
  const ideal = dcgAt([...poolGrades].sort((a, b) => b - a), k);
  const actual = dcgAt(rankedGrades, k);
  if (ideal === 0) return actual === 0 ? 1 : 0;
  return actual / ideal;
}

/** Precision@k: relevant (grade ≥ 2) among the first k, over min(k, people ranked); 0 for an empty ranking. */
export function precisionAt(rankedGrades: readonly number[], k: number = CUTOFF, relevantGrade: number = RELEVANT_GRADE): number {
  const top = rankedGrades.slice(0, k);
  if (top.length === 0) return 0;
  return top.filter((g) => g >= relevantGrade).length / top.length;
}

/** How many of the first k people the labels say break a hard constraint for this vacancy. */
export function violationsAt(rankedViolations: readonly (string | null | undefined)[], k: number = CUTOFF): number {
  return rankedViolations.slice(0, k).filter((v) => typeof v === "string" && v.length > 0).length;
}

export const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/** One labelled pair as the must-have recall sees it. */
export interface HolderPair {
  holdsMustHaves?: boolean;
  violates?: string | null;
  qualified: boolean;
}

/**
 * Must-have recall: of the people the labels say hold every must-have competence (in some wording)
 * and break no hard constraint, how many the service calls qualified. Share null when there are none.
 */
export function mustHaveRecall(pairs: readonly HolderPair[]): { holders: number; qualified: number; share: number | null } {
  const holders = pairs.filter((p) => p.holdsMustHaves === true && !p.violates);
  const qualified = holders.filter((p) => p.qualified).length;
  return { holders: holders.length, qualified, share: holders.length === 0 ? null : qualified / holders.length };
}
