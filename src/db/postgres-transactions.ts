import type { Db } from "./client.js";

/**
 * On SQLite every write transaction holds the one write lock from its first statement (BEGIN IMMEDIATE), so
 * the use-cases' read-then-write transactions never interleave. PostgreSQL gives the same guarantee at the
 * SERIALIZABLE isolation level, by failing one of two transactions that would have interleaved (SQLSTATE
 * 40001, or 40P01 on a deadlock; Prisma's P2034) instead of making it wait. Such a transaction changed
 * nothing and is run again, with jittered back-off, as SQLite's lock would have made it wait.
 */
export interface SerializationRetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_SERIALIZATION_RETRY: SerializationRetryPolicy = { retries: 16, baseDelayMs: 10, maxDelayMs: 1_000 };

export function isSerializationFailure(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, originalCode } = e as { code?: unknown; message?: unknown; originalCode?: unknown };
    if (code === "P2034" || originalCode === "40001" || originalCode === "40P01" || code === "40001" || code === "40P01") return true;
    if (typeof message === "string" && /could not serialize access|deadlock detected/i.test(message)) return true;
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The client's interactive transactions (`$transaction(async (tx) => …)`) run again after a serialization
 * failure. Batches (`$transaction([…])`) cannot be built again here; their statements are fixed before
 * any of them runs (no read decides a write), so they run at READ COMMITTED, where they wait on row locks
 * instead of failing.
 */
export function retryingSerializationFailures(db: Db, policy: SerializationRetryPolicy = DEFAULT_SERIALIZATION_RETRY): Db {
  const transaction = db.$transaction.bind(db) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const retrying = async (arg: unknown, options?: unknown): Promise<unknown> => {
    if (typeof arg !== "function") return transaction(arg, { isolationLevel: "ReadCommitted", ...(options as object | undefined) });
    for (let tries = 0; ; tries++) {
      try {
        return await transaction(arg, options);
      } catch (err) {
        if (tries >= policy.retries || !isSerializationFailure(err)) throw err;
        const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** tries);
        await sleep(delay / 2 + Math.random() * (delay / 2));
      }
    }
  };
  (db as unknown as { $transaction: typeof retrying }).$transaction = retrying;
  return db;
}
