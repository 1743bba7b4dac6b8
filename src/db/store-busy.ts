import { isSerializationFailure } from "./postgres-transactions.js";

/**
 * Whether an error means "the store was busy" (another writer held SQLite's lock past our wait, or this
 * process's own transaction queue was full) rather than anything wrong with the data. Such an error is
 * retried, and when retries run out it is reported as the service being busy, never as invalid input.
 */
export function isStoreBusy(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, kind } = e as { code?: unknown; message?: unknown; kind?: unknown };
    // P1008: the driver adapter's SQLITE_BUSY ("SocketTimeout"); P2028: no transaction slot within maxWait.
    if (code === "P1008" || kind === "SocketTimeout") return true;
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
    if (code === "P2028" && typeof message === "string" && /unable to start a transaction/i.test(message)) return true;
    if (typeof message === "string" && /SQLITE_BUSY|database is locked/i.test(message)) return true;
  }
  // PostgreSQL refused a transaction that would have interleaved with another, more times than it was retried.
  return isSerializationFailure(err);
}
