import type { DbTx } from "../db/client.js";

export interface ReferentUser {
  id: string;
  name: string;
  email: string;
}

/** An active user with the referent role at the CPI, by id or e-mail; null when there is none. */
export async function findActiveReferent(db: DbTx, cpiCode: string, by: { id: string } | { email: string }): Promise<ReferentUser | null> {
  // The showcase import lowercases e-mails; users keep theirs as typed.
  const where = "id" in by ? { id: by.id } : { email: { in: [...new Set([by.email.trim(), by.email.trim().toLowerCase()])] } };
  return db.user.findFirst({
    where: { ...where, role: "referent", active: true, cpis: { some: { cpiCode } } },
    select: { id: true, name: true, email: true },
  });
}
