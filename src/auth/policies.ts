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

/**
 * A person's place on a vacancy's candidate list, as the access rules need it: the vacancy's CPI, whether
 * the list is open (draft or sent), whether the entry was removed, and whether the way the person came in
 * lets the vacancy's referent reach someone outside their CPIs (see src/shortlists/entry-sources.ts).
 */
export interface Listing {
  vacancyCpiCode: string;
  listOpen: boolean;
  removed: boolean;
  reachableByReferent: boolean;
}

/**
 * The vacancy's referent (or an administrator) reaching a person on the vacancy's list whatever the
 * person's CPI: while the list is open, the entry not removed, for a person who came in through the
 * matching, as qualified, or by an accepted proposal. The contacts on the list and the person's record
 * (GET /candidates/:id) both follow this one rule; the reason says why not, in Italian.
 */
export function canReachListedPerson(actor: Actor, listing: Listing): Reason {
  if (listing.removed) return "è stata tolta dalla rosa: i contatti non sono più visibili.";
  if (canWriteVacancy(actor, listing.vacancyCpiCode) !== null) return "i contatti sono visibili solo al referente dell'offerta.";
  if (!listing.listOpen) return "la rosa è chiusa: i contatti non sono più visibili.";
  if (!listing.reachableByReferent) return "è stata inserita a mano senza risultare tra le persone idonee per l'offerta: i contatti non sono visibili.";
  return null;
}

/**
 * Reading a person: operators of the person's CPI, the person's tutor, and (given the person's places on
 * lists) the referent of a vacancy whose open list holds them, as canReachListedPerson allows.
 */
export function canReadCandidate(actor: Actor, candidate: { cpiCode: string; tutorId: string | null }, listings: readonly Listing[] = []): Reason {
  if (actor.role === "employer") return "Le aziende non accedono all'anagrafica dei lavoratori.";
  if (inScope(actor, candidate.cpiCode)) return null;
  if (candidate.tutorId === actor.userId) return null;
  if (listings.some((l) => canReachListedPerson(actor, l) === null)) return null;
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
/** Whom to contact about a vacancy: every operator; employers have their vacancy's referent on it. */
export const canReadReferentDirectory = (actor: Actor): Reason => requireRole(actor, ["admin", "referent", "tutor", "navigator"]);
export const canImport = (actor: Actor): Reason => requireRole(actor, ["admin", "referent"]);

export function assertAllowed(reason: Reason): void {
  if (reason) throw forbidden(reason);
}
