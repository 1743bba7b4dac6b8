import type { DomainEventInput } from "../events/domain-events.js";
import type { IndexName } from "./search-index.js";

/**
 * The search documents an event may have changed: the vacancy of every vacancy event, the person of
 * every person event. Other events change no document by themselves: a hiring that makes a person
 * "employed" appends its own `candidate.changed`, a list moving its vacancy its `vacancy.status_changed`.
 */
export function documentOfEvent(event: Pick<DomainEventInput, "entityType" | "entityId">): { index: IndexName; id: string } | null {
  const index = INDEX_OF_ENTITY[event.entityType];
  return index ? { index, id: event.entityId } : null;
}

/** Whose events change each index's documents. */
export const ENTITY_OF_INDEX: Record<IndexName, DomainEventInput["entityType"]> = { vacancies: "vacancy", candidates: "candidate" };
const INDEX_OF_ENTITY: Partial<Record<DomainEventInput["entityType"], IndexName>> = Object.fromEntries(
  Object.entries(ENTITY_OF_INDEX).map(([index, entity]) => [entity, index]),
);

/** The distinct document ids the events touch, per index, in order of first appearance. */
export function documentsOfEvents(events: readonly Pick<DomainEventInput, "entityType" | "entityId">[]): Map<IndexName, string[]> {
  const touched = new Map<IndexName, Set<string>>();
  for (const event of events) {
    const doc = documentOfEvent(event);
    if (!doc) continue;
    touched.set(doc.index, (touched.get(doc.index) ?? new Set()).add(doc.id));
  }
  return new Map([...touched].map(([index, ids]) => [index, [...ids]]));
}
