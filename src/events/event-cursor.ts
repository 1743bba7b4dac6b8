import type { DbTx } from "../db/client.js";

/** Where a consumer stopped (0 before its first event). */
export async function readCursor(db: DbTx, consumer: string): Promise<number> {
  return (await db.eventCursor.findUnique({ where: { consumer } }))?.lastSeq ?? 0;
}

/**
 * Marks the events up to `seq` done for the consumer. Never moves back: a late or replayed
 * acknowledgement of an older seq changes nothing.
 */
export async function advanceCursor(db: DbTx, consumer: string, seq: number): Promise<number> {
  await db.eventCursor.upsert({ where: { consumer }, create: { consumer, lastSeq: 0 }, update: {} });
  await db.eventCursor.updateMany({ where: { consumer, lastSeq: { lt: seq } }, data: { lastSeq: seq } });
  return readCursor(db, consumer);
}
