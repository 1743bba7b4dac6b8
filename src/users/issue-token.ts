import { AppError, notFound } from "../errors/app-error.js";
import type { Db, DbTx } from "../db/client.js";
import { recordedUserId, type Actor } from "../auth/actor.js";
import { generateToken, hashToken } from "../auth/tokens.js";
import { addDays } from "../auth/token-lifetime.js";
import { recordAudit } from "../audit/record-audit.js";
import { toTokenView } from "./token-view.js";

export interface TokenRequest {
  label: string;
  /** TOKEN_TTL_DAYS: the lifetime when the request names none. */
  ttlDays: number;
  expiresInDays?: number | undefined;
}

/** Writes a new token for a user; the secret is returned once and only its hash is kept. */
export async function insertToken(tx: DbTx, actor: Actor, userId: string, request: TokenRequest) {
  const token = generateToken();
  const now = new Date();
  const row = await tx.apiToken.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      label: request.label,
      expiresAt: addDays(now, request.expiresInDays ?? request.ttlDays),
      createdByUserId: recordedUserId(actor),
    },
  });
  return { token, ...toTokenView(row, request.ttlDays, now) };
}

/**
 * Issues a further token (for example after a loss); the old ones stay valid until they expire or are
 * revoked. A token issued by someone other than its user is audited on that user, with who issued it.
 */
export async function issueTokenFor(db: Db, actor: Actor, userId: string, request: TokenRequest, route: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("Utente");
    if (!user.active) throw new AppError("CONFLICT", "Utente disattivato: riattivarlo prima di emettergli un token.");
    const issued = await insertToken(tx, actor, userId, request);
    if (actor.userId !== userId) await recordAudit(tx, actor, "token_issue", "user", [userId], route);
    return issued;
  });
}
