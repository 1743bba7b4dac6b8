import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCursor } from "../src/events/event-cursor.js";
import { indexConsumer, indexLag, startIndexSync, syncIndexOnce } from "../src/indexing/index-sync-consumer.js";
import type { IndexName, SearchIndex } from "../src/indexing/search-index.js";
import { expectConsistencyCheckRepairs, expectIndexEqualsStore, indexContents } from "./helpers/index-contents.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { startMeilisearch, type MeilisearchServer } from "./helpers/meilisearch-server.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { client, createPersonas, createTestApp, type Personas, type TestApp } from "./helpers/test-app.js";

let server: MeilisearchServer;
let t: TestApp;
let p: Personas;
let taxCodes = 100;
const as = (token: string) => client(t.app, token);

beforeAll(async () => {
  server = await startMeilisearch();
  t = await createTestApp({ SEARCH_BACKEND: "meilisearch", MEILISEARCH_URL: server.url, MEILISEARCH_API_KEY: server.masterKey });
  p = await createPersonas(t.ctx);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await server?.close();
});

async function registerPerson(overrides: Record<string, unknown> = {}): Promise<string> {
  taxCodes += 1;
  const res = await as(p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(taxCodes), overrides));
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function publishVacancy(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await as(p.referent).post("/api/v1/vacancies", vacancyBody(overrides));
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe("index sync across a Meilisearch outage", () => {
  it("writes succeed while the server is down, the lag shows in /health, and the backlog drains exactly once it is back", async () => {
    const kept = await registerPerson();
    const erased = await registerPerson();
    const changed = await publishVacancy();
    await syncIndexOnce(t.ctx);
    await expectIndexEqualsStore(t.ctx);
    expect(await indexLag(t.ctx)).toEqual({ vacancies: 0, candidates: 0 });

    await server.stop();
    try {
      await registerPerson({ declaredProfiles: [{ title: "Cuoca" }] });
      expect((await as(p.referent).patch(`/api/v1/candidates/${kept}`, { competences: ["Cucina regionale"] })).status).toBe(200);
      expect((await as(p.referent).del(`/api/v1/candidates/${erased}`)).status).toBe(204);
      expect((await as(p.referent).patch(`/api/v1/vacancies/${changed}`, { positions: 5 })).status).toBe(200);
      expect((await as(p.referent).post(`/api/v1/vacancies/${changed}/status`, { to: "in_preselection" })).status).toBe(200);
      await publishVacancy();

      const health = await request(t.app).get("/health");
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ store: "ok", index: "down", searchBackend: "meilisearch", indexLag: { candidates: 3, vacancies: 3 } });
      // A pass while the server is down fails and keeps the cursors where they were.
      const before = await readCursor(t.ctx.db, indexConsumer("candidates"));
      await expect(syncIndexOnce(t.ctx)).rejects.toThrow();
      expect(await readCursor(t.ctx.db, indexConsumer("candidates"))).toBe(before);
    } finally {
      await server.restart();
    }

    const drained = await syncIndexOnce(t.ctx);
    expect(drained.candidates).toMatchObject({ upserted: 2, removed: 1 });
    expect(drained.vacancies).toMatchObject({ upserted: 2, removed: 0 });
    expect((await request(t.app).get("/health")).body).toMatchObject({ status: "ok", indexLag: { vacancies: 0, candidates: 0 } });
    await expectIndexEqualsStore(t.ctx);
    const found = await as(p.referent).get("/api/v1/candidates?q=cucina");
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([kept]);
  }, 120_000);

  it("replaying the whole log changes nothing", async () => {
    await syncIndexOnce(t.ctx);
    await t.ctx.db.eventCursor.updateMany({ where: { consumer: { startsWith: "index:" } }, data: { lastSeq: 0 } });
    const replay = await syncIndexOnce(t.ctx, 3);
    expect(replay.candidates.events).toBeGreaterThan(0);
    await expectIndexEqualsStore(t.ctx);
  }, 120_000);

  it("a consumer killed after its write and before moving its cursor resumes, and the index is still exact", async () => {
    await syncIndexOnce(t.ctx);
    const first = await registerPerson({ declaredProfiles: [{ title: "Elettricista" }] });
    await registerPerson({ declaredProfiles: [{ title: "Idraulica" }] });
    expect((await as(p.referent).patch(`/api/v1/candidates/${first}`, { competences: ["Impianti civili"] })).status).toBe(200);
    const cursor = await readCursor(t.ctx.db, indexConsumer("candidates"));
    const indexedBefore = await t.ctx.index.count("candidates");

    // The real Meilisearch index, whose process "dies" right after the server acknowledged the first batch.
    const dying: SearchIndex = Object.create(t.ctx.index, {
      upsert: {
        value: async (name: IndexName, docs: Parameters<SearchIndex["upsert"]>[1]) => {
          await t.ctx.index.upsert(name, docs);
          if (docs.length > 0) throw new Error("processo terminato");
        },
      },
    });
    await expect(syncIndexOnce({ ...t.ctx, index: dying }, 1)).rejects.toThrow("processo terminato");
    expect(await readCursor(t.ctx.db, indexConsumer("candidates"))).toBe(cursor);
    expect(await t.ctx.index.count("candidates")).toBe(indexedBefore + 1);

    const resumed = await syncIndexOnce(t.ctx, 1);
    expect(resumed.candidates.events).toBeGreaterThanOrEqual(3);
    expect(await indexLag(t.ctx)).toEqual({ vacancies: 0, candidates: 0 });
    await expectIndexEqualsStore(t.ctx);
    const found = await as(p.referent).get("/api/v1/candidates?q=impianti");
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([first]);
  }, 120_000);

  it("the service's loop drains the backlog by itself", async () => {
    const loop = startIndexSync(t.ctx, 100);
    try {
      const id = await registerPerson({ declaredProfiles: [{ title: "Giardiniera" }] });
      await expect.poll(async () => (await indexLag(t.ctx)).candidates, { timeout: 30_000, interval: 100 }).toBe(0);
      expect(await indexContents(t.ctx, "candidates")).toHaveProperty(id);
    } finally {
      await loop.stop();
    }
  }, 60_000);

  it("the consistency check repairs a drifted Meilisearch index", async () => {
    await syncIndexOnce(t.ctx);
    await expectConsistencyCheckRepairs(t.ctx);
  }, 120_000);
});
