import type { DbTx } from "../db/client.js";

/**
 * Whose feed a vacancy's item goes to: the referent user named (by a reminder) or the vacancy's, when
 * active; for a vacancy without an active referent, every active referent of its CPI, who share its work.
 * Empty when the vacancy does not exist.
 */
export async function vacancyReferentIds(tx: DbTx, vacancyId: string, namedUserId: string | null = null): Promise<string[]> {
  const vacancy = await tx.vacancy.findUnique({ where: { id: vacancyId }, select: { cpiCode: true, referentUserId: true } });
  if (!vacancy) return [];
  for (const userId of [namedUserId, vacancy.referentUserId]) {
    if (userId && (await tx.user.findFirst({ where: { id: userId, active: true }, select: { id: true } }))) return [userId];
  }
  const referents = await tx.user.findMany({
    where: { role: "referent", active: true, cpis: { some: { cpiCode: vacancy.cpiCode } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return referents.map((r) => r.id);
}
