import { randomUUID } from "node:crypto";
import type { DbTx } from "../db/client.js";
import { insertRows } from "../db/insert-rows.js";

export interface NewFeedItem {
  userId: string;
  /** Italian code of what happened (e.g. "abbinamento_nuovo", "segnalazione_decisa"), with a label in the feed module. */
  kind: string;
  vacancyId?: string | null;
  candidateId?: string | null;
  /** What the feed shows, ids and scores only: never a person's name or contacts. */
  payload: Record<string, unknown>;
  /** The same fact written twice (a replayed event, a rerun job) stays one item. */
  dedupeKey?: string | null;
}

/** Appends items to users' feeds, in the caller's transaction; items whose dedupe key exists are skipped. */
export async function writeFeedItems(db: DbTx, items: readonly NewFeedItem[], now = new Date()): Promise<void> {
  await insertRows(
    db,
    "FeedItem",
    items.map((i) => ({
      id: randomUUID(),
      userId: i.userId,
      kind: i.kind,
      vacancyId: i.vacancyId ?? null,
      candidateId: i.candidateId ?? null,
      payload: i.payload,
      dedupeKey: i.dedupeKey ?? null,
      createdAt: now,
      seenAt: null,
    })),
    { ignoreDuplicates: true },
  );
}
