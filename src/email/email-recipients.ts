import type { DbTx } from "../db/client.js";
import type { VacancyRef } from "./email-templates.js";

/**
 * Whom an e-mail goes to, read from the store in the writing transaction. A recipient that cannot be
 * determined is not an error of the user's write: it comes back as the reason, kept on the message.
 */

export interface Recipient {
  address: string;
  name: string | null;
}

export type Addressees = { to: Recipient[] } | { missing: string };

/** The vacancy as the e-mails name it, with what finding its referent and employer needs. */
export interface EmailVacancy {
  ref: VacancyRef;
  referentUserId: string | null;
  referentEmail: string | null;
  referentName: string | null;
  employerId: string | null;
}

export async function emailVacancy(tx: DbTx, vacancyId: string): Promise<EmailVacancy | null> {
  const v = await tx.vacancy.findUnique({
    where: { id: vacancyId },
    select: { id: true, requestedProfile: true, companyName: true, referentUserId: true, referentEmail: true, referentName: true, employerId: true, cpi: { select: { name: true } } },
  });
  if (!v) return null;
  return {
    ref: { id: v.id, profile: v.requestedProfile, companyName: v.companyName, cpiName: v.cpi.name },
    referentUserId: v.referentUserId,
    referentEmail: v.referentEmail,
    referentName: v.referentName,
    employerId: v.employerId,
  };
}

/** An active user's address; a deactivated user no longer receives the service's e-mail. */
async function activeUser(tx: DbTx, userId: string | null): Promise<(Recipient & { id: string }) | null> {
  if (!userId) return null;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, active: true } });
  return user?.active ? { id: user.id, address: user.email, name: user.name } : null;
}

export async function userName(tx: DbTx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}

/**
 * The vacancy's referent: the active referent user named (by a reminder), else the vacancy's, else the
 * showcase's «Mail referente».
 */
export async function referentOf(tx: DbTx, vacancy: EmailVacancy, referentUserId: string | null = null): Promise<Addressees> {
  const user = (await activeUser(tx, referentUserId)) ?? (await activeUser(tx, vacancy.referentUserId));
  if (user) return { to: [{ address: user.address, name: user.name }] };
  if (vacancy.referentEmail) return { to: [{ address: vacancy.referentEmail, name: vacancy.referentName }] };
  return { missing: "L'offerta non ha un referente con un indirizzo e-mail: né un utente referente attivo né la «Mail referente»." };
}

/** The user who made a proposal (the tutor). */
export async function proposerOf(tx: DbTx, proposedById: string | null): Promise<Addressees> {
  const user = await activeUser(tx, proposedById);
  if (user) return { to: [{ address: user.address, name: user.name }] };
  return { missing: proposedById ? "Chi ha fatto la segnalazione non è più un utente attivo." : "La segnalazione non indica chi l'ha fatta." };
}

/** The employer's contact person, else every active user of the employer. */
export async function employerContactsOf(tx: DbTx, vacancy: EmailVacancy): Promise<Addressees> {
  if (!vacancy.employerId) return { missing: "L'offerta non è collegata a un'azienda registrata: nessun contatto a cui scrivere." };
  const employer = await tx.employer.findUnique({
    where: { id: vacancy.employerId },
    select: { contactEmail: true, contactName: true, users: { where: { active: true }, select: { email: true, name: true }, orderBy: { email: "asc" } } },
  });
  if (employer?.contactEmail) return { to: [{ address: employer.contactEmail, name: employer.contactName }] };
  const users = employer?.users ?? [];
  if (users.length > 0) return { to: users.map((u) => ({ address: u.email, name: u.name })) };
  return { missing: "L'azienda non ha un indirizzo e-mail di contatto né utenti attivi." };
}
