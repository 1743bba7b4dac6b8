import type { Actor } from "../auth/actor.js";
import { canReadCandidate, requireRole } from "../auth/policies.js";

/**
 * Who may do what with proposals ("segnalazioni"). Same convention as src/auth/policies.ts: a refusal
 * reason in Italian, or null; callers wrap them in assertAllowed.
 */
type Reason = string | null;
type VacancyScope = { cpiCode: string; referentUserId: string | null };

/** Tutors and navigators propose the people they follow: of their own CPIs or of their caseload. */
export function canPropose(actor: Actor, candidate: { cpiCode: string; tutorId: string | null }): Reason {
  if (requireRole(actor, ["tutor", "navigator"]) !== null) {
    return "Le segnalazioni le fanno tutor e navigator; il referente inserisce direttamente la persona nella rosa.";
  }
  return canReadCandidate(actor, candidate) === null ? null : "Si propongono solo persone seguite: dei propri CPI o del proprio portafoglio.";
}

/** Every proposal of a vacancy: administrators, the operators of its CPI, and its referent. */
export function canReadAllProposalsOf(actor: Actor, vacancy: VacancyScope): Reason {
  if (actor.role === "employer") return "Le aziende non vedono le segnalazioni.";
  if (actor.role === "admin" || actor.cpiCodes.includes(vacancy.cpiCode) || vacancy.referentUserId === actor.userId) return null;
  return `Per le offerte del CPI ${vacancy.cpiCode} si vedono solo le proprie segnalazioni.`;
}

/** Listing a vacancy's proposals: any operator (who is not of its CPI sees only their own), not employers. */
export const canListProposals = (actor: Actor): Reason => requireRole(actor, ["admin", "referent", "tutor", "navigator"]);

/** One proposal: whoever reads all of the vacancy's, and its proposer. */
export function canReadProposal(actor: Actor, proposal: { proposedById: string | null }, vacancy: VacancyScope): Reason {
  if (actor.role !== "employer" && proposal.proposedById === actor.userId) return null;
  return canReadAllProposalsOf(actor, vacancy);
}

/**
 * Deciding: the vacancy's referent, or an administrator; for a vacancy with no referent assigned (offers
 * from before referents were users), any referent of its CPI.
 */
export function canDecideProposal(actor: Actor, vacancy: VacancyScope): Reason {
  if (actor.role === "admin") return null;
  if (actor.role === "referent" && vacancy.referentUserId === actor.userId) return null;
  if (actor.role === "referent" && vacancy.referentUserId === null && actor.cpiCodes.includes(vacancy.cpiCode)) return null;
  return "Decide sulla segnalazione il referente dell'offerta (o l'amministratore).";
}

/** Withdrawing: only who proposed. */
export function canWithdrawProposal(actor: Actor, proposal: { proposedById: string | null }): Reason {
  return proposal.proposedById === actor.userId ? null : "Ritira la segnalazione solo chi l'ha fatta.";
}
