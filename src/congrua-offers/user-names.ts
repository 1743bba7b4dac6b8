import type { DbTx } from "../db/client.js";

/** The names of the users who did something, for histories and reports (ids of deleted users stay unnamed). */
export async function userNames(db: DbTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
