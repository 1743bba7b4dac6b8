import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate, requireRole } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { activeProgrammes } from "./active-programmes.js";
import { candidateFacts } from "./build-facts.js";
import { evaluateMatch } from "./evaluate-match.js";
import type { VacancyMatchesQuery } from "./match-schemas.js";
import { isQualified, matchContextFor, prepareOffer, rankVacancy, type RankedMatch } from "./rank-vacancy-candidates.js";
import { matchKey, storeMatches } from "./store-matches.js";

/** Matches kept per run: the lists and digests never look further down. */
const STORED_PER_RUN = 100;

/**
 * Operators only: the matches name people. The vacancy's own referents and the regional agency see
 * everyone (a list may draw on the whole region); other operators see the people of their CPIs or
 * caseload, whom they can then propose.
 */
function visibleTo(actor: Actor, vacancyCpi: string) {
  const everyone = actor.role === "admin" || (actor.role === "referent" && actor.cpiCodes.includes(vacancyCpi));
  return (m: RankedMatch) => everyone || canReadCandidate(actor, m.candidate) === null;
}

export async function computeVacancyMatches(ctx: AppContext, actor: Actor, vacancyId: string, query: VacancyMatchesQuery, route: string) {
  assertAllowed(requireRole(actor, ["admin", "referent", "tutor", "navigator"]));
  const vacancy = await findVacancy(ctx.db, vacancyId);
  const now = new Date();
  const ranking = await rankVacancy(ctx, vacancy, { today: now });
  const news = await storeMatches(ctx.db, ranking.ranked.slice(0, STORED_PER_RUN), ctx.matching.modelVersion, now);
  const visible = visibleTo(actor, vacancy.cpiCode);
  const filtered = ranking.ranked.filter(
    (m) =>
      visible(m) &&
      (!query.onlyQualified || m.qualified) &&
      (!query.cpi?.length || query.cpi.includes(m.candidate.cpiCode)) &&
      (query.maxDistanceKm === undefined || (m.distanceKm !== null && m.distanceKm <= query.maxDistanceKm)) &&
      (!query.programme?.length || query.programme.some((p) => m.candidate.programmes.includes(p))),
  );
  const page = filtered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const names = await namesOf(ctx, page.map((m) => m.candidateId));
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
      cap,
      exceedsCap: ranking.qualifiedCount > cap,
      message:
        ranking.qualifiedCount > cap
          ? `Idonee ${ranking.qualifiedCount} persone per una rosa di al massimo ${cap}: indicare ulteriori parametri per restringere la selezione.`
          : null,
      narrowing: ranking.narrowing,
    },
    items: page.map((m) => ({ ...m, candidate: { ...m.candidate, ...names.get(m.candidateId) }, ...news.get(matchKey(vacancyId, m.candidateId)) })),
  };
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
  const offer = prepareOffer(vacancy);
  const facts = candidateFacts(candidate);
  const evaluation = evaluateMatch(offer, facts, null, { ...(await matchContextFor(ctx, offer, new Date())), withCongrua: true });
  await recordAudit(ctx.db, actor, "read", "candidate", [candidateId], route);
  const threshold = ctx.matching.qualifyingScore;
  const qualified = evaluation.exclusions.length === 0 && isQualified(evaluation, threshold);
  return {
    ...evaluation,
    qualified,
    programmes: activeProgrammes(facts, new Date()),
    candidate: { id: candidate.id, firstName: candidate.firstName, lastName: candidate.lastName, cpiCode: candidate.cpiCode, comune: facts.comune, province: facts.province },
    summary: qualified
      ? `Idonea/o: punteggio ${evaluation.score} su 100 (soglia ${threshold}).`
      : evaluation.exclusions.length > 0
        ? `Esclusa/o: ${evaluation.exclusions.map((e) => e.reason).join("; ")}.`
        : evaluation.score >= threshold
          ? `Non proponibile: nessuna delle competenze indispensabili dichiarata (punteggio ${evaluation.score}).`
          : `Sotto la soglia: punteggio ${evaluation.score} su 100 (soglia ${threshold}).`,
  };
}
