import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { DEFAULT_WRITE_LOCK_POLICY, withWriteLockFirst } from "./sqlite-write-lock.js";

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
