import { LINK_STATE_LABELS, linkState } from "./link-states.js";

export interface LinkRow {
  id: string;
  shortlistId: string;
  recipientEmail: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedById: string | null;
  createdById: string | null;
  createdAt: Date;
  lastOpenedAt: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A link as operators see it: whom it was given to, its state and use; never its token or hash. */
export function toLinkView(link: LinkRow, now = new Date()) {
  const state = linkState(link, now);
  return {
    id: link.id,
    shortlistId: link.shortlistId,
    recipientEmail: link.recipientEmail,
    state,
    stateLabel: LINK_STATE_LABELS[state],
    expiresAt: link.expiresAt.toISOString(),
    createdAt: link.createdAt.toISOString(),
    createdById: link.createdById,
    revokedAt: iso(link.revokedAt),
    revokedById: link.revokedById,
    lastOpenedAt: iso(link.lastOpenedAt),
  };
}
export type LinkView = ReturnType<typeof toLinkView>;

/** Every column but the token's hash. */
export const linkRowSelect = {
  id: true,
  shortlistId: true,
  recipientEmail: true,
  expiresAt: true,
  revokedAt: true,
  revokedById: true,
  createdById: true,
  createdAt: true,
  lastOpenedAt: true,
} as const;
