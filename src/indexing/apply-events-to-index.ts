import type { DbTx } from "../db/client.js";
import { readEventsAfter } from "../events/read-events.js";
import { documentsOfEvents } from "./documents-of-events.js";
import { loadSearchDocuments } from "./load-search-documents.js";
import type { IndexName, IndexWriter, SearchIndex } from "./search-index.js";

export interface AppliedEvents {
  /** The seq of the last event read (the starting seq when there were none). */
  lastSeq: number;
  events: number;
  upserted: number;
  removed: number;
}

/** The live index of one name, as a writer. */
export const liveWriter = (index: SearchIndex, name: IndexName): IndexWriter => ({
  upsert: (docs) => index.upsert(name, docs),
  remove: (ids) => index.remove(name, ids),
});

/**
 * Brings `target` up to date with the events after `afterSeq`, batch by batch, until the log is
 * drained: the events are collapsed per document and each document is rebuilt from the store as it
 * is now (the latest state wins, a record that is gone is removed), so applying an event twice
 * changes nothing. `afterBatch` runs once a batch is written (the index consumer advances its cursor there).
 */
export async function applyEventsToIndex(
  db: DbTx,
  name: IndexName,
  target: IndexWriter,
  afterSeq: number,
  options: { batchSize: number; afterBatch?: (lastSeq: number) => Promise<unknown> },
): Promise<AppliedEvents> {
  const applied: AppliedEvents = { lastSeq: afterSeq, events: 0, upserted: 0, removed: 0 };
  for (;;) {
    const events = await readEventsAfter(db, applied.lastSeq, options.batchSize);
    const last = events.at(-1);
    if (!last) return applied;
    const { docs, gone } = await loadSearchDocuments(db, name, documentsOfEvents(events).get(name) ?? []);
    await target.upsert(docs);
    await target.remove(gone);
    await options.afterBatch?.(last.seq);
    applied.lastSeq = last.seq;
    applied.events += events.length;
    applied.upserted += docs.length;
    applied.removed += gone.length;
  }
}
