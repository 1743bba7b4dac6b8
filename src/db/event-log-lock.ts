import type { DbTx } from "./client.js";
import { dialectOf } from "./sql-dialect.js";

/** Any constant: the key of the one advisory lock the writers of the event log share. */
const EVENT_LOG_LOCK_KEY = 7_313_001;

/**
 * Consumers read the event log by sequence number and remember the last one they saw, so an event must
 * never become visible after one with a higher number. On SQLite the write lock already serialises
 * writers. On PostgreSQL a sequence hands out numbers at insert time and transactions commit in any
 * order, so the appending transaction takes this advisory lock first: it is held until commit, and
 * numbers are then taken and made visible in the same order.
 */
export async function lockEventLog(tx: DbTx): Promise<void> {
  if (dialectOf(tx) !== "postgresql") return;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${EVENT_LOG_LOCK_KEY})`);
}
