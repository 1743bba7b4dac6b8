import type { StoredDomainEvent } from "../../events/domain-events.js";
import type { CandidateUpdateInput } from "../../candidates/candidate-schemas.js";
import type { Vacancy } from "../../generated/prisma/client.js";
import { CLOSED_STATUSES, type VacancyStatus } from "../../vacancies/vacancy-status.js";
import { REMATCHED_STATUSES } from "../../matching/rematch-vacancy.js";

/** The fields of an offer that matching reads (see vacancyFacts): a change elsewhere (referent, notes, positions) matches nobody new. */
const VACANCY_MATCH_FIELDS: readonly (keyof Vacancy)[] = [
  "profileTitle",
  "requestedProfile",
  "profileCode",
  "workplaceIstatCode",
  "atecoCode",
  "mustHaveCompetences",
  "niceToHaveCompetences",
  "competencesText",
  "requiredEducationLevel",
  "requiredLanguages",
  "requiredLicences",
  "contractType",
  "contractMonths",
  "hoursPerWeek",
  "grossMonthlyPay",
  "ccnl",
  "reservedL68",
  "shortlistCap",
  "arrivalDate",
  "closingDate",
];

/** The fields of a person that matching reads (see candidateFacts): names, contacts, consent and tutor change no score. */
const CANDIDATE_MATCH_FIELDS: readonly (keyof CandidateUpdateInput)[] = [
  "domicileIstatCode",
  "availabilityDeclaredAt",
  "declaredProfiles",
  "competences",
  "languages",
  "drivingLicences",
  "educationLevel",
  "maxTravelKm",
  "maxTravelMinutes",
  "householdHasChildrenUnder14",
  "householdHasDisabledMember",
  "lastContractHoursPerWeek",
  "availability",
  "programmes",
  "experiences",
  "trainings",
];

/** A status whose arrival changes the matches: opened or back to preselection (rematched), or closed (results dropped). */
const MATCH_STATUSES: readonly VacancyStatus[] = [...REMATCHED_STATUSES, ...CLOSED_STATUSES];

/** Which entity an event asks to rematch, or null when it cannot change any match. */
export function rematchTargetOf(event: StoredDomainEvent): { kind: "vacancy" | "candidate"; id: string } | null {
  switch (event.type) {
    case "vacancy.published":
      return { kind: "vacancy", id: event.entityId };
    case "vacancy.changed":
      return event.payload.changes.some((c) => (VACANCY_MATCH_FIELDS as readonly string[]).includes(c.field)) ? { kind: "vacancy", id: event.entityId } : null;
    case "vacancy.status_changed":
      return (MATCH_STATUSES as readonly string[]).includes(event.payload.to) ? { kind: "vacancy", id: event.entityId } : null;
    case "candidate.registered":
    case "candidate.erased":
      return { kind: "candidate", id: event.entityId };
    case "candidate.changed":
      return event.payload.fields.some((f) => (CANDIDATE_MATCH_FIELDS as readonly string[]).includes(f)) ? { kind: "candidate", id: event.entityId } : null;
    default:
      return null;
  }
}

export interface RematchTargets {
  vacancyIds: string[];
  candidateIds: string[];
}

/** The distinct vacancies and people a batch of events asks to rematch, in order of first appearance: one rematch each however often they changed. */
export function rematchTargets(events: readonly StoredDomainEvent[]): RematchTargets {
  const vacancies = new Set<string>();
  const people = new Set<string>();
  for (const event of events) {
    const target = rematchTargetOf(event);
    if (target) (target.kind === "vacancy" ? vacancies : people).add(target.id);
  }
  return { vacancyIds: [...vacancies], candidateIds: [...people] };
}
