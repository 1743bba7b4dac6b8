import type { Actor } from "../auth/actor.js";
import type { DbTx } from "../db/client.js";
import { AppError } from "../errors/app-error.js";
import { findActiveReferent, type ReferentUser } from "../referents/find-referent.js";

/** The referent columns of a vacancy as stored: the user, and the showcase's "Referente offerta" / "Mail referente". */
export interface VacancyReferentFields {
  referentUserId: string | null;
  referentName: string | null;
  referentEmail: string | null;
}

/** The showcase columns follow the assigned user. */
export const referentFieldsOf = (user: ReferentUser): VacancyReferentFields => ({ referentUserId: user.id, referentName: user.name, referentEmail: user.email });

/** The named user, who must be an active referent of the CPI; otherwise a 422 on the field. */
export async function requireActiveReferent(db: DbTx, cpiCode: string, userId: string, field: string): Promise<ReferentUser> {
  const user = await findActiveReferent(db, cpiCode, { id: userId });
  if (!user) {
    throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", [
      { field, message: `Non è un referente attivo del CPI ${cpiCode}: ${userId}` },
    ]);
  }
  return user;
}

/**
 * Who refers a vacancy being published (API and import alike):
 * 1. the user named by referentUserId, who must be an active referent of the vacancy's CPI (else 422);
 * 2. else the active referent of the CPI whose e-mail is referentEmail;
 * 3. else the publishing referent (an administrator publishing names nobody: the vacancy has no user).
 * The showcase columns then name that user, except when the body names, by name or e-mail, someone who
 * is not a registered referent of the CPI: those columns stay as written (the showcase row is the CPI's
 * word, and importing the same file again must change nothing), while the user assigned is the publisher.
 */
export async function referentOnPublish(
  db: DbTx,
  actor: Actor,
  input: { cpiCode: string; referentUserId?: string | undefined; referentName?: string | undefined; referentEmail?: string | undefined },
): Promise<VacancyReferentFields> {
  if (input.referentUserId !== undefined) return referentFieldsOf(await requireActiveReferent(db, input.cpiCode, input.referentUserId, "referentUserId"));
  const byEmail = input.referentEmail ? await findActiveReferent(db, input.cpiCode, { email: input.referentEmail }) : null;
  if (byEmail) return referentFieldsOf(byEmail);
  const written = { referentName: input.referentName ?? null, referentEmail: input.referentEmail ?? null };
  const publisher = actor.role === "referent" ? await findActiveReferent(db, input.cpiCode, { id: actor.userId }) : null;
  if (!publisher) return { referentUserId: null, ...written };
  return written.referentName || written.referentEmail ? { referentUserId: publisher.id, ...written } : referentFieldsOf(publisher);
}
