import type { DomainEventInput } from "../events/domain-events.js";
import type { EventScope } from "../events/event-scope.js";
import { documentsOfEvents } from "./documents-of-events.js";
import { loadSearchDocuments } from "./load-search-documents.js";
import type { IndexName, SearchDocument, SearchIndex } from "./search-index.js";
import { SqliteFtsIndex } from "./sqlite-fts-index.js";

/**
 * A scope whose writer already holds the current documents of what it wrote (a bulk insert builds
 * them from the very records it inserted): those are indexed as given instead of read back.
 */
export interface ScopeWithDocuments extends EventScope {
  documentOf(index: IndexName, id: string): SearchDocument | undefined;
}

/**
 * In-transaction handler of every event batch: with the embedded index, the documents the events
 * touch are rebuilt from the store and written in the same transaction, so the default index never
 * drifts and a rolled-back write leaves no entry. A networked engine is left to the index consumer.
 */
export async function applyEventsToEmbeddedIndex(events: readonly DomainEventInput[], scope: EventScope | ScopeWithDocuments): Promise<void> {
  const index = scope.ctx.index;
  if (!syncsInTransaction(index)) return;
  for (const [name, ids] of documentsOfEvents(events)) {
    const given: SearchDocument[] = [];
    const unknown: string[] = [];
    for (const id of ids) {
      const doc = "documentOf" in scope ? scope.documentOf(name, id) : undefined;
      if (doc) given.push(doc);
      else unknown.push(id);
    }
    const { docs, gone } = await loadSearchDocuments(scope.tx, name, unknown);
    await index.applyInTransaction(scope.tx, name, { upsert: [...given, ...docs], remove: gone });
  }
}

/** Whether the index follows the store inside the writing transaction (and needs no consumer). */
export const syncsInTransaction = (index: SearchIndex): index is SqliteFtsIndex => index instanceof SqliteFtsIndex;
