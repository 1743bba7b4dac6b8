import type { MatchingConfig } from "./matching-config.js";
import type { CandidateFacts, MatchEvaluation, VacancyFacts } from "./match-types.js";

export interface Scored {
  evaluation: MatchEvaluation;
  facts: CandidateFacts;
}

export interface RankedEntry extends Scored {
  rank: number;
  recentLists: number;
  fairnessNote: string | null;
}

/**
 * Best first. Exact ties go to the same CPI, then the same province, then the nearer person. Then
 * near-ties: a person within the configured margin of the one ahead, but put on fewer lists in recent
 * weeks, moves ahead of them (never past anyone more than the margin ahead), and the reason says so,
 * so the same people are not sent every time.
 */
export function rankMatches(items: Scored[], offer: VacancyFacts, recentLists: Map<string, number>, cfg: MatchingConfig): RankedEntry[] {
  const sameCpi = (s: Scored) => (s.facts.cpiCode === offer.cpiCode ? 0 : 1);
  const sameProvince = (s: Scored) => (s.facts.province === offer.province ? 0 : 1);
  const sorted = [...items].sort(
    (a, b) =>
      b.evaluation.score - a.evaluation.score ||
      sameCpi(a) - sameCpi(b) ||
      sameProvince(a) - sameProvince(b) ||
      (a.evaluation.distanceKm ?? Infinity) - (b.evaluation.distanceKm ?? Infinity) ||
      a.facts.id.localeCompare(b.facts.id),
  );
  const ranked: RankedEntry[] = sorted.map((s) => ({ ...s, rank: 0, recentLists: recentLists.get(s.facts.id) ?? 0, fairnessNote: null }));
  for (let i = 1; i < ranked.length; i++) {
    let j = i;
    while (j > 0) {
      const ahead = ranked[j - 1]!;
      const mover = ranked[j]!;
      if (ahead.evaluation.score - mover.evaluation.score > cfg.nearTieMargin || mover.recentLists >= ahead.recentLists) break;
      mover.fairnessNote =
        `Anticipata/o a pari merito (scarto entro ${cfg.nearTieMargin} punti): ${mover.recentLists} rose nelle ultime ` +
        `${cfg.recentListsWeeks} settimane contro ${ahead.recentLists}`;
      ranked[j - 1] = mover;
      ranked[j] = ahead;
      j -= 1;
    }
  }
  ranked.forEach((r, i) => (r.rank = i + 1));
  return ranked;
}
