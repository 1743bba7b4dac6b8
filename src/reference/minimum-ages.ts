import { readCsv } from "./read-csv.js";
import { referenceFile } from "./reference-files.js";

/** A legal minimum age for the occupations under a CP2011 code (data/reference/classifications/minimum-ages.csv). */
export interface MinimumAge {
  cp2011: string;
  age: number;
  source: string;
}

let rules: MinimumAge[] | undefined;

function minimumAges(): MinimumAge[] {
  return (rules ??= readCsv(referenceFile("classifications", "minimum-ages.csv"), ["cp2011", "eta_minima", "fonte"])
    .map((r) => ({ cp2011: (r.cp2011 ?? "").trim(), age: Number(r.eta_minima), source: (r.fonte ?? "").trim() }))
    .filter((r) => r.cp2011 !== "" && Number.isInteger(r.age)));
}

/** The highest minimum age the law sets for an occupation's CP2011 unit or its groups, or null when none does. */
export function minimumAgeFor(cp2011Unit: string | null): MinimumAge | null {
  if (!cp2011Unit) return null;
  let best: MinimumAge | null = null;
  for (const r of minimumAges()) {
    if ((cp2011Unit === r.cp2011 || cp2011Unit.startsWith(`${r.cp2011}.`)) && (!best || r.age > best.age)) best = r;
  }
  return best;
}
