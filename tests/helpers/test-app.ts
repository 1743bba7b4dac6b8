import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import express, { type Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, inject } from "vitest";
import { loadEnv } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { createContext } from "../../src/bootstrap.js";
import { createApp } from "../../src/api/app.js";
import type { AppContext } from "../../src/context.js";
import { createUser } from "../../src/users/create-user.js";
import { syncIndexOnce } from "../../src/indexing/index-sync-consumer.js";
import { createDatabase, dropDatabase } from "./postgres-server.js";

let template: Promise<string> | undefined;

/** A migrated database with the reference data, built once per worker and copied for each test file. */
async function templateDatabase(): Promise<string> {
  template ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-template-"));
    const file = path.join(dir, "template.db");
    const ctx = await createContext(loadEnv({ DATABASE_PATH: file, NODE_ENV: "test", LOG_LEVEL: "silent" }), createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" }));
    await ctx.db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await ctx.db.$executeRawUnsafe("PRAGMA journal_mode = DELETE");
    await ctx.db.$disconnect();
    return file;
  })();
  return template;
}

export interface TestApp {
  app: Express;
  ctx: AppContext;
  /** The SQLite file; empty on PostgreSQL. */
  databasePath: string;
  close(): Promise<void>;
}

/** The `postgres` test project (vitest.config.ts) runs the same files on PostgreSQL and Meilisearch. */
export const testStoreIsPostgres = process.env.VETRINA_TEST_STORE === "postgresql";

let postgresCopies = 0;

/**
 * Meilisearch follows the store through the event consumer, a moment later; the tests read their own writes
 * at once, so before each request the harness drains the consumer, as the service's loop would shortly after.
 */
function readingOwnWrites(app: Express, ctx: AppContext): Express {
  const outer = express();
  outer.use((_req, _res, next) => {
    syncIndexOnce(ctx).then(() => next(), next);
  });
  outer.use(app);
  return outer;
}

/** The same service on a PostgreSQL database of its own (a copy of the run's template) and a Meilisearch prefix of its own. */
async function createPostgresTestApp(envOverrides: Record<string, string>): Promise<TestApp> {
  const server = inject("postgres");
  const name = `${server.runPrefix}_${process.pid}_${++postgresCopies}`;
  const url = await createDatabase(server.serverUrl, name, server.template);
  const env = loadEnv({
    DATABASE_URL: url,
    SEARCH_BACKEND: "meilisearch",
    MEILISEARCH_URL: server.meilisearchUrl,
    MEILISEARCH_API_KEY: server.meilisearchKey,
    MEILISEARCH_INDEX_PREFIX: `${name}_`,
    DB_POOL_SIZE: "4",
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    ...envOverrides,
  });
  const ctx = await createContext(env, createLogger(env));
  return {
    app: readingOwnWrites(createApp(ctx), ctx),
    ctx,
    databasePath: "",
    close: async () => {
      await ctx.db.$disconnect();
      // Not awaited (a forced drop takes seconds): the run's teardown drops whatever is left.
      void dropDatabase(server.serverUrl, name).catch(() => {});
    },
  };
}

/**
 * A real service on a real SQLite file of its own, with the embedded index, ready for supertest; in the
 * `postgres` test project, on PostgreSQL and Meilisearch instead.
 */
export async function createTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  if (testStoreIsPostgres) return createPostgresTestApp(envOverrides);
  const source = await templateDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-test-"));
  const databasePath = path.join(dir, "vetrina.db");
  fs.copyFileSync(source, databasePath);
  // BACKUP_DIR too: an on-demand backup (POST /backups) writes beside the test's database, never into the checkout.
  const env = loadEnv({ DATABASE_PATH: databasePath, BACKUP_DIR: path.join(dir, "backups"), NODE_ENV: "test", LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0", ...envOverrides });
  const ctx = await createContext(env, createLogger(env));
  return {
    app: createApp(ctx),
    ctx,
    databasePath,
    close: async () => {
      await ctx.db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const CPI_TORINO = "TO-TORINO-VIA-BOLOGNA";
export const CPI_MONCALIERI = "TO-MONCALIERI";
export const CPI_MILANO = "MI-MILANO";

export interface Personas {
  admin: string;
  referent: string;
  tutor: string;
  navigator: string;
  otherReferent: string;
  employer: string;
  otherEmployer: string;
  employerId: string;
  otherEmployerId: string;
  tutorId: string;
}

/** One user per role (tokens), scoped the way the CPIs are: Torino and Moncalieri against Milano. */
export async function createPersonas(ctx: AppContext): Promise<Personas> {
  const acme = await ctx.db.employer.create({ data: { name: "Logistica Sabauda S.r.l.", taxCode: "00743110157" } });
  const other = await ctx.db.employer.create({ data: { name: "Pulizie Ambrosiane S.p.A.", taxCode: "01234567897" } });
  const make = async (name: string, role: "admin" | "referent" | "tutor" | "navigator" | "employer", cpiCodes: string[], employerId?: string) =>
    createUser(ctx.db, { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.it`, role, cpiCodes, ...(employerId ? { employerId } : {}) });
  const tutor = await make("Tutor Torino", "tutor", [CPI_TORINO]);
  return {
    admin: (await make("Admin Regione", "admin", [])).token,
    referent: (await make("Referente Torino", "referent", [CPI_TORINO, CPI_MONCALIERI])).token,
    tutor: tutor.token,
    tutorId: tutor.user.id,
    navigator: (await make("Navigator Torino", "navigator", [CPI_TORINO])).token,
    otherReferent: (await make("Referente Milano", "referent", [CPI_MILANO])).token,
    employer: (await make("HR Logistica", "employer", [], acme.id)).token,
    otherEmployer: (await make("HR Pulizie", "employer", [], other.id)).token,
    employerId: acme.id,
    otherEmployerId: other.id,
  };
}

/** Requests as one user: the token is set on every call. */
export function client(app: Express, token: string) {
  const auth = (r: request.Test) => r.set("authorization", `Bearer ${token}`);
  return {
    get: (path: string) => auth(request(app).get(path)),
    post: (path: string, body: object) => auth(request(app).post(path)).send(body),
    patch: (path: string, body: object) => auth(request(app).patch(path)).send(body),
    del: (path: string) => auth(request(app).delete(path)),
  };
}

export interface Harness {
  t: TestApp;
  p: Personas;
  as(token: string): ReturnType<typeof client>;
}

/** A test file's own service and personas, opened before its tests and closed after them. */
export function useTestApp(envOverrides: Record<string, string> = {}): Harness {
  const h = { as: (token: string) => client(h.t.app, token) } as Harness;
  beforeAll(async () => {
    h.t = await createTestApp(envOverrides);
    h.p = await createPersonas(h.t.ctx);
  });
  afterAll(async () => h.t?.close());
  return h;
}
