import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;
/** What both the client and an interactive transaction offer: repositories accept either. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function sqliteUrl(databasePath: string): string {
  return `file:${databasePath}`;
}

export function createDb(databasePath: string): Db {
  if (databasePath !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const adapter = new PrismaBetterSqlite3({ url: sqliteUrl(databasePath) });
  return new PrismaClient({ adapter });
}
