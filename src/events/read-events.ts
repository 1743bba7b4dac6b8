import type { DbTx } from "../db/client.js";
import type { DomainEvent } from "../generated/prisma/client.js";
import { domainEventSchema, type StoredDomainEvent } from "./domain-events.js";

/** A stored row read back through the schema, so a consumer never acts on a malformed event. */
export function parseStoredEvent(row: DomainEvent): StoredDomainEvent {
  const event = domainEventSchema.parse({ type: row.type, entityType: row.entityType, entityId: row.entityId, payload: row.payload });
  return { ...event, seq: row.seq, actorUserId: row.actorUserId, at: row.at };
}

/** The next events of the log after `seq`, in order: what an asynchronous consumer reads from its cursor. */
export async function readEventsAfter(db: DbTx, seq: number, limit: number): Promise<StoredDomainEvent[]> {
  const rows = await db.domainEvent.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" }, take: limit });
  return rows.map(parseStoredEvent);
}

/** The events of one entity, oldest first (a vacancy's history). */
export async function readEventsOf(db: DbTx, entityType: string, entityId: string): Promise<StoredDomainEvent[]> {
  const rows = await db.domainEvent.findMany({ where: { entityType, entityId }, orderBy: { seq: "asc" } });
  return rows.map(parseStoredEvent);
}

/** The seq of the last event of the log (0 when it is empty). */
export async function latestEventSeq(db: DbTx): Promise<number> {
  // Not aggregate's _max: Prisma wraps it in a subquery that reads the whole log (about 80 ms at a million
  // events), and the locator asks before every list; the last row by key is one index step.
  return (await db.domainEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
}

/** How many events of the given entity types come after `seq`: a consumer's backlog. */
export async function countEventsAfter(db: DbTx, seq: number, entityTypes: string[]): Promise<number> {
  return db.domainEvent.count({ where: { seq: { gt: seq }, entityType: { in: entityTypes } } });
}
