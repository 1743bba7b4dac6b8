/**
 * Edit distance between two words, bounded: it gives up (returning max + 1) as soon as the distance
 * must exceed `max`, which keeps typo searches over a vocabulary cheap. `swaps` counts two adjacent
 * letters swapped as one edit (optimal string alignment: "barsita" is one slip from "barista");
 * `prefix` measures against the best-matching beginning of `b` (a word still being typed).
 */
export function boundedEditDistance(a: string, b: string, max: number, options: { swaps?: boolean; prefix?: boolean } = {}): number {
  const { swaps = false, prefix = false } = options;
  if (prefix ? b.length < a.length - max : Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (swaps && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, (before[j - 2] ?? 0) + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [before, prev, curr] = [prev, curr, before];
  }
  const distance = prefix ? Math.min(...prev) : (prev[b.length] ?? max + 1);
  return Math.min(distance, max + 1);
}
