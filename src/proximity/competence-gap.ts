/**
 * The gap between a person and an occupation of proximity: over the vacancies of that occupation within
 * the person's reach, which competences they already have, which they lack and how many offers ask each,
 * and whether learning a few would qualify them (match-gap.ts re-scores the offer with them learnt).
 */
import { COMPETENCE_MATCHING, competenceSimilarity, matchCompetences } from "../taxonomy/competences.js";
import { competencesOfOccupation } from "../taxonomy/occupation-competences.js";
import type { MatchContext, PreparedOffer } from "../matching/evaluate-match.js";
import { offerGap, type OfferGap } from "../matching/match-gap.js";
import type { CandidateFacts } from "../matching/match-types.js";
import type { ScoredOffer } from "../matching/person-offers.js";
import { isQualified } from "../matching/rank-vacancy-candidates.js";

/** A gap a short targeted training closes: at most this many indispensable competences, and few others. */
export const SMALL_GAP = { mustHave: 2, total: 3 } as const;

export interface LackedCompetence {
  competence: string;
  /** Offers of the occupation in reach that ask it as indispensable / as welcome. */
  mustHaveIn: number;
  niceToHaveIn: number;
}

export interface OccupationGap {
  have: string[];
  lack: LackedCompetence[];
  qualifiedNow: number;
  /** Offers the person would qualify for once a small gap is closed (SMALL_GAP). */
  qualifiedOnceGapClosed: number;
  /** The competences of those small gaps, the ones opening most offers first. */
  training: { competence: string; opens: number }[];
  gaps: Map<string, OfferGap | null>;
}

/** Groups wordings of one competence under the first one seen («Uso del muletto», «Conduzione carrelli elevatori»). */
export class CompetenceTally<T> {
  private readonly entries: { label: string; value: T }[] = [];
  constructor(private readonly fresh: () => T) {}
  get(text: string): T {
    const found = this.entries.find((e) => e.label.toLocaleLowerCase("it") === text.toLocaleLowerCase("it") || competenceSimilarity(e.label, text) >= COMPETENCE_MATCHING.threshold);
    if (found) return found.value;
    const value = this.fresh();
    this.entries.push({ label: text, value });
    return value;
  }
  all(): { label: string; value: T }[] {
    return this.entries;
  }
}

const isSmall = (g: OfferGap): boolean => g.qualifiesOnceClosed && g.missing.filter((m) => m.mustHave).length <= SMALL_GAP.mustHave && g.missing.length <= SMALL_GAP.total;

export function smallGapOf(g: OfferGap | null): OfferGap | null {
  return g && isSmall(g) ? g : null;
}

/**
 * The occupation's gap over its offers in reach (none of them ruled out by a hard constraint), and the
 * competences of the reference data (ANPAL) the person holds for it when no offer is in reach.
 */
export function occupationGap(
  person: CandidateFacts,
  occupation: { title: string; code: string | null },
  offers: readonly ScoredOffer[],
  matchContext: (offer: PreparedOffer) => MatchContext,
): OccupationGap {
  const held = [...person.competences, ...person.trainings];
  const have = new Set<string>();
  const lack = new CompetenceTally<LackedCompetence>(() => ({ competence: "", mustHaveIn: 0, niceToHaveIn: 0 }));
  const training = new CompetenceTally<{ opens: number }>(() => ({ opens: 0 }));
  const gaps = new Map<string, OfferGap | null>();
  let qualifiedNow = 0;
  let qualifiedOnceGapClosed = 0;
  for (const o of offers) {
    for (const m of o.evaluation.matchedCompetences) have.add(m.offered);
    for (const m of o.evaluation.missingCompetences) {
      const l = lack.get(m.competence);
      l.competence ||= m.competence;
      if (m.mustHave) l.mustHaveIn += 1;
      else l.niceToHaveIn += 1;
    }
    const gap = offerGap(o.prepared, person, o.distanceKm, matchContext(o.prepared), o.evaluation);
    gaps.set(o.prepared.facts.id, gap);
    const cfg = matchContext(o.prepared).cfg;
    if (isQualified(o.evaluation, cfg.qualifyingScore)) qualifiedNow += 1;
    else if (gap && isSmall(gap)) {
      qualifiedOnceGapClosed += 1;
      for (const m of gap.missing) training.get(m.competence).opens += 1;
    }
  }
  // The reference data says what else the occupation asks: shown among what the person has, when they do.
  const reference = competencesOfOccupation(occupation.title, occupation.code);
  if (reference.length > 0 && held.length > 0) for (const m of matchCompetences(reference, held).matched) have.add(m.offered);
  return {
    have: [...have],
    lack: lack
      .all()
      .map((e) => e.value)
      .sort((a, b) => b.mustHaveIn - a.mustHaveIn || b.niceToHaveIn - a.niceToHaveIn),
    qualifiedNow,
    qualifiedOnceGapClosed,
    training: training
      .all()
      .map((e) => ({ competence: e.label, opens: e.value.opens }))
      .sort((a, b) => b.opens - a.opens),
    gaps,
  };
}
