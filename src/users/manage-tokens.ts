import { notFound } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { assertAllowed, canManageTokensOf } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { toTokenView } from "./token-view.js";

async function userOrNotFound(db: Db, actor: Actor, userId: string) {
  // The policy first: a refused caller learns nothing about which users exist.
  assertAllowed(canManageTokensOf(actor, userId));
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("Utente");
  return user;
}

/** A user's tokens, newest first, with their dates and state; never the hash. */
export async function listTokens(db: Db, actor: Actor, userId: string, ttlDays: number) {
  await userOrNotFound(db, actor, userId);
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  const now = new Date();
  return { items: rows.map((t) => toTokenView(t, ttlDays, now)), total: rows.length };
}

/**
 * Revokes one token, or every token still unrevoked when `tokenId` is omitted; it stops working at once.
 * Revoking an already revoked token changes nothing. Revocations by someone other than the user are audited.
 */
export async function revokeTokens(db: Db, actor: Actor, userId: string, tokenId: string | undefined, ttlDays: number, route: string) {
  await userOrNotFound(db, actor, userId);
  return db.$transaction(async (tx) => {
    if (tokenId && !(await tx.apiToken.findFirst({ where: { id: tokenId, userId } }))) throw notFound("Token");
    const where = { userId, revokedAt: null, ...(tokenId ? { id: tokenId } : {}) };
    const { count } = await tx.apiToken.updateMany({ where, data: { revokedAt: new Date() } });
    if (count > 0 && actor.userId !== userId) await recordAudit(tx, actor, "token_revoke", "user", [userId], route);
    const rows = await tx.apiToken.findMany({ where: { userId, ...(tokenId ? { id: tokenId } : {}) }, orderBy: { createdAt: "desc" } });
    const now = new Date();
    return { revoked: count, items: rows.map((t) => toTokenView(t, ttlDays, now)) };
  });
}
