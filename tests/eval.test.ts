import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runEvaluation, type EvalReport } from "../eval/evaluate.js";
import { CASES_DIR, EvalSetError, readEvalSet } from "../eval/load-eval-set.js";
import { dcgAt, gain, mustHaveRecall, ndcgAt, precisionAt, violationsAt } from "../eval/metrics.js";

/**
 * Floors set just under what was measured (eval/RESULTS.md): measured − 0.02, rounded down to two
 * decimals; raise them when matching improves, never lower them to hide a regression.
 * The base batch (v01–v14), on which the first floors were set (2026-11-23: nDCG@15 0.911, P@15 0.937),
 * measured on 2026-12-01 nDCG@15 0.934 and P@15 0.902: related competence concepts now earn partial
 * credit (issue 10 §1), so short lists take in weak but relevant people (grade 1) at their tail. The
 * nDCG floor rises with it; the precision floor follows the measure, a trade-off stated, not hidden.
 * The whole set (38 vacancies) measured nDCG@15 0.886 and P@15 0.883.
 */
const BASE_NDCG_FLOOR = 0.91;
const BASE_PRECISION_FLOOR = 0.88;
const NDCG_FLOOR = 0.86;
const PRECISION_FLOOR = 0.86;
/**
 * Floors of the metrics added with the "families" batch (eval/cases/v15–v38), measured on 2026-12-01 on
 * the whole set (38 vacancies): nDCG@15 of the full ranking 0.946, must-have holders called qualified
 * 0.836 (184 of 220); after the competence concepts and the occupations' implied competences 0.948 and
 * 0.895 (204 of 228). Same rule: measured − 0.02, rounded down; raise them, never lower them.
 */
const FULL_NDCG_FLOOR = 0.92;
const MUST_HAVE_RECALL_FLOOR = 0.87;

describe("evaluation metrics", () => {
  it("gain is 2^g − 1", () => {
    expect([0, 1, 2, 3].map(gain)).toEqual([0, 1, 3, 7]);
  });

  it("DCG discounts by log2(rank + 1)", () => {
    // 7/1 + 3/log2(3) + 0/2 + 1/log2(5)
    expect(dcgAt([3, 2, 0, 1], 15)).toBeCloseTo(7 + 3 / Math.log2(3) + 1 / Math.log2(5), 10);
    expect(dcgAt([3, 2, 0, 1], 1)).toBe(7);
    expect(dcgAt([], 15)).toBe(0);
  });

  it("nDCG is 1 for the ideal order and compares with the ideal of the whole pool", () => {
    expect(ndcgAt([3, 2, 1], [1, 3, 2])).toBeCloseTo(1, 10);
    // Ranked [2, 3]; pool also holds a 3 nobody ranked: ideal is [3, 3, 2].
    const ideal = 7 + 7 / Math.log2(3) + 3 / 2;
    expect(ndcgAt([2, 3], [3, 3, 2])).toBeCloseTo((3 + 7 / Math.log2(3)) / ideal, 10);
    // Unlabelled people are passed as 0: they take a slot and earn nothing.
    expect(ndcgAt([0, 3], [3])).toBeCloseTo(7 / Math.log2(3) / 7, 10);
    expect(ndcgAt([0, 0], [0, 0])).toBe(1);
  });

  it("nDCG@k only looks at the first k", () => {
    const ranked = [0, 0, 3];
    expect(ndcgAt(ranked, [3], 2)).toBe(0);
    expect(ndcgAt(ranked, [3], 3)).toBeCloseTo(7 / 2 / 7, 10);
  });

  it("precision counts grade ≥ 2 over min(k, people ranked)", () => {
    expect(precisionAt([3, 2, 1, 0], 15)).toBe(0.5);
    expect(precisionAt([3, 2, 1, 0], 2)).toBe(1);
    expect(precisionAt([1], 15)).toBe(0);
    expect(precisionAt([], 15)).toBe(0);
  });

  it("must-have recall counts holders without a violation, and who of them qualifies", () => {
    const r = mustHaveRecall([
      { holdsMustHaves: true, qualified: true },
      { holdsMustHaves: true, qualified: false },
      { holdsMustHaves: true, violates: "not_available", qualified: false },
      { holdsMustHaves: false, qualified: true },
      { qualified: true },
    ]);
    expect(r).toEqual({ holders: 2, qualified: 1, share: 0.5 });
    expect(mustHaveRecall([{ holdsMustHaves: false, qualified: false }]).share).toBeNull();
  });

  it("violations count the listed pairs whose label records one, within k", () => {
    expect(violationsAt([null, "beyond_travel", undefined, "missing_licence"], 15)).toBe(2);
    expect(violationsAt([null, "beyond_travel", undefined, "missing_licence"], 3)).toBe(1);
  });
});

describe("evaluation set files", () => {
  it("reads and validates every case file", () => {
    const set = readEvalSet();
    expect(set.vacancies.length).toBeGreaterThanOrEqual(12);
    for (const v of set.vacancies) expect(v.pool.length).toBeGreaterThanOrEqual(12);
  });

  it("reads the people of every people file and spans many occupation families", () => {
    const set = readEvalSet();
    const families = set.vacancies.filter((v) => v.batch === "families");
    expect(families.length).toBeGreaterThanOrEqual(15);
    expect(new Set(families.map((v) => v.family)).size).toBe(families.length);
    const keys = new Set(set.people.map((p) => p.key));
    for (const v of families) for (const l of v.pool) expect(keys.has(l.person)).toBe(true);
    for (const v of families) expect(v.pool.every((l) => l.holdsMustHaves !== undefined)).toBe(true);
  });

  it("fails loudly on a bad file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-eval-bad-"));
    try {
      fs.copyFileSync(path.join(CASES_DIR, "people.json"), path.join(dir, "people.json"));
      const good = JSON.parse(fs.readFileSync(path.join(CASES_DIR, "v01-magazziniere-settimo.json"), "utf8"));
      good.pool[0].grade = 4;
      fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(good));
      expect(() => readEvalSet(dir)).toThrow(EvalSetError);
      good.pool[0].grade = 3;
      good.pool[0].person = "nobody";
      fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(good));
      expect(() => readEvalSet(dir)).toThrow(/persona sconosciuta/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("matching against the labelled set", () => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await runEvaluation();
  }, 60_000);

  it("puts no pair that breaks a hard constraint on any list", () => {
    const listed = report.results.flatMap((r) => r.list.filter((e) => e.violates).map((e) => `${r.key}: ${e.key} (${e.violates})`));
    expect(listed).toEqual([]);
    expect(report.violations).toBe(0);
  });

  it(`keeps mean nDCG@15 ≥ ${NDCG_FLOOR} and P@15 ≥ ${PRECISION_FLOOR} on the whole set, ≥ ${BASE_NDCG_FLOOR} and ≥ ${BASE_PRECISION_FLOOR} on the base batch`, () => {
    expect(report.meanNdcg).toBeGreaterThanOrEqual(NDCG_FLOOR);
    expect(report.meanPrecision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
    const base = report.batches.find((b) => b.batch === "base")!.summary;
    expect(base.meanNdcg).toBeGreaterThanOrEqual(BASE_NDCG_FLOOR);
    expect(base.meanPrecision).toBeGreaterThanOrEqual(BASE_PRECISION_FLOOR);
  });

  it("scores the qualified list apart from the full ranking, batch by batch", () => {
    for (const r of report.results) {
      expect(r.list.length).toBeLessThanOrEqual(r.cap);
      // The list is the qualified people only: every labelled person on it is one the service calls qualified.
      const qualifies = new Map(r.pairs.map((p) => [p.key, p.qualifies]));
      for (const e of r.list) if (e.labelled) expect(qualifies.get(e.key!), `${r.key}: ${e.key}`).toBe(true);
    }
    expect(report.batches.map((b) => b.batch).sort()).toEqual(["base", "families"]);
    expect(new Set(report.results.map((r) => r.region)).size).toBeGreaterThanOrEqual(4);
    expect(report.batches.reduce((s, b) => s + b.summary.vacancies, 0)).toBe(report.vacancies);
  });

  it(`keeps mean nDCG@15 of the full ranking ≥ ${FULL_NDCG_FLOOR}`, () => {
    expect(report.meanFullNdcg).toBeGreaterThanOrEqual(FULL_NDCG_FLOOR);
  });

  it(`calls qualified ≥ ${MUST_HAVE_RECALL_FLOOR} of the people who hold every must-have and break no constraint`, () => {
    expect(report.mustHaveRecall.holders).toBeGreaterThanOrEqual(100);
    expect(report.mustHaveRecall.share).not.toBeNull();
    expect(report.mustHaveRecall.share!).toBeGreaterThanOrEqual(MUST_HAVE_RECALL_FLOOR);
  });
});
