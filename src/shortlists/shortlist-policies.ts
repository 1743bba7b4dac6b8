import type { Actor } from "../auth/actor.js";
import { canReachListedPerson, canReadCandidate, canReadVacancy, canWriteVacancy, type Listing } from "../auth/policies.js";
import { opensContactsToReferent } from "./entry-sources.js";
import { OPEN_SHORTLIST_STATUSES, type ShortlistStatus } from "./shortlist-states.js";

/**
 * Who may do what with a vacancy's candidate lists. Same convention as src/auth/policies.ts: a refusal
 * reason in Italian, or null; callers wrap them in assertAllowed.
 */
type Reason = string | null;
type VacancyScope = { cpiCode: string; employerId: string | null };

const inCpi = (actor: Actor, cpiCode: string) => actor.role === "admin" || actor.cpiCodes.includes(cpiCode);

/** Building, editing and sending a list: the vacancy's referent (its CPI) or an administrator. */
export const canManageShortlist = (actor: Actor, vacancy: VacancyScope): Reason => canWriteVacancy(actor, vacancy.cpiCode);

/** The full list (every entry, contacts, history): operators of the vacancy's CPI; tutors and navigators read only. */
export function canReadShortlistAsOperator(actor: Actor, vacancy: VacancyScope): Reason {
  if (actor.role === "employer") return "Le aziende vedono solo la rosa inviata loro.";
  return inCpi(actor, vacancy.cpiCode) ? null : `L'operatore non opera per il CPI ${vacancy.cpiCode}.`;
}

/** Reading a list: operators as above; an employer only for its own vacancy (and only what was sent). */
export function canReadShortlist(actor: Actor, vacancy: VacancyScope): Reason {
  if (actor.role === "employer") return canReadVacancy(actor, vacancy);
  return canReadShortlistAsOperator(actor, vacancy);
}

/** Outcomes: the referent, or the employer that owns the vacancy (it says who was interviewed and hired). */
export function canRecordOutcome(actor: Actor, vacancy: VacancyScope): Reason {
  if (actor.role === "employer") {
    return actor.employerId !== null && vacancy.employerId === actor.employerId
      ? null
      : "Un'azienda registra esiti solo per le proprie offerte.";
  }
  return canWriteVacancy(actor, vacancy.cpiCode);
}

/** Turning a sent list down: the employer that owns the vacancy, or the referent on its behalf (as for outcomes). */
export const canDeclineShortlist = canRecordOutcome;

/** What the contact rule needs to know about one entry of a list. */
export interface EntryContactFacts {
  source: string;
  removedAt: Date | null;
  candidate: { cpiCode: string; tutorId: string | null };
}

/** An entry of a vacancy's list as the access rules see it (src/auth/policies.ts, Listing). */
export const listingOf = (vacancy: { cpiCode: string }, list: { status: string }, entry: { source: string; removedAt: Date | null }): Listing => ({
  vacancyCpiCode: vacancy.cpiCode,
  listOpen: OPEN_SHORTLIST_STATUSES.includes(list.status as ShortlistStatus),
  removed: entry.removedAt !== null,
  reachableByReferent: opensContactsToReferent(entry.source),
});

/**
 * Whether an operator sees the e-mail and phone of a person on a list (employers have their own view:
 * only the people sent to them, contacts only with consent): exactly when the operator may read the
 * person's record, the list entry counted (canReadCandidate with canReachListedPerson):
 * (a) a person the caller may read anyway (own CPIs or caseload) — always;
 * (b) anyone else only to the vacancy's referent or an administrator, while the list is open, for an
 *     entry not removed, that reached the list in a legitimate way (see entry-sources.ts).
 */
export function canSeeEntryContacts(actor: Actor, vacancy: VacancyScope, list: { status: string }, entry: EntryContactFacts): Reason {
  if (actor.role === "employer") return "Le aziende vedono i contatti solo nella rosa inviata loro, con il consenso della persona.";
  const listing = listingOf(vacancy, list, entry);
  if (canReadCandidate(actor, entry.candidate, [listing]) === null) return null;
  return `La persona non appartiene ai CPI o al portafoglio dell'operatore (CPI ${entry.candidate.cpiCode}): ${canReachListedPerson(actor, listing)}`;
}
