/** A link is usable until it expires or an operator revokes it; revoking wins over expiry. */
export const LINK_STATES = ["attivo", "scaduto", "revocato"] as const;
export type LinkState = (typeof LINK_STATES)[number];

export const LINK_STATE_LABELS: Record<LinkState, string> = {
  attivo: "Attivo",
  scaduto: "Scaduto",
  revocato: "Revocato",
};

export function linkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): LinkState {
  if (link.revokedAt !== null) return "revocato";
  return link.expiresAt <= now ? "scaduto" : "attivo";
}
