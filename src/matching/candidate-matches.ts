import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import { resolveOccupation, retrievalKeys } from "../taxonomy/occupation-taxonomy.js";
import { candidateFacts } from "./build-facts.js";
import { evaluateMatch } from "./evaluate-match.js";
import { offerGap } from "./match-gap.js";
import type { CandidateMatchesQuery } from "./match-schemas.js";
import { OPEN_VACANCY_STATUSES, personReach, scoreOffersForPerson } from "./person-offers.js";
import { matchKey, matchNewsSinceLastRun } from "./store-matches.js";
import { isQualified } from "./rank-vacancy-candidates.js";

const RETRIEVAL_LIMIT = 5_000;

/**
 * What a tutor opens for a person: the open vacancies that fit best, within the travel the person
 * declared (or the widest congrua reference), each with score, reasons, congrua verdict and, for an
 * offer the person does not qualify for, the gap: the competences missing and whether learning them
 * would qualify the person (the training that would open the offer).
 */
export async function computeCandidateMatches(ctx: AppContext, actor: Actor, candidateId: string, query: CandidateMatchesQuery, route: string) {
  const candidate = await findCandidate(ctx.db, candidateId);
  assertAllowed(canReadCandidate(actor, candidate));
  const person = candidateFacts(candidate);
  const cfg = ctx.matching;
  const now = new Date();
  const occupations = [...person.profiles.map((p) => resolveOccupation(p.title, p.code)), ...person.experiences.map((e) => resolveOccupation(e.title, e.code))];
  const { limit, radiusKm } = personReach(person, ctx);
  const common = { filters: { status: OPEN_VACANCY_STATUSES }, near: { lat: person.lat, lon: person.lon, radiusKm }, limit: RETRIEVAL_LIMIT };
  const [byKeys, byText] = await Promise.all([
    ctx.index.retrieve("vacancies", { ...common, anyOf: { field: "occ", values: [...new Set(occupations.flatMap(retrievalKeys))] }, order: "distance" }),
    ctx.index.retrieve("vacancies", { ...common, anyText: [...person.profiles.map((p) => p.title), ...person.experiences.map((e) => e.title)].join(" "), order: "relevance" }),
  ]);
  const { scored, matchContext } = await scoreOffersForPerson(ctx, person, [...byKeys, ...byText], now);
  const eligible = scored
    .filter((e) => e.evaluation.exclusions.length === 0)
    .sort((a, b) => b.evaluation.score - a.evaluation.score || (a.evaluation.distanceKm ?? Infinity) - (b.evaluation.distanceKm ?? Infinity));
  await recordAudit(ctx.db, actor, "read", "candidate", [candidateId], route);
  // The congrua verdict costs more than the score: only the page shown gets it, at today's date.
  const page = eligible
    .slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
    .map((e) => ({ ...e, evaluation: evaluateMatch(e.prepared, person, e.distanceKm, { ...matchContext(e.prepared), withCongrua: true }) }));
  // A read never stores: news is told against the last rematch run.
  const news = await matchNewsSinceLastRun(ctx.db, page.map((e) => e.evaluation));
  return {
    candidateId,
    modelVersion: cfg.modelVersion,
    computedAt: now.toISOString(),
    travel: { radiusKm, basis: limit.basis },
    total: eligible.length,
    excluded: scored.length - eligible.length,
    page: query.page,
    pageSize: query.pageSize,
    items: page.map((e, i) => {
      const offer = e.prepared.facts;
      return {
        rank: (query.page - 1) * query.pageSize + i + 1,
        qualified: isQualified(e.evaluation, cfg.qualifyingScore),
        vacancy: { id: offer.id, title: offer.requestedProfile, companyName: offer.companyName, comune: offer.comune, province: offer.province, cpiCode: offer.cpiCode, status: offer.status },
        ...e.evaluation,
        gap: offerGap(e.prepared, person, e.distanceKm, matchContext(e.prepared), e.evaluation),
        ...news.get(matchKey(offer.id, candidateId)),
      };
    }),
  };
}
