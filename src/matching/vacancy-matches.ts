import type { Actor } from "../auth/actor.js";
import { assertFilterReferencesExist } from "../validation/check-references.js";
import { assertAllowed, canReadCandidate, requireRole } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { findCandidate, type CandidateRecord } from "../candidates/candidate-repository.js";
import { findVacancy, type VacancyRecord } from "../vacancies/vacancy-repository.js";
import { activeProgrammes } from "./active-programmes.js";
import { candidateFacts } from "./build-facts.js";
import { evaluateMatch } from "./evaluate-match.js";
import { count, km, list, quoted } from "./format-reason.js";
import type { MatchEvaluation } from "./match-types.js";
import type { VacancyMatchesQuery } from "./match-schemas.js";
import { isQualified, matchContextFor, prepareOffer, rankVacancy, type RankedMatch, type VacancyRanking } from "./rank-vacancy-candidates.js";
import { matchKey, matchNewsSinceLastRun } from "./store-matches.js";

/**
 * Operators only: the matches name people. The vacancy's own referents and the regional agency see
 * everyone (a list may draw on the whole region); other operators see the people of their CPIs or
 * caseload, whom they can then propose. Null means everyone.
 */
function visibleTo(actor: Actor, vacancyCpi: string): ((person: { cpiCode: string; tutorId: string | null }) => boolean) | null {
  if (actor.role === "admin" || (actor.role === "referent" && actor.cpiCodes.includes(vacancyCpi))) return null;
  return (person) => canReadCandidate(actor, person) === null;
}

/**
 * The ranking as the caller may see it: only visible people, and their rank among those, so neither the
 * ranks nor the pool counts tell how many people of other CPIs stand ahead or qualify.
 */
function seenBy(ranked: RankedMatch[], visible: ReturnType<typeof visibleTo>): RankedMatch[] {
  if (!visible) return ranked;
  return ranked.filter((m) => visible(m.candidate)).map((m, i) => ({ ...m, rank: i + 1 }));
}

export async function computeVacancyMatches(ctx: AppContext, actor: Actor, vacancyId: string, query: VacancyMatchesQuery, route: string) {
  assertAllowed(requireRole(actor, ["admin", "referent", "tutor", "navigator"]));
  const vacancy = await findVacancy(ctx.db, vacancyId);
  await assertFilterReferencesExist(ctx.db, query.cpi ? { cpi: query.cpi } : {});
  const now = new Date();
  const visible = visibleTo(actor, vacancy.cpiCode);
  const filters = { cpi: query.cpi, programme: query.programme, maxDistanceKm: query.maxDistanceKm, narrow: query.narrow };
  // The filters act inside the ranking, so the pool counts and the narrowing options are those of the filtered pool.
  const ranking = await rankVacancy(ctx, vacancy, { today: now, filters, ...(visible ? { poolScope: visible } : {}) });
  const filtered = seenBy(ranking.ranked, visible).filter((m) => !query.onlyQualified || m.qualified);
  const page = filtered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const names = await namesOf(ctx, page.map((m) => m.candidateId));
  // A read never stores: news is told against the last rematch run.
  const news = await matchNewsSinceLastRun(ctx.db, page);
  await recordAudit(ctx.db, actor, "read", "candidate", page.map((m) => m.candidateId), route);
  const cap = vacancy.shortlistCap;
  return {
    vacancyId,
    modelVersion: ctx.matching.modelVersion,
    computedAt: now.toISOString(),
    occupation: ranking.offer.occupation.concepts[0] ?? null,
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    pool: {
      qualified: ranking.qualifiedCount,
      qualifiedIsLowerBound: ranking.countsAreLowerBounds,
      cap,
      exceedsCap: ranking.qualifiedCount > cap,
      relatedNearby: ranking.related,
      message: poolMessage(ranking.qualifiedCount, cap, ranking.countsAreLowerBounds, ranking.related),
      narrowing: ranking.narrowing,
    },
    items: page.map((m) => ({ ...m, candidate: { ...m.candidate, ...names.get(m.candidateId) }, ...news.get(matchKey(vacancyId, m.candidateId)) })),
  };
}

/** What the referent reads above the ranking: too many for the list, and whether the counts are exact and how far from it. */
function poolMessage(qualified: number, cap: number, lowerBound: boolean, related: VacancyRanking["related"]): string | null {
  const howFar =
    related && related.scored < related.withinRadius
      ? `delle ${count(related.withinRadius)} persone disponibili entro ${km(related.radiusKm)} con un profilo affine sono state valutate le ${count(related.scored)} più vicine`
      : "tra le persone vicine con un profilo affine ne sono state valutate solo le prime";
  const estimate = lowerBound
    ? `Conteggi per difetto: ${howFar} (limite del recupero), quindi le idonee, e le persone che restano con ciascuna opzione per restringere, possono essere di più.`
    : null;
  if (qualified <= cap) return estimate;
  const idonee = lowerBound ? `almeno ${qualified}` : `${qualified}`;
  return [`Idonee ${idonee} persone per una rosa di al massimo ${cap}: indicare ulteriori parametri per restringere la selezione.`, estimate].filter(Boolean).join(" ");
}

async function namesOf(ctx: AppContext, ids: string[]) {
  const rows = await ctx.db.candidate.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(rows.map((r) => [r.id, { firstName: r.firstName, lastName: r.lastName }]));
}

/**
 * "Explain why not": one person's full evaluation for a vacancy, hard constraints included, whether
 * or not the ranking shows them. Reading a person is audited like any other read.
 */
export async function explainMatch(ctx: AppContext, actor: Actor, vacancyId: string, candidateId: string, route: string) {
  assertAllowed(requireRole(actor, ["admin", "referent", "tutor", "navigator"]));
  const vacancy = await findVacancy(ctx.db, vacancyId);
  const candidate = await findCandidate(ctx.db, candidateId);
  if (!(actor.role === "referent" && actor.cpiCodes.includes(vacancy.cpiCode))) assertAllowed(canReadCandidate(actor, candidate));
  const { evaluation, facts, qualified, summary } = await evaluateForVacancy(ctx, vacancy, candidate);
  await recordAudit(ctx.db, actor, "read", "candidate", [candidateId], route);
  return {
    ...evaluation,
    qualified,
    programmes: activeProgrammes(facts, new Date()),
    candidate: { id: candidate.id, firstName: candidate.firstName, lastName: candidate.lastName, cpiCode: candidate.cpiCode, comune: facts.comune, province: facts.province },
    summary,
  };
}

/**
 * One person against one vacancy, as the ranking would judge them (hard constraints, qualifying score,
 * must-have competences), without ranking everyone: the explain path, and the check a hand-added person
 * from outside the referent's CPIs must pass. No access check, no audit: the callers do both.
 */
export async function evaluateForVacancy(ctx: AppContext, vacancy: VacancyRecord, candidate: CandidateRecord, today = new Date()) {
  const offer = prepareOffer(vacancy);
  const facts = candidateFacts(candidate);
  const evaluation = evaluateMatch(offer, facts, null, { ...(await matchContextFor(ctx, offer, today)), withCongrua: true });
  const threshold = ctx.matching.qualifyingScore;
  const qualified = evaluation.exclusions.length === 0 && isQualified(evaluation, threshold);
  const summary = qualified
    ? `Idonea/o: punteggio ${evaluation.score} su 100 (soglia ${threshold}).`
    : evaluation.exclusions.length > 0
      ? `Esclusa/o: ${evaluation.exclusions.map((e) => e.reason).join("; ")}.`
      : evaluation.score >= threshold
        ? `Non proponibile: nessuna delle competenze indispensabili trovata fra quelle della persona (cercate: ${soughtMustHaves(evaluation)}); punteggio ${evaluation.score}.`
        : `Sotto la soglia: punteggio ${evaluation.score} su 100 (soglia ${threshold}).`;
  return { evaluation, facts, qualified, summary };
}

/** The must-have competences looked for and not found, as the reason names them. */
function soughtMustHaves(evaluation: MatchEvaluation): string {
  return list(evaluation.missingCompetences.filter((m) => m.mustHave).map((m) => quoted(m.competence)));
}
