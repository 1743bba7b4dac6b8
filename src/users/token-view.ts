import { effectiveExpiry, tokenState, type TokenDates } from "../auth/token-lifetime.js";

type TokenRow = TokenDates & { id: string; userId: string; label: string; lastUsedAt: Date | null; createdByUserId: string | null };

/** What may be shown of a token: its dates and state, never its hash. */
export function toTokenView(t: TokenRow, ttlDays: number, now = new Date()) {
  return {
    id: t.id,
    userId: t.userId,
    label: t.label,
    state: tokenState(t, ttlDays, now),
    createdAt: t.createdAt.toISOString(),
    expiresAt: effectiveExpiry(t, ttlDays).toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    createdByUserId: t.createdByUserId,
  };
}
export type TokenView = ReturnType<typeof toTokenView>;
