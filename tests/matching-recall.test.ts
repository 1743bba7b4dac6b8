import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { startMeilisearch, type MeilisearchServer } from "./helpers/meilisearch-server.js";
import type { AppContext } from "../src/context.js";
import { seedDemoData } from "../src/demo/seed-demo-data.js";
import { MeilisearchIndex } from "../src/indexing/meilisearch-index.js";
import { rebuildIndex } from "../src/indexing/rebuild-index.js";
import { findVacancy } from "../src/vacancies/vacancy-repository.js";
import { rankVacancy } from "../src/matching/rank-vacancy-candidates.js";

/**
 * Retrieval must not drop strong candidates: for each vacancy, the 15 best qualified people of a full
 * scan of everyone must be found by the indexed retrieval too (recall ≥ 0.98 over all vacancies), on
 * the embedded index and on a real Meilisearch built from the same store. Both indexes hold the same
 * documents (checked below), so the full scan, the costly baseline, is run once per vacancy, on the
 * embedded index, and serves both engines.
 */
const TODAY = new Date("2026-11-23T00:00:00Z");
const topQualified = (r: Awaited<ReturnType<typeof rankVacancy>>) => r.ranked.filter((m) => m.qualified).slice(0, 15).map((m) => m.candidateId);
const fullScans = new Map<string, Promise<Set<string>>>();

async function recall(ctx: AppContext, baseline: AppContext, sample: number) {
  const open = await ctx.db.vacancy.findMany({ where: { status: { in: ["open", "in_preselection"] } }, orderBy: { id: "asc" }, select: { id: true } });
  const step = Math.max(1, Math.floor(open.length / sample));
  const picked = open.filter((_, i) => i % step === 0).slice(0, sample);
  let expected = 0;
  let found = 0;
  for (const { id } of picked) {
    const vacancy = await findVacancy(ctx.db, id);
    if (!fullScans.has(id)) fullScans.set(id, rankVacancy(baseline, vacancy, { scan: "full", today: TODAY }).then((r) => new Set(topQualified(r))));
    const full = await fullScans.get(id)!;
    const retrieved = new Set(topQualified(await rankVacancy(ctx, vacancy, { today: TODAY })));
    expected += full.size;
    found += [...full].filter((c) => retrieved.has(c)).length;
  }
  return { vacancies: picked.length, expected, recall: expected === 0 ? 1 : found / expected };
}

/** The same store with its people and vacancies indexed in Meilisearch (index uids under `prefix`). */
async function onMeilisearch(t: TestApp, server: MeilisearchServer, prefix: string): Promise<AppContext> {
  const index = new MeilisearchIndex({ url: server.url, apiKey: server.masterKey, indexPrefix: prefix });
  await index.init();
  const ctx = { ...t.ctx, index };
  await rebuildIndex(ctx, ["vacancies", "candidates"]);
  return ctx;
}

describe("retrieval recall against a full scan", () => {
  let demo: TestApp;
  let generated: TestApp;
  let server: MeilisearchServer;
  const engines: Record<"embedded" | "meilisearch", { demo: AppContext; generated: AppContext }> = {} as never;
  beforeAll(async () => {
    [demo, generated, server] = await Promise.all([createTestApp(), createTestApp(), startMeilisearch()]);
    await seedDemoData(demo.ctx, { seed: 2026 });
    await seedDemoData(generated.ctx, { seed: 7, vacancies: 150, candidates: 10_000 });
    engines.embedded = { demo: demo.ctx, generated: generated.ctx };
    engines.meilisearch = { demo: await onMeilisearch(demo, server, "demo_"), generated: await onMeilisearch(generated, server, "generated_") };
  }, 300_000);
  afterAll(async () => {
    await demo?.close();
    await generated?.close();
    await server?.close();
  });

  describe.each(["embedded", "meilisearch"] as const)("%s", (engine) => {
    it("indexes everyone in the store", async () => {
      const ctx = engines[engine].generated;
      expect(await ctx.index.count("candidates")).toBe(await ctx.db.candidate.count());
    });

    it("keeps ≥ 98% of the full scan's top 15 on the demo data", async () => {
      const r = await recall(engines[engine].demo, engines.embedded.demo, 60);
      expect(r.expected).toBeGreaterThan(300);
      expect(r.recall).toBeGreaterThanOrEqual(0.98);
    }, 180_000);

    it("keeps ≥ 98% of the full scan's top 15 on generated data with 10,000 people", async () => {
      const r = await recall(engines[engine].generated, engines.embedded.generated, 30);
      expect(r.expected).toBeGreaterThan(200);
      expect(r.recall).toBeGreaterThanOrEqual(0.98);
    }, 180_000);
  });
});
