import { forbidden } from "../errors/app-error.js";
import type { Actor, Role } from "./actor.js";

/**
 * Every access rule of the service, in one place. Each check returns a refusal reason in Italian,
 * or null when the actor may proceed; `assert…` wrappers throw the 403.
 */
type Reason = string | null;

const inScope = (actor: Actor, cpiCode: string) => actor.role === "admin" || actor.cpiCodes.includes(cpiCode);

export function requireRole(actor: Actor, roles: readonly Role[]): Reason {
  return roles.includes(actor.role) ? null : `Il ruolo ${actor.role} non può eseguire questa operazione.`;
}

export function canReadVacancy(actor: Actor, vacancy: { employerId: string | null }): Reason {
  if (actor.role !== "employer") return null;
  return actor.employerId !== null && vacancy.employerId === actor.employerId
    ? null
    : "Un'azienda vede solo le proprie offerte.";
}

export function canWriteVacancy(actor: Actor, cpiCode: string): Reason {
  if (actor.role === "admin") return null;
  if (actor.role !== "referent") return "Solo il referente dell'offerta o l'amministratore modificano le offerte.";
  return inScope(actor, cpiCode) ? null : `Il referente non opera per il CPI ${cpiCode}.`;
}

export function canReadCandidate(actor: Actor, candidate: { cpiCode: string; tutorId: string | null }): Reason {
  if (actor.role === "employer") return "Le aziende non accedono all'anagrafica dei lavoratori.";
  if (inScope(actor, candidate.cpiCode)) return null;
  if (candidate.tutorId === actor.userId) return null;
  return "La persona non appartiene ai CPI o al portafoglio dell'operatore.";
}

export function canWriteCandidate(actor: Actor, cpiCode: string): Reason {
  if (actor.role === "employer") return "Le aziende non accedono all'anagrafica dei lavoratori.";
  return inScope(actor, cpiCode) ? null : `L'operatore non opera per il CPI ${cpiCode}.`;
}

/** Erasure is irreversible: only the person's own CPI referents or an administrator. */
export function canEraseCandidate(actor: Actor, cpiCode: string): Reason {
  if (actor.role !== "admin" && actor.role !== "referent") return "Solo un referente del CPI o l'amministratore cancellano una persona.";
  return inScope(actor, cpiCode) ? null : `Il referente non opera per il CPI ${cpiCode}.`;
}

export function canReadEmployer(actor: Actor, employerId: string): Reason {
  if (actor.role !== "employer") return null;
  return actor.employerId === employerId ? null : "Un'azienda vede solo i propri dati.";
}

export const canWriteEmployer = (actor: Actor): Reason => requireRole(actor, ["admin", "referent"]);
export const canManageUsers = (actor: Actor): Reason => requireRole(actor, ["admin"]);
/** A user sees and revokes their own tokens; the administrator those of everyone. */
export function canManageTokensOf(actor: Actor, userId: string): Reason {
  return actor.role === "admin" || actor.userId === userId ? null : "Si possono gestire solo i propri token.";
}

/** Deactivating oneself would leave the region without the administrator who can undo it. */
export function canDeactivateUser(actor: Actor, userId: string): Reason {
  return canManageUsers(actor) ?? (actor.userId === userId ? "Un amministratore non può disattivare se stesso." : null);
}

export const canSearchCandidates = (actor: Actor): Reason => requireRole(actor, ["admin", "referent", "tutor", "navigator"]);
export const canImport = (actor: Actor): Reason => requireRole(actor, ["admin", "referent"]);

export function assertAllowed(reason: Reason): void {
  if (reason) throw forbidden(reason);
}
