import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { isStoreBusy } from "../db/store-busy.js";

/** At most one write per token per minute: reading must not turn every request into a write. */
export const TOKEN_USE_INTERVAL_MS = 60_000;

export const isUseStale = (lastUsedAt: Date | null, now: Date, intervalMs = TOKEN_USE_INTERVAL_MS): boolean =>
  !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= intervalMs;

/**
 * Records when a token was last used, in the background and at most once a minute per token. The write is
 * best effort: a busy store or a failed write is logged and never fails, nor delays, the request.
 */
export function tokenUseRecorder(db: Db, log: Logger) {
  const pending = new Set<string>();
  return (token: { id: string; lastUsedAt: Date | null }, now: Date): void => {
    if (!isUseStale(token.lastUsedAt, now) || pending.has(token.id)) return;
    pending.add(token.id);
    db.apiToken
      .updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: now } }] }, data: { lastUsedAt: now } })
      .catch((err: unknown) => {
        if (isStoreBusy(err)) log.debug({ tokenId: token.id }, "ultimo uso del token non registrato: archivio occupato");
        else log.warn({ err, tokenId: token.id }, "ultimo uso del token non registrato");
      })
      .finally(() => pending.delete(token.id));
  };
}
