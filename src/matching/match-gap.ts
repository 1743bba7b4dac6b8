import { evaluateMatch, type MatchContext, type PreparedOffer } from "./evaluate-match.js";
import { list, quoted } from "./format-reason.js";
import type { CandidateFacts, MatchEvaluation } from "./match-types.js";
import { isQualified } from "./rank-vacancy-candidates.js";

/** What keeps a person who passes the hard constraints from qualifying for an offer, competence by competence. */
export interface OfferGap {
  /** The competences the offer asks and the person lacks (partly covered ones too: they earn part of the credit at most), must-haves first. */
  missing: { competence: string; mustHave: boolean }[];
  /** The score the person would reach with those competences learnt, as a training would give them. */
  scoreOnceClosed: number;
  /** With them, the person would qualify for the offer. */
  qualifiesOnceClosed: boolean;
  /** «Manca: «Patentino F-gas»; una volta acquisita risulterebbe idonea/o». */
  summary: string;
}

/** The person with the missing competences learnt: what the matching would say after the training. */
export function withCompetences(person: CandidateFacts, competences: readonly string[]): CandidateFacts {
  return { ...person, trainings: [...person.trainings, ...competences] };
}

/**
 * The gap between a person and an offer they do not qualify for (null when they do): the competences
 * missing, and whether learning them would qualify the person, scored by the same evaluation.
 */
export function offerGap(offer: PreparedOffer, person: CandidateFacts, distanceKm: number | null, ctx: MatchContext, evaluation: MatchEvaluation): OfferGap | null {
  const qualifying = ctx.cfg.qualifyingScore;
  if (isQualified(evaluation, qualifying)) return null;
  const missing = [...evaluation.missingCompetences].sort((a, b) => Number(b.mustHave) - Number(a.mustHave));
  if (missing.length === 0) {
    return {
      missing,
      scoreOnceClosed: evaluation.score,
      qualifiesOnceClosed: false,
      summary: `Nessuna competenza mancante: punteggio ${evaluation.score} sotto la soglia di idoneità (${qualifying}) per profilo, distanza o requisiti`,
    };
  }
  const after = evaluateMatch(offer, withCompetences(person, missing.map((m) => m.competence)), distanceKm, ctx);
  const qualifiesOnceClosed = isQualified(after, qualifying) && after.exclusions.length === 0;
  return { missing, scoreOnceClosed: after.score, qualifiesOnceClosed, summary: gapSummary(missing, qualifiesOnceClosed, after.score, qualifying) };
}

function gapSummary(missing: OfferGap["missing"], qualifies: boolean, scoreAfter: number, qualifying: number): string {
  const must = missing.filter((m) => m.mustHave).map((m) => quoted(m.competence));
  const nice = missing.filter((m) => !m.mustHave).map((m) => quoted(m.competence));
  const parts = [
    ...(must.length > 0 ? [`${must.length === 1 ? "Manca" : "Mancano"}: ${list(must)}`] : []),
    ...(nice.length > 0 ? [`${must.length > 0 ? "gradite" : "Mancano le gradite"}: ${list(nice)}`] : []),
  ];
  const outcome = qualifies
    ? `una volta ${missing.length === 1 ? "acquisita" : "acquisite"} la persona risulterebbe idonea (punteggio ${scoreAfter})`
    : `anche ${missing.length === 1 ? "acquisendola" : "acquisendole"} resterebbe sotto la soglia di idoneità (${scoreAfter} su ${qualifying})`;
  return `${parts.join("; ")}; ${outcome}`;
}
