import type { Actor } from "../auth/actor.js";
import { canReadVacancy, canWriteVacancy } from "../auth/policies.js";

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
