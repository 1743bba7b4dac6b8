/**
 * Occupations of proximity for one person (Umbria D3: «i profili professionali di prossimità che il
 * soggetto potrebbe ricoprire, anche in seguito ad un percorso di riqualificazione mirata»): the
 * occupations close to theirs, each with the open vacancies in their reach, what they have and lack for
 * it, and whether a short training would qualify them. Every number comes from the matching's own
 * evaluation of the person against those vacancies; nothing is stored.
 */
import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { ageOn } from "../candidates/birth-date.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import type { AppContext } from "../context.js";
import { candidateFacts } from "../matching/build-facts.js";
import type { CandidateFacts, ExclusionCode } from "../matching/match-types.js";
import { OPEN_VACANCY_STATUSES, personReach, scoreOffersForPerson, type ScoredOffer } from "../matching/person-offers.js";
import { isQualified } from "../matching/rank-vacancy-candidates.js";
import { minimumAgeFor } from "../reference/minimum-ages.js";
import { interpretInContext, resolveOccupation, type ResolvedOccupation } from "../taxonomy/occupation-taxonomy.js";
import { occupationGap, smallGapOf } from "./competence-gap.js";
import {
  NEIGHBOUR_LEVELS,
  closestRelation,
  isOwnRelation,
  occupationIdentity,
  referenceOverlap,
  taxonomyNeighbours,
  type OccupationIdentity,
  type OwnOccupation,
} from "./occupation-neighbours.js";
import { gapReason, haveReason, lackReason, reachReason, relationReason, ruledOutReason } from "./proximity-reasons.js";
import type { PersonProximity, PersonProximityQuery, ProximitySuggestion } from "./proximity-schemas.js";

/** Exclusions that say something of the person's situation, not of the occupation: proximity looks past them. */
const SITUATION_EXCLUSIONS: ReadonlySet<ExclusionCode> = new Set(["not_available", "already_hired", "already_on_list"]);
/** Share of an occupation's ANPAL competences the person's occupation shares that makes it a neighbour by itself. */
const REFERENCE_OVERLAP_MIN = 0.3;
/** Mean coverage of the must-haves of its offers that makes a somewhat related occupation a neighbour. */
const VACANCY_COVERAGE_MIN = 0.5;
/**
 * Titles this similar (weighted shared words, at most 0.4: «Vice segretario», «Segretaria»), or ANPAL profiles
 * sharing this share of competences, are somewhat related: less, and one generic competence in common
 * («Applicare le regole di sicurezza») would relate a mechanic to a waiter.
 */
const SOMEWHAT_RELATED_MIN = 0.15;
/**
 * CP2011 major group 8, «professioni non qualificate»: for a person with a qualified occupation a move there is
 * a fallback, not a profile of proximity («anche in seguito ad un percorso di riqualificazione»), whatever the
 * ISCO-08 minor group says (8.4.3.1.0 sits next to the mechanics in it).
 */
const UNSKILLED = /^8\./;
const RETRIEVAL_LIMIT = 5_000;
const VACANCIES_SHOWN = 5;
const HAVE_SHOWN = 10;
const LACK_SHOWN = 10;

interface Candidate {
  identity: OccupationIdentity;
  title: string;
  resolved: ResolvedOccupation;
  titles: Set<string>;
  inReach: ScoredOffer[];
  excluded: ScoredOffer[];
}

export function ownOccupations(person: CandidateFacts): OwnOccupation[] {
  const raw = [
    ...person.profiles.map((p) => ({ ...p, declared: true })),
    ...person.experiences.map((e) => ({ title: e.title, code: e.code, declared: false })),
  ].map((o) => ({ ...o, resolved: resolveOccupation(o.title, o.code) }));
  const all = raw.map((o) => o.resolved);
  return raw.map((o) => ({ ...o, resolved: interpretInContext(o.resolved, all, person.competences) }));
}

/** What a group adds up beyond the page one person is shown: every offer in reach and every small gap. */
export interface OccupationDetail {
  vacancyIds: string[];
  smallGaps: { vacancyId: string; missing: string[] }[];
}

export interface PersonProximityResult {
  answer: PersonProximity;
  /** By occupation key, for every suggestion (shown or not). */
  details: Map<string, OccupationDetail>;
}

/** The whole answer for one person, without the access check and the audit (personProximityRead adds them). */
export async function proximityOfPerson(ctx: AppContext, person: CandidateFacts, query: PersonProximityQuery, today: Date = new Date()): Promise<PersonProximityResult> {
  const own = ownOccupations(person);
  const ownKeys = new Set(own.map((o) => occupationIdentity(o.resolved, o.title).key));
  const { limit, radiusKm } = personReach(person, ctx);
  const documents = await ctx.index.retrieve("vacancies", {
    all: true,
    filters: { status: OPEN_VACANCY_STATUSES },
    near: { lat: person.lat, lon: person.lon, radiusKm },
    order: "distance",
    limit: RETRIEVAL_LIMIT,
  });
  const { scored, matchContext } = await scoreOffersForPerson(ctx, person, documents, today);
  const qualifying = ctx.matching.qualifyingScore;

  const byOccupation = new Map<string, Candidate>();
  const candidateFor = (identity: OccupationIdentity, title: string, resolved: ResolvedOccupation): Candidate => {
    let c = byOccupation.get(identity.key);
    if (!c) byOccupation.set(identity.key, (c = { identity, title, resolved, titles: new Set(), inReach: [], excluded: [] }));
    return c;
  };
  let ownInReach = 0;
  let ownQualified = 0;
  for (const s of scored) {
    const blocking = s.evaluation.exclusions.filter((e) => !SITUATION_EXCLUSIONS.has(e.code));
    const identity = occupationIdentity(s.prepared.occupation, s.prepared.facts.title);
    if (ownKeys.has(identity.key) || isOwnRelation(closestRelation(s.prepared.occupation, own))) {
      if (blocking.length === 0) ownInReach += 1;
      if (blocking.length === 0 && isQualified(s.evaluation, qualifying)) ownQualified += 1;
      continue;
    }
    const c = candidateFor(identity, s.prepared.facts.title, s.prepared.occupation);
    c.titles.add(s.prepared.facts.requestedProfile);
    if (blocking.length === 0) c.inReach.push(s);
    else c.excluded.push(s);
  }
  for (const n of taxonomyNeighbours(own)) {
    const identity = occupationIdentity(n.resolved, n.title);
    if (!ownKeys.has(identity.key) && !isOwnRelation(closestRelation(n.resolved, own))) candidateFor(identity, n.title, n.resolved);
  }

  const ownUnskilled = own.some((o) => o.resolved.concepts.some((c) => UNSKILLED.test(c.cp2011Unit ?? "")));
  const suggestions: (ProximitySuggestion & { closeness: number })[] = [];
  const ruledOut: PersonProximity["ruledOut"] = [];
  const details = new Map<string, OccupationDetail>();
  for (const c of byOccupation.values()) {
    const occupation = { key: c.identity.key, code: c.identity.code, label: c.identity.label, vacancyTitles: [...c.titles].slice(0, VACANCIES_SHOWN) };
    const relation = closestRelation(c.resolved, own);
    const reference = { title: c.identity.code ? c.identity.label : c.title, code: c.identity.code };
    const overlap = referenceOverlap(reference, own);
    // The must-haves the person covers, over every offer of the occupation (ruled out or not): closeness, not reach.
    const coverages = [...c.inReach, ...c.excluded].flatMap((s) => (s.evaluation.mustHaveCoverage === null ? [] : [s.evaluation.mustHaveCoverage]));
    const vacancyCoverage = coverages.length > 0 ? coverages.reduce((a, b) => a + b, 0) / coverages.length : null;
    // The offers' competences alone are not enough: generic ones («controllo qualità») are asked everywhere.
    // They make a neighbour only of an occupation the titles or the ANPAL profiles already bring near.
    const somewhatRelated = (overlap.share ?? 0) >= SOMEWHAT_RELATED_MIN || (relation.level === "text" && relation.score >= SOMEWHAT_RELATED_MIN);
    const close =
      NEIGHBOUR_LEVELS.includes(relation.level) ||
      (overlap.share ?? 0) >= REFERENCE_OVERLAP_MIN ||
      ((vacancyCoverage ?? 0) >= VACANCY_COVERAGE_MIN && somewhatRelated);
    if (!close || (UNSKILLED.test(c.identity.code ?? "") && !ownUnskilled)) continue;
    const minimumAge = minimumAgeFor(c.identity.code);
    if (minimumAge && person.birthDate && ageOn(person.birthDate, today) < minimumAge.age) {
      ruledOut.push({ occupation, reason: `Età inferiore ai ${minimumAge.age} anni richiesti per la professione (${minimumAge.source})` });
      continue;
    }
    const excludedReasons = c.excluded.flatMap((s) => s.evaluation.exclusions.filter((e) => !SITUATION_EXCLUSIONS.has(e.code)).map((e) => e.reason));
    if (c.inReach.length === 0 && c.excluded.length > 0) {
      ruledOut.push({ occupation, reason: ruledOutReason(c.excluded.length, excludedReasons) });
      continue;
    }
    const gap = occupationGap(person, reference, c.inReach, matchContext);
    const vacancies = [...c.inReach]
      .sort((a, b) => b.evaluation.score - a.evaluation.score)
      .slice(0, VACANCIES_SHOWN)
      .map((s) => {
        const offerGap = gap.gaps.get(s.prepared.facts.id) ?? null;
        return {
          id: s.prepared.facts.id,
          title: s.prepared.facts.requestedProfile,
          companyName: s.prepared.facts.companyName,
          comune: s.prepared.facts.comune,
          distanceKm: s.evaluation.distanceKm,
          score: s.evaluation.score,
          qualified: isQualified(s.evaluation, qualifying),
          gap: offerGap,
          smallGap: smallGapOf(offerGap) !== null,
        };
      });
    const inReach = c.inReach.length;
    details.set(c.identity.key, {
      vacancyIds: c.inReach.map((s) => s.prepared.facts.id),
      smallGaps: [...gap.gaps].flatMap(([vacancyId, g]) => {
        const small = smallGapOf(g);
        return small ? [{ vacancyId, missing: small.missing.map((m) => m.competence) }] : [];
      }),
    });
    suggestions.push({
      occupation,
      relation: { level: relation.level, score: relation.score, from: relation.from || overlap.from, reason: relation.reason },
      referenceOverlap: overlap.share,
      vacancyCoverage,
      vacanciesInReach: inReach,
      excludedVacancies: c.excluded.length,
      qualifiedNow: gap.qualifiedNow,
      qualifiedOnceGapClosed: gap.qualifiedOnceGapClosed,
      smallGap: gap.qualifiedOnceGapClosed > 0,
      have: gap.have.slice(0, HAVE_SHOWN),
      lack: gap.lack.slice(0, LACK_SHOWN),
      training: gap.training,
      vacancies,
      reasons: [
        relationReason(relation, overlap),
        reachReason(inReach, limit.basis),
        haveReason(gap.have),
        lackReason(gap.lack, inReach),
        gapReason(gap, inReach),
        ...(c.excluded.length > 0 ? [ruledOutReason(c.excluded.length, excludedReasons)] : []),
      ].filter((r): r is string => r !== null),
      closeness: Math.max(relation.score, overlap.share ?? 0, vacancyCoverage ?? 0),
    });
  }
  suggestions.sort(
    (a, b) =>
      b.qualifiedNow + b.qualifiedOnceGapClosed - (a.qualifiedNow + a.qualifiedOnceGapClosed) ||
      b.vacanciesInReach - a.vacanciesInReach ||
      b.closeness - a.closeness ||
      a.occupation.label.localeCompare(b.occupation.label, "it"),
  );
  const shown = suggestions.slice(0, query.limit).map(({ closeness: _closeness, ...s }) => s);
  const withVacancies = suggestions.filter((s) => s.vacanciesInReach > 0).length;
  const answer: PersonProximity = {
    candidateId: person.id,
    modelVersion: ctx.matching.modelVersion,
    computedAt: today.toISOString(),
    travel: { radiusKm, basis: limit.basis },
    ownOccupations: own.map((o) => ({ title: o.title, code: o.code, declared: o.declared, label: occupationIdentity(o.resolved, o.title).label })),
    ownOccupationVacancies: { inReach: ownInReach, qualified: ownQualified },
    total: suggestions.length,
    withVacancies,
    occupations: shown,
    ruledOut,
    summary: summaryOf(ownInReach, withVacancies, suggestions.length, limit.basis, person.availability),
  };
  return { answer, details };
}

function summaryOf(ownInReach: number, withVacancies: number, total: number, basis: string, availability: string): string {
  const own =
    ownInReach === 0
      ? `Nessuna offerta aperta per le professioni della persona entro i ${basis}`
      : `${ownInReach === 1 ? "1 offerta aperta" : `${ownInReach} offerte aperte`} per le professioni della persona entro i ${basis}`;
  const near =
    total === 0 ? "nessuna professione di prossimità trovata" : `${total === 1 ? "1 professione" : `${total} professioni`} di prossimità, ${withVacancies} con offerte aperte raggiungibili`;
  const situation = availability === "available" ? "" : " (la persona non risulta disponibile: le offerte sono contate comunque, per preparare un percorso)";
  return `${own}; ${near}${situation}.`;
}

/** GET /candidates/:id/proximity: who may read the person, recorded as a read of their data. */
export async function personProximityRead(ctx: AppContext, actor: Actor, candidateId: string, query: PersonProximityQuery, route: string): Promise<PersonProximity> {
  const candidate = await findCandidate(ctx.db, candidateId);
  assertAllowed(canReadCandidate(actor, candidate));
  const { answer } = await proximityOfPerson(ctx, candidateFacts(candidate), query);
  await recordAudit(ctx.db, actor, "read", "candidate", [candidateId], route);
  return answer;
}
