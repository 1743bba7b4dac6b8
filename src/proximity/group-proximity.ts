/**
 * Occupations of proximity for a group (Emilia-Romagna: «profili professionali di prossimità» for the
 * workers of a company in crisis; a CPI's job seekers): each person's proximity (person-proximity.ts),
 * added up into the occupations with the most open vacancies in the group's reach and the competences
 * whose training would qualify the most people. What a tutor or a navigator takes to a training provider.
 */
import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate, canSearchCandidates } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { findCandidatesByIds, type CandidateRecord } from "../candidates/candidate-repository.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { candidateFacts } from "../matching/build-facts.js";
import { list, quoted } from "../matching/format-reason.js";
import { assertReferencesExist } from "../validation/check-references.js";
import { CompetenceTally } from "./competence-gap.js";
import { proximityOfPerson, type PersonProximityResult } from "./person-proximity.js";
import { GROUP_MAX_PEOPLE, type GroupProximity, type GroupProximityBody, type PersonProximity } from "./proximity-schemas.js";

/** Every suggestion of every person is looked at, not only the page one person would see. */
const PER_PERSON = 50;
const PAGE = 200;

interface OccupationTotals {
  occupation: PersonProximity["occupations"][number]["occupation"];
  vacancies: Set<string>;
  people: number;
  qualifiedNow: number;
  qualifiedOnceClosed: number;
  relations: Map<string, number>;
}

/** Adds up the people's proximity into the group's answer. Pure: the same answers, the same totals. */
export function groupTotals(results: readonly PersonProximityResult[], cpiCode: string | null, limit: number, today: Date): GroupProximity {
  const occupations = new Map<string, OccupationTotals>();
  const competences = new CompetenceTally(() => ({ people: new Set<string>(), alone: new Set<string>(), vacancies: new Set<string>(), occupations: new Set<string>() }));
  let withoutOwn = 0;
  let withSuggestion = 0;
  for (const { answer: a, details } of results) {
    if (a.ownOccupationVacancies.inReach === 0) withoutOwn += 1;
    if (a.occupations.some((s) => s.vacanciesInReach > 0)) withSuggestion += 1;
    for (const s of a.occupations) {
      const detail = details.get(s.occupation.key);
      if (s.vacanciesInReach === 0 || !detail) continue;
      let t = occupations.get(s.occupation.key);
      if (!t) occupations.set(s.occupation.key, (t = { occupation: { ...s.occupation, vacancyTitles: [] }, vacancies: new Set(), people: 0, qualifiedNow: 0, qualifiedOnceClosed: 0, relations: new Map() }));
      t.people += 1;
      if (s.qualifiedNow > 0) t.qualifiedNow += 1;
      else if (s.qualifiedOnceGapClosed > 0) t.qualifiedOnceClosed += 1;
      for (const title of s.occupation.vacancyTitles) if (!t.occupation.vacancyTitles.includes(title) && t.occupation.vacancyTitles.length < 5) t.occupation.vacancyTitles.push(title);
      for (const id of detail.vacancyIds) t.vacancies.add(id);
      t.relations.set(s.relation.reason, (t.relations.get(s.relation.reason) ?? 0) + 1);
      // A person who already qualifies needs no training for this occupation.
      if (s.qualifiedNow > 0) continue;
      for (const g of detail.smallGaps) {
        for (const competence of g.missing) {
          const c = competences.get(competence);
          c.people.add(a.candidateId);
          if (g.missing.length === 1) c.alone.add(a.candidateId);
          c.vacancies.add(g.vacancyId);
          c.occupations.add(s.occupation.label);
        }
      }
    }
  }
  const topOccupations = [...occupations.values()]
    .sort((a, b) => b.vacancies.size - a.vacancies.size || b.people - a.people)
    .slice(0, limit)
    .map((t) => ({
      occupation: t.occupation,
      vacanciesInReach: t.vacancies.size,
      people: t.people,
      peopleQualifiedNow: t.qualifiedNow,
      peopleQualifiedOnceGapClosed: t.qualifiedOnceClosed,
      reasons: [
        `${t.vacancies.size === 1 ? "1 offerta aperta raggiungibile" : `${t.vacancies.size} offerte aperte raggiungibili`} da ${t.people === 1 ? "1 persona" : `${t.people} persone`} del gruppo`,
        `${t.qualifiedNow} già ${t.qualifiedNow === 1 ? "idonea" : "idonee"}, ${t.qualifiedOnceClosed} con un divario piccolo da colmare`,
        ...[...t.relations].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([reason, n]) => `${capitalizeFirst(reason)} (${n === 1 ? "1 persona" : `${n} persone`})`),
      ],
    }));
  const topCompetences = competences
    .all()
    .sort((a, b) => b.value.people.size - a.value.people.size || b.value.vacancies.size - a.value.vacancies.size)
    .slice(0, limit)
    .map(({ label, value }) => ({
      competence: label,
      people: value.people.size,
      peopleByItself: value.alone.size,
      vacancies: value.vacancies.size,
      occupations: [...value.occupations],
      reason:
        `Acquisendo ${quoted(label)} ${value.people.size === 1 ? "1 persona risulterebbe idonea" : `${value.people.size} persone risulterebbero idonee`} ` +
        `per almeno un'offerta (${value.alone.size} con questa sola), ${value.vacancies.size === 1 ? "1 offerta" : `${value.vacancies.size} offerte`} come ${list([...value.occupations].slice(0, 3).map(quoted))}`,
    }));
  const people = results.length;
  return {
    computedAt: today.toISOString(),
    scope: { cpiCode, people },
    peopleWithoutOwnVacancies: withoutOwn,
    peopleWithSuggestion: withSuggestion,
    occupations: topOccupations,
    competences: topCompetences,
    summary:
      `${people === 1 ? "1 persona" : `${people} persone`}: ${withoutOwn} senza offerte aperte raggiungibili per le proprie professioni, ` +
      `${withSuggestion} con almeno una professione di prossimità con offerte raggiungibili; ` +
      (topCompetences[0] ? `la formazione che qualificherebbe più persone: ${quoted(topCompetences[0].competence)} (${topCompetences[0].people})` : "nessuna formazione breve qualificherebbe qualcuno per le offerte raggiungibili") +
      ".",
  };
}

const capitalizeFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One query with hundreds of ids and their relations stays well within SQLite's parameter limit this way. */
async function candidatesInPages(ctx: AppContext, ids: string[]): Promise<CandidateRecord[]> {
  const out: CandidateRecord[] = [];
  for (let i = 0; i < ids.length; i += PAGE) out.push(...(await findCandidatesByIds(ctx.db, ids.slice(i, i + PAGE))));
  return out;
}

async function groupMembers(ctx: AppContext, actor: Actor, body: GroupProximityBody): Promise<CandidateRecord[]> {
  assertAllowed(canSearchCandidates(actor));
  if (body.cpiCode !== undefined) {
    await assertReferencesExist(ctx.db, { cpiCode: body.cpiCode });
    if (actor.role !== "admin" && !actor.cpiCodes.includes(body.cpiCode)) assertAllowed(`L'operatore non opera per il CPI ${body.cpiCode}.`);
    const ids = await ctx.db.candidate.findMany({ where: { cpiCode: body.cpiCode, availability: "available" }, select: { id: true }, orderBy: { id: "asc" }, take: GROUP_MAX_PEOPLE + 1 });
    if (ids.length > GROUP_MAX_PEOPLE) {
      throw new AppError("VALIDATION_FAILED", `Il CPI ${body.cpiCode} ha più di ${GROUP_MAX_PEOPLE} persone disponibili: indicare l'elenco delle persone (candidateIds).`, [
        { field: "cpiCode", message: `Più di ${GROUP_MAX_PEOPLE} persone disponibili` },
      ]);
    }
    return candidatesInPages(ctx, ids.map((c) => c.id));
  }
  const ids = [...new Set(body.candidateIds ?? [])];
  const people = await candidatesInPages(ctx, ids);
  const found = new Set(people.map((p) => p.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      "UNKNOWN_REFERENCE",
      "Riferimenti non trovati: controllare i campi indicati.",
      unknown.map((id) => ({ field: `candidateIds.${(body.candidateIds ?? []).indexOf(id)}`, message: `Persona sconosciuta: ${id}` })),
    );
  }
  const refused = people.filter((p) => canReadCandidate(actor, p) !== null);
  if (refused.length > 0) {
    throw new AppError(
      "FORBIDDEN",
      `${refused.length === 1 ? "Una persona dell'elenco non appartiene" : `${refused.length} persone dell'elenco non appartengono`} ai CPI o al portafoglio dell'operatore.`,
      refused.map((p) => ({ field: `candidateIds.${(body.candidateIds ?? []).indexOf(p.id)}`, message: "Persona fuori dai CPI o dal portafoglio dell'operatore" })),
    );
  }
  return people;
}

/** POST /proximity/group: reads every person of the group (recorded as such) and stores nothing else. */
export async function groupProximityRead(ctx: AppContext, actor: Actor, body: GroupProximityBody, route: string): Promise<GroupProximity> {
  const people = await groupMembers(ctx, actor, body);
  const today = new Date();
  const results: PersonProximityResult[] = [];
  for (const p of people) results.push(await proximityOfPerson(ctx, candidateFacts(p), { limit: PER_PERSON }, today));
  await recordAudit(ctx.db, actor, "read", "candidate", people.map((p) => p.id), route);
  return groupTotals(results, body.cpiCode ?? null, body.limit, today);
}
