/**
 * The link between ISTAT CP2011 units and ISCO-08 unit groups, derived from the data itself: no official
 * Italian crosswalk ships with the repository, but CP2011 job titles and ESCO labels are written in the
 * same language, so a CP2011 title whose analysed label equals an ESCO label is evidence that its unit
 * belongs to that ESCO occupation's ISCO group. Each piece of evidence is a weighted vote; each unit takes
 * the ISCO group with most votes (and each ISCO group the CP2011 unit with most votes, for the opposite
 * direction). Counts are kept so callers and reports can see how strong a link is.
 */

export interface LinkVote {
  /** CP2011 5-level unit. */
  unit: string;
  /** ISCO-08 4-digit group. */
  isco: string;
  weight: number;
}

export interface MajorityLink {
  code: string;
  /** Votes for the winning code. */
  votes: number;
  /** All votes cast for the source code. */
  total: number;
}

export interface Cp2011IscoLink {
  unitToIsco: ReadonlyMap<string, MajorityLink>;
  iscoToUnit: ReadonlyMap<string, MajorityLink>;
}

/** Majority per key; ties go to the lower code so the result never depends on file order. */
export function majority(tallies: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, MajorityLink> {
  const out = new Map<string, MajorityLink>();
  for (const [key, counts] of tallies) {
    let best: MajorityLink | null = null;
    let total = 0;
    for (const [code, votes] of counts) {
      total += votes;
      if (!best || votes > best.votes || (votes === best.votes && code < best.code)) best = { code, votes, total: 0 };
    }
    if (best) out.set(key, { ...best, total });
  }
  return out;
}

export function addVote(tallies: Map<string, Map<string, number>>, key: string, code: string, weight: number): void {
  const counts = tallies.get(key) ?? new Map<string, number>();
  counts.set(code, (counts.get(code) ?? 0) + weight);
  tallies.set(key, counts);
}

export function deriveCp2011IscoLink(votes: Iterable<LinkVote>): Cp2011IscoLink {
  const byUnit = new Map<string, Map<string, number>>();
  const byIsco = new Map<string, Map<string, number>>();
  for (const v of votes) {
    if (v.weight <= 0) continue;
    addVote(byUnit, v.unit, v.isco, v.weight);
    addVote(byIsco, v.isco, v.unit, v.weight);
  }
  return { unitToIsco: majority(byUnit), iscoToUnit: majority(byIsco) };
}
