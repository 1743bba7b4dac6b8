import type { AppContext } from "../context.js";
import { advanceCursor, readCursor } from "../events/event-cursor.js";
import { countEventsAfter } from "../events/read-events.js";
import { applyEventsToIndex, liveWriter } from "./apply-events-to-index.js";
import { syncsInTransaction } from "./embedded-index-sync.js";
import { ENTITY_OF_INDEX } from "./documents-of-events.js";
import { INDEX_NAMES } from "./index-schema.js";
import type { IndexName } from "./search-index.js";

/** The event cursor of one index's consumer. */
export const indexConsumer = (index: IndexName): string => `index:${index}`;

/** Events read per batch: one batch is at most one upsert and one delete task per index. */
export const EVENTS_PER_BATCH = 1_000;

export interface IndexSyncReport {
  events: number;
  upserted: number;
  removed: number;
}

/**
 * The index consumer of a networked engine: for each index, reads the events after its cursor in
 * order, collapses them per document (the document is rebuilt from the store as it is now, so the
 * latest state wins and a record that is gone is removed), writes the batch, awaits the engine's
 * tasks and only then advances the cursor. A crash before the advance replays the batch, which
 * writes the same documents again: nothing is lost and nothing is duplicated. Runs until the log is
 * drained; the embedded index needs none of it (its documents follow inside the writing transaction).
 */
export async function syncIndexOnce(ctx: AppContext, batchSize = EVENTS_PER_BATCH): Promise<Record<IndexName, IndexSyncReport>> {
  const reports = {} as Record<IndexName, IndexSyncReport>;
  for (const name of INDEX_NAMES) {
    reports[name] = syncsInTransaction(ctx.index) ? { events: 0, upserted: 0, removed: 0 } : await drain(ctx, name, batchSize);
  }
  return reports;
}

async function drain(ctx: AppContext, name: IndexName, batchSize: number): Promise<IndexSyncReport> {
  const consumer = indexConsumer(name);
  const { events, upserted, removed } = await applyEventsToIndex(ctx.db, name, liveWriter(ctx.index, name), await readCursor(ctx.db, consumer), {
    batchSize,
    afterBatch: (seq) => advanceCursor(ctx.db, consumer, seq),
  });
  return { events, upserted, removed };
}

/** Events not yet applied to each index; all zero for the embedded index, which is never behind. */
export async function indexLag(ctx: AppContext): Promise<Record<IndexName, number>> {
  const lag = {} as Record<IndexName, number>;
  for (const name of INDEX_NAMES) {
    lag[name] = syncsInTransaction(ctx.index) ? 0 : await countEventsAfter(ctx.db, await readCursor(ctx.db, indexConsumer(name)), [ENTITY_OF_INDEX[name]]);
  }
  return lag;
}

/**
 * Runs the consumer in the service process every `intervalMs` (nothing for the embedded index). A
 * failed pass (Meilisearch down) is logged and retried at the next tick, from the same cursor.
 */
export function startIndexSync(ctx: AppContext, intervalMs = 500): { stop(): Promise<void> } {
  if (syncsInTransaction(ctx.index)) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  let failing = false;
  // One pass at a time: a tick that finds the previous pass still running skips.
  const timer = setInterval(() => {
    if (running) return;
    running = syncIndexOnce(ctx)
      .then(
        () => {
          if (failing) ctx.log.info("sincronizzazione dell'indice di ricerca ripresa");
          failing = false;
        },
        (err: unknown) => {
          if (!failing) ctx.log.warn({ err }, "sincronizzazione dell'indice di ricerca non riuscita: nuovo tentativo a breve");
          failing = true;
        },
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
