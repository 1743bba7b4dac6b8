import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { seedDemoData } from "../src/demo/seed-demo-data.js";
import { findVacancy } from "../src/vacancies/vacancy-repository.js";
import { rankVacancy } from "../src/matching/rank-vacancy-candidates.js";

/**
 * Retrieval must not drop strong candidates: for each vacancy, the 15 best qualified people of a full
 * scan of everyone must be found by the indexed retrieval too (recall ≥ 0.98 over all vacancies).
 */
async function recall(t: TestApp, sample: number) {
  const open = await t.ctx.db.vacancy.findMany({ where: { status: { in: ["open", "in_preselection"] } }, orderBy: { id: "asc" }, select: { id: true } });
  const step = Math.max(1, Math.floor(open.length / sample));
  const picked = open.filter((_, i) => i % step === 0).slice(0, sample);
  let expected = 0;
  let found = 0;
  const today = new Date("2026-11-23T00:00:00Z");
  for (const { id } of picked) {
    const vacancy = await findVacancy(t.ctx.db, id);
    const top = (r: Awaited<ReturnType<typeof rankVacancy>>) => r.ranked.filter((m) => m.qualified).slice(0, 15).map((m) => m.candidateId);
    const full = new Set(top(await rankVacancy(t.ctx, vacancy, { scan: "full", today })));
    const retrieved = new Set(top(await rankVacancy(t.ctx, vacancy, { today })));
    expected += full.size;
    found += [...full].filter((c) => retrieved.has(c)).length;
  }
  return { vacancies: picked.length, expected, recall: expected === 0 ? 1 : found / expected };
}

describe("retrieval recall against a full scan", () => {
  let demo: TestApp;
  let generated: TestApp;
  beforeAll(async () => {
    demo = await createTestApp();
    await seedDemoData(demo.ctx, { seed: 2026 });
    generated = await createTestApp();
    await seedDemoData(generated.ctx, { seed: 7, vacancies: 150, candidates: 10_000 });
  }, 180_000);
  afterAll(async () => {
    await demo.close();
    await generated.close();
  });

  it("keeps ≥ 98% of the full scan's top 15 on the demo data", async () => {
    const r = await recall(demo, 60);
    expect(r.expected).toBeGreaterThan(300);
    expect(r.recall).toBeGreaterThanOrEqual(0.98);
  }, 180_000);

  it("keeps ≥ 98% of the full scan's top 15 on generated data with 10,000 people", async () => {
    const r = await recall(generated, 30);
    expect(r.expected).toBeGreaterThan(200);
    expect(r.recall).toBeGreaterThanOrEqual(0.98);
  }, 180_000);
});
