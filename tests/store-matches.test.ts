import { describe, expect, it } from "vitest";
import { seedDemoData } from "../src/demo/seed-demo-data.js";
import type { MatchEvaluation } from "../src/matching/match-types.js";
import { storeMatches } from "../src/matching/store-matches.js";
import { createTestApp } from "./helpers/test-app.js";

const evaluation = (vacancyId: string, candidateId: string, score: number): MatchEvaluation => ({
  vacancyId,
  candidateId,
  score,
  components: [],
  exclusions: [],
  distanceKm: null,
  mustHaveCoverage: null,
  matchedCompetences: [],
  missingCompetences: [],
  congrua: null,
  reasons: [],
});

describe("storing match results", () => {
  it("stores thousands of pairs at once, and a second run keeps when each was first seen and tells the score before", async () => {
    const t = await createTestApp();
    try {
      await seedDemoData(t.ctx, { seed: 2026 });
      const [vacancy, people] = await Promise.all([
        t.ctx.db.vacancy.findFirstOrThrow({ select: { id: true } }),
        t.ctx.db.candidate.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
      ]);
      // More pairs than any one statement may bind: a person rematched against every open vacancy stores as many.
      expect(people.length).toBeGreaterThan(2_500);
      const first = new Date("2026-12-01T02:30:00Z");
      const run = (score: number, at: Date, drop: string[] = []) =>
        storeMatches(
          t.ctx.db,
          people.filter((p) => !drop.includes(p.id)).map((p) => ({ evaluation: evaluation(vacancy.id, p.id, score), qualified: false, tutorId: null })),
          drop.map((id) => ({ vacancyId: vacancy.id, candidateId: id })),
          "test",
          at,
        );
      expect(await run(50, first)).toEqual({ stored: people.length, newMatches: people.length, improved: 0, dropped: 0 });
      const dropped = people.slice(0, 700).map((p) => p.id);
      expect(await run(60, new Date("2026-12-02T02:30:00Z"), dropped)).toEqual({ stored: people.length - 700, newMatches: 0, improved: people.length - 700, dropped: 700 });
      const stored = await t.ctx.db.matchResult.findMany({ where: { vacancyId: vacancy.id } });
      expect(stored).toHaveLength(people.length - 700);
      expect(stored.every((r) => r.score === 60 && r.previousScore === 50 && r.firstSeenAt.getTime() === first.getTime())).toBe(true);
    } finally {
      await t.close();
    }
  }, 120_000);
});
