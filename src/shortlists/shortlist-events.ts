import { recordedUserId, type Actor } from "../auth/actor.js";
import type { DbTx } from "../db/client.js";

/** What can happen to a list; each is one ShortlistEvent row (who, when, what, why). */
export const SHORTLIST_EVENT_TYPES = [
  "created",
  "entry_added",
  "entry_restored",
  "entry_removed",
  "contact",
  "cap_changed",
  "sent",
  "entry_sent",
  "outcome",
  "availability",
  "closed",
] as const;
export type ShortlistEventType = (typeof SHORTLIST_EVENT_TYPES)[number];

export const SHORTLIST_EVENT_LABELS: Record<ShortlistEventType, string> = {
  created: "Rosa creata",
  entry_added: "Persona inserita",
  entry_restored: "Persona reinserita",
  entry_removed: "Persona tolta",
  contact: "Esito del contatto",
  cap_changed: "Tetto della rosa cambiato",
  sent: "Rosa inviata all'azienda",
  entry_sent: "Persona inviata all'azienda",
  outcome: "Esito dell'azienda",
  availability: "Disponibilità della persona aggiornata",
  closed: "Rosa chiusa",
};

export interface ShortlistEventInput {
  candidateId?: string | null;
  type: ShortlistEventType;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
}

/** Writes the events in the caller's transaction, all with the same moment and author. */
export async function recordShortlistEvents(
  tx: DbTx,
  actor: Actor | null,
  shortlistId: string,
  events: ShortlistEventInput[],
  at: Date = new Date(),
): Promise<void> {
  if (events.length === 0) return;
  await tx.shortlistEvent.createMany({
    data: events.map((e) => ({
      shortlistId,
      candidateId: e.candidateId ?? null,
      type: e.type,
      fromValue: e.from ?? null,
      toValue: e.to ?? null,
      reason: e.reason ?? null,
      byUserId: recordedUserId(actor),
      at,
    })),
  });
}
