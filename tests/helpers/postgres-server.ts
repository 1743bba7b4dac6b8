// The PostgreSQL server the tests use: TEST_POSTGRES_URL (default: this machine's, trust authentication,
// database `test`). Each test file gets a database of its own, copied from a migrated template.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPostgresDb } from "../../src/db/client.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { loadReferenceData } from "../../src/reference/load-reference-data.js";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** What the global set-up hands each test file (vitest's provide/inject). */
export interface PostgresTestServer {
  /** The server's maintenance address (TEST_POSTGRES_URL). */
  serverUrl: string;
  /** The migrated database with the reference data that test databases are copied from. */
  template: string;
  /** Prefix of every database (and Meilisearch index) of this run: the teardown drops them. */
  runPrefix: string;
  meilisearchUrl: string;
  meilisearchKey: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    postgres: PostgresTestServer;
  }
}

/** The address of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Null when the server answers; otherwise why not. */
export async function postgresUnreachable(serverUrl = TEST_POSTGRES_URL): Promise<string | null> {
  try {
    await withAdmin(serverUrl, (c) => c.query("SELECT 1"));
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  }
}

export const newRunPrefix = (): string => `vetrina_t${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/** Database names are ours (prefix + counter), never input: safe to quote into the statement. */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await withAdmin(serverUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
        return;
      } catch (e) {
        // Two copies of one template at the same moment: PostgreSQL refuses the second while the first reads it.
        if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Every database whose name starts with `prefix` (one run's). */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  await withAdmin(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** A new database with every PostgreSQL migration applied and the reference data (comuni, CPIs) loaded. */
export async function createMigratedDatabase(serverUrl: string, name: string): Promise<string> {
  const url = await createDatabase(serverUrl, name);
  await applyMigrations({ provider: "postgresql", url });
  const db = createPostgresDb(url, { poolSize: 2 });
  try {
    await loadReferenceData(db);
  } finally {
    await db.$disconnect();
  }
  return url;
}
