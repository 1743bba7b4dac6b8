// `npm run cli -- move-to-postgres <url>`: a region written on SQLite, moved to an empty PostgreSQL database,
// interrupted halfway and resumed, then served from PostgreSQL and Meilisearch.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/api/app.js";
import { createContext } from "../../src/bootstrap.js";
import { run as moveToPostgres } from "../../src/cli/commands/move-to-postgres.js";
import { loadEnv } from "../../src/config/env.js";
import type { AppContext } from "../../src/context.js";
import { createPostgresDb, type Db } from "../../src/db/client.js";
import { copyStore } from "../../src/db/copy-store.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { checkIndexConsistency } from "../../src/indexing/check-index-consistency.js";
import { createLogger } from "../../src/logging/logger.js";
import { mariaRossiTaxCode } from "../helpers/consistent-tax-codes.js";
import { createDatabase } from "../helpers/postgres-server.js";
import { candidateBody, vacancyBody } from "../helpers/sample-bodies.js";
import { createPersonas } from "../helpers/test-app.js";

const server = inject("postgres");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-move-"));
const opened: { db: Db }[] = [];
afterAll(async () => {
  for (const o of opened) await o.db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

const quiet = { NODE_ENV: "test", LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0" };
const meilisearch = { MEILISEARCH_URL: server.meilisearchUrl, MEILISEARCH_API_KEY: server.meilisearchKey, MEILISEARCH_INDEX_PREFIX: `${server.runPrefix}_move_` };

async function context(env: Record<string, string>): Promise<AppContext> {
  const e = loadEnv(env);
  const ctx = await createContext(e, createLogger(e));
  opened.push(ctx);
  return ctx;
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    counts[model] = await (db as unknown as Record<string, { count(): Promise<number> }>)[model[0]!.toLowerCase() + model.slice(1)]!.count();
  }
  return counts;
}

describe("move-to-postgres", () => {
  it("copies every table with its counts, resumes after an interruption, and the moved region is served from PostgreSQL and Meilisearch", async () => {
    // A small region on SQLite, written through the API: users, vacancies, people, a list, their events.
    const sqlite = await context({ ...quiet, DATABASE_PATH: path.join(dir, "vetrina.db"), ...meilisearch });
    const p = await createPersonas(sqlite);
    const app = createApp(sqlite);
    const as = (r: request.Test) => r.set("authorization", `Bearer ${p.referent}`);
    const vacancyIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const v = await as(request(app).post("/api/v1/vacancies")).send(vacancyBody());
      expect(v.status).toBe(201);
      vacancyIds.push(v.body.id);
      expect((await as(request(app).post("/api/v1/candidates")).send(candidateBody(mariaRossiTaxCode(i + 1)))).status).toBe(201);
    }
    expect((await as(request(app).post(`/api/v1/vacancies/${vacancyIds[0]}/shortlist`)).send({})).status).toBe(201);
    const before = await tableCounts(sqlite.db);

    const url = await createDatabase(server.serverUrl, `${server.runPrefix}_move`);
    await applyMigrations({ provider: "postgresql", url });
    const target = createPostgresDb(url, { poolSize: 2 });
    opened.push({ db: target });

    // Interrupted after a few tables (the process killed, the connection lost): those stay recorded as copied.
    let tables = 0;
    const interrupted = copyStore(sqlite.db, target, {
      tableDone: () => {
        if (++tables === 4) throw new Error("interrotto");
      },
    });
    await expect(interrupted).rejects.toThrow("interrotto");

    // The command resumes: the first tables are not copied again, the rest are, then the index is rebuilt.
    const logged: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.join(" "));
    let code: number;
    try {
      code = await moveToPostgres(sqlite, [url]);
    } finally {
      console.log = log;
    }
    expect(code).toBe(0);
    expect(logged.join("\n")).toMatch(/\(4 tabelle già copiate da un'esecuzione interrotta\)/);
    // Every table as in the file; the rebuild of the index adds its own runs and the index consumers' cursors.
    const after = await tableCounts(target);
    expect({ ...after, JobRun: before.JobRun, EventCursor: before.EventCursor }).toEqual(before);
    expect(after.JobRun).toBeGreaterThan(before.JobRun!);
    expect(await target.eventCursor.findMany({ select: { consumer: true }, orderBy: { consumer: "asc" } })).toEqual([
      { consumer: "index:candidates" },
      { consumer: "index:vacancies" },
    ]);
    expect(before.Vacancy).toBe(6);
    expect(before.DomainEvent).toBeGreaterThan(12);

    // A second move into the now non-empty database is refused.
    const errors: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    try {
      expect(await moveToPostgres(sqlite, [url])).toBe(1);
    } finally {
      console.error = error;
    }
    expect(errors.join("\n")).toMatch(/contiene già dati/);

    // Served from PostgreSQL and Meilisearch: the same records, found by search, and new events numbered after the old.
    const moved = await context({ ...quiet, DATABASE_URL: url, SEARCH_BACKEND: "meilisearch", ...meilisearch });
    for (const report of Object.values(await checkIndexConsistency(moved))) {
      expect(report.missing + report.differing).toBe(0);
      expect(report.rebuilt).toBe(false);
      expect(report.indexed).toBe(6);
    }
    const movedApp = createApp(moved);
    const search = await as(request(movedApp).get("/api/v1/vacancies?pageSize=50"));
    expect(search.status).toBe(200);
    expect(new Set(search.body.items.map((v: { id: string }) => v.id))).toEqual(new Set(vacancyIds));
    const lastSeq = (await moved.db.domainEvent.aggregate({ _max: { seq: true } }))._max.seq!;
    expect((await as(request(movedApp).post("/api/v1/vacancies")).send(vacancyBody())).status).toBe(201);
    expect((await moved.db.domainEvent.aggregate({ _max: { seq: true } }))._max.seq!).toBeGreaterThan(lastSeq);
  }, 120_000);
});
