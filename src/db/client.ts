import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client.js";
import { retryingSerializationFailures } from "./postgres-transactions.js";
import { DEFAULT_WRITE_LOCK_POLICY, withWriteLockFirst } from "./sqlite-write-lock.js";
import type { StoreLocation } from "./store-location.js";

/**
 * The store, whichever its provider: the repositories see the SQLite client's type. The PostgreSQL client is
 * generated from the same models (prisma/postgresql/schema.prisma is derived from prisma/schema.prisma), so
 * its model API is the same; what differs is raw SQL, which asks `dialectOf` (./sql-dialect.ts).
 */
export type Db = PrismaClient;
/** What both the client and an interactive transaction offer: repositories accept either. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface StoreOptions {
  /** How long SQLite itself waits for a lock before the asynchronous retries take over. */
  busyTimeoutMs?: number;
  /** How many times a lock acquisition is retried, with back-off. */
  writeRetries?: number;
}

/**
 * Long enough for a transaction to wait behind this process's other transactions and behind every
 * retry of its own `BEGIN IMMEDIATE` (about ten seconds at the default policy).
 */
const TRANSACTION_MAX_WAIT_MS = 60_000;

export function sqliteUrl(databasePath: string): string {
  return `file:${databasePath}`;
}

export function createDb(databasePath: string, options: StoreOptions = {}): Db {
  if (databasePath !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const sqlite = new PrismaBetterSqlite3({ url: sqliteUrl(databasePath), timeout: options.busyTimeoutMs ?? 200 });
  const adapter = withWriteLockFirst(sqlite, { ...DEFAULT_WRITE_LOCK_POLICY, retries: options.writeRetries ?? DEFAULT_WRITE_LOCK_POLICY.retries });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
}

/**
 * PostgreSQL through node-postgres's pool: no write-lock wrapper. Interactive transactions are SERIALIZABLE,
 * and run again when the server refuses one, so they keep SQLite's one-writer-at-a-time semantics (see
 * postgres-transactions.ts). The same transaction wait as SQLite's: a burst of transactions queues for the
 * pool's connections instead of failing.
 */
export function createPostgresDb(url: string, options: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
  const client = new PostgresPrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, isolationLevel: "Serializable" } });
  return retryingSerializationFailures(client as unknown as Db);
}

/** The store at `location`: the SQLite file (with its busy policy) or the PostgreSQL database. */
export function openStore(location: StoreLocation, options: StoreOptions & { poolSize?: number } = {}): Db {
  return location.provider === "postgresql" ? createPostgresDb(location.url, options) : createDb(location.path, options);
}
