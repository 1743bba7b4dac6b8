import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { isStoreBusy } from "./store-busy.js";

/**
 * Several writers on one SQLite file (the service, the CLI, a second service process, the job runner).
 *
 * Prisma's better-sqlite3 adapter opens every transaction with a deferred `BEGIN`: a transaction that reads
 * before it writes then fails with SQLITE_BUSY_SNAPSHOT when another process committed in between, and no
 * busy timeout helps. A failed `BEGIN` also leaves the adapter's internal transaction mutex locked. So this
 * wrapper opens transactions itself with `BEGIN IMMEDIATE` (the write lock up front), serialises them within
 * the process as the adapter does, and retries every lock acquisition (`BEGIN IMMEDIATE`, an autocommit
 * statement) with jittered back-off. The connection's own busy timeout stays short because better-sqlite3
 * waits synchronously, which would stall every request of the process; the back-off waits asynchronously.
 */

export interface WriteLockPolicy {
  /** How many times a lock acquisition is tried again after SQLITE_BUSY. */
  retries: number;
  /** First back-off; doubles each try up to `maxDelayMs`, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_WRITE_LOCK_POLICY: WriteLockPolicy = { retries: 12, baseDelayMs: 20, maxDelayMs: 1_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withBusyRetry<T>(policy: WriteLockPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (tries >= policy.retries || !isStoreBusy(err)) throw err;
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** tries);
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}

/** A FIFO lock: one open transaction per connection, since statements of a connection share its transaction. */
class TransactionLock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

function immediateTransactions(inner: SqlDriverAdapter, policy: WriteLockPolicy): SqlDriverAdapter {
  const lock = new TransactionLock();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => withBusyRetry(policy, () => inner.queryRaw(query)),
    executeRaw: (query) => withBusyRetry(policy, () => inner.executeRaw(query)),
    executeScript: (script) => inner.executeScript(script),
    dispose: () => inner.dispose(),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        // What the wrapped adapter answers too: SQLite transactions are serialisable.
        return inner.startTransaction(isolationLevel);
      }
      const release = await lock.acquire();
      try {
        await withBusyRetry(policy, () => inner.executeRaw(statement("BEGIN IMMEDIATE")));
      } catch (err) {
        release();
        throw err;
      }
      // Prisma sends COMMIT / ROLLBACK itself (no phantom query): these only free the connection.
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query) => inner.queryRaw(query),
        executeRaw: (query) => inner.executeRaw(query),
        commit: async () => release(),
        rollback: async () => release(),
        createSavepoint: async (name) => void (await inner.executeRaw(statement(`SAVEPOINT ${name}`))),
        rollbackToSavepoint: async (name) => void (await inner.executeRaw(statement(`ROLLBACK TO ${name}`))),
        releaseSavepoint: async (name) => void (await inner.executeRaw(statement(`RELEASE SAVEPOINT ${name}`))),
      };
    },
  };
}

/** The adapter factory Prisma is given: the better-sqlite3 one, with write-lock-first transactions. */
export function withWriteLockFirst(factory: SqlDriverAdapterFactory, policy: WriteLockPolicy): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => immediateTransactions(await factory.connect(), policy),
  };
}
