import type { DbTx } from "../db/client.js";

export interface ReferentRef {
  userId: string;
  name: string;
  email: string;
}

export type ResolveReferent = (vacancy: { referentUserId: string | null; referentEmail: string | null }) => ReferentRef | null;

/**
 * Who a vacancy's referent is as a user: the referent user it names, else the staff user whose e-mail is
 * the showcase's «Mail referente» (older rows and imports name the referent only that way). Staff users
 * are few, so they are read once per request or job.
 */
export async function vacancyReferents(db: DbTx): Promise<ResolveReferent> {
  const users = await db.user.findMany({ where: { role: { not: "employer" } }, select: { id: true, name: true, email: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  return ({ referentUserId, referentEmail }) => {
    const user = referentUserId ? byId.get(referentUserId) : referentEmail ? byEmail.get(referentEmail.toLowerCase()) : undefined;
    return user ? { userId: user.id, name: user.name, email: user.email } : null;
  };
}
