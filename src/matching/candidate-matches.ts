import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import { resolveOccupation, retrievalKeys } from "../taxonomy/occupation-taxonomy.js";
import { candidateFacts } from "./build-facts.js";
import { rarityWeights } from "./competence-rarity.js";
import { evaluateMatch, type MatchContext, type PreparedOffer } from "./evaluate-match.js";
import type { CandidateMatchesQuery } from "./match-schemas.js";
import type { VacancyFacts } from "./match-types.js";
import { indexedReachKm, travelLimit } from "./score-territory.js";
import { matchKey, matchNewsSinceLastRun } from "./store-matches.js";
import { isQualified } from "./rank-vacancy-candidates.js";

const OPEN_STATUSES = ["open", "in_preselection"];
const RETRIEVAL_LIMIT = 5_000;

/**
 * What a tutor opens for a person: the open vacancies that fit best, within the travel the person
 * declared (or the widest congrua reference), each with score, reasons, congrua verdict and the
 * competences that are missing — the training that would open the offer.
 */
export async function computeCandidateMatches(ctx: AppContext, actor: Actor, candidateId: string, query: CandidateMatchesQuery, route: string) {
  const candidate = await findCandidate(ctx.db, candidateId);
  assertAllowed(canReadCandidate(actor, candidate));
  const person = candidateFacts(candidate);
  const cfg = ctx.matching;
  const now = new Date();
  const occupations = [...person.profiles.map((p) => resolveOccupation(p.title, p.code)), ...person.experiences.map((e) => resolveOccupation(e.title, e.code))];
  const limit = travelLimit(person, null, cfg);
  const radiusKm = limit.declared ? limit.km : indexedReachKm(person, cfg);
  const common = { filters: { status: OPEN_STATUSES }, near: { lat: person.lat, lon: person.lon, radiusKm }, limit: RETRIEVAL_LIMIT };
  const [byKeys, byText] = await Promise.all([
    ctx.index.retrieve("vacancies", { ...common, anyOf: { field: "occ", values: [...new Set(occupations.flatMap(retrievalKeys))] }, order: "distance" }),
    ctx.index.retrieve("vacancies", { ...common, anyText: [...person.profiles.map((p) => p.title), ...person.experiences.map((e) => e.title)].join(" "), order: "relevance" }),
  ]);
  const offers = new Map<string, { offer: PreparedOffer; distanceKm: number | null }>();
  for (const d of [...byKeys, ...byText]) {
    const facts = d.payload as VacancyFacts | null;
    if (!facts || offers.has(d.id)) continue;
    offers.set(d.id, { offer: { facts, occupation: resolveOccupation(facts.title, facts.profileCode) }, distanceKm: d.distanceKm });
  }
  const rarity = await rarityWeights(ctx.index, [...offers.values()].flatMap(({ offer }) => [...offer.facts.mustHave, ...offer.facts.niceToHave]));
  const onLists = new Set(
    (await ctx.db.shortlistEntry.findMany({ where: { candidateId, removedAt: null, shortlist: { status: { in: ["draft", "sent"] } } }, select: { shortlist: { select: { vacancyId: true } } } })).map(
      (e) => e.shortlist.vacancyId,
    ),
  );
  const matchContext = (offer: PreparedOffer): MatchContext => ({ today: now, cfg, rarity, onVacancyList: () => onLists.has(offer.facts.id) });
  const evaluations = [...offers.values()].map(({ offer, distanceKm }) => ({
    prepared: offer,
    distanceKm,
    offer: offer.facts,
    evaluation: evaluateMatch(offer, person, distanceKm, matchContext(offer)),
  }));
  const eligible = evaluations
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
    excluded: evaluations.length - eligible.length,
    page: query.page,
    pageSize: query.pageSize,
    items: page.map((e, i) => ({
      rank: (query.page - 1) * query.pageSize + i + 1,
      qualified: isQualified(e.evaluation, cfg.qualifyingScore),
      vacancy: { id: e.offer.id, title: e.offer.requestedProfile, companyName: e.offer.companyName, comune: e.offer.comune, province: e.offer.province, cpiCode: e.offer.cpiCode, status: e.offer.status },
      ...e.evaluation,
      ...news.get(matchKey(e.offer.id, candidateId)),
    })),
  };
}
