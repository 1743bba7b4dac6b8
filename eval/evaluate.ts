/**
 * The matching evaluation, shared by `npm run eval` (eval/run.ts) and tests/eval.test.ts: a temporary
 * database, the labelled set loaded through the use-cases, every vacancy ranked as a list would be built
 * (rankCandidatesForVacancy with the vacancy's cap: the qualified people a referent would send), the full
 * ranking beside it (everyone passing the hard constraints, qualified or not), and the metrics of
 * eval/metrics.ts. Each labelled
 * pair is also scored on its own (evaluateMatch) so the report can say why a person is missing or
 * present: the score components and the exclusions, as the service gives them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createContext } from "../src/bootstrap.js";
import { findCandidate } from "../src/candidates/candidate-repository.js";
import { findComune } from "../src/geo/comune-lookup.js";
import { loadEnv } from "../src/config/env.js";
import type { AppContext } from "../src/context.js";
import { createLogger } from "../src/logging/logger.js";
import { candidateFacts } from "../src/matching/build-facts.js";
import { rarityWeights } from "../src/matching/competence-rarity.js";
import { evaluateMatch } from "../src/matching/evaluate-match.js";
import { isQualified, prepareOffer, rankCandidatesForVacancy, rankVacancy } from "../src/matching/rank-vacancy-candidates.js";
import { CASES_DIR, loadEvalSet, readEvalSet, type EvalLabel, type LoadedEvalSet } from "./load-eval-set.js";
import { CUTOFF, mean, mustHaveRecall, ndcgAt, precisionAt, violationsAt } from "./metrics.js";

export interface EvalContext {
  ctx: AppContext;
  databasePath: string;
  close(): Promise<void>;
}

/** A fresh migrated SQLite file with the reference data, in a temporary folder (never ./data). */
export async function createEvalContext(): Promise<EvalContext> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-eval-"));
  const databasePath = path.join(dir, "eval.db");
  const env = loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "test", LOG_LEVEL: "silent", DEMO_DATA: "false", SCHEDULER: "false" });
  const ctx = await createContext(env, createLogger(env));
  return {
    ctx,
    databasePath,
    close: async () => {
      await ctx.db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ListedEntry {
  rank: number;
  candidateId: string;
  /** Null for a person of the database no case file labels for this vacancy (counted as grade 0). */
  key: string | null;
  labelled: boolean;
  grade: number;
  violates: string | null;
  case: string | null;
  score: number;
  reasons: string[];
}

/** One labelled pair, scored on its own whatever the retrieval did. */
export interface PairDiagnosis {
  key: string;
  label: EvalLabel;
  score: number;
  /** Exclusion codes of the hard constraints, as the service computes them. */
  exclusions: string[];
  /** No exclusion and qualified as the service decides it (isQualified): may go on the list. */
  qualifies: boolean;
  /** Share of the must-have competences the service finds covered (null when the offer lists none). */
  mustHaveCoverage: number | null;
  /** Rank in the list sent to the employer (top cap qualified), or null. */
  listRank: number | null;
  /** Rank in the full ranking (retrieved and passing the constraints), or null. */
  rankedPosition: number | null;
  distanceKm: number | null;
  reasons: string[];
}

export interface MustHaveRecall {
  holders: number;
  qualified: number;
  share: number | null;
}

export interface VacancyResult {
  key: string;
  batch: string;
  family: string | null;
  profile: string;
  comune: string;
  region: string;
  cap: number;
  poolSize: number;
  qualifiedCount: number;
  list: ListedEntry[];
  /** nDCG@15 of the qualified list (what a referent sends). */
  ndcg: number;
  /** nDCG@15 of the full ranking: the first 15 passing the hard constraints, qualified or not. */
  ndcgFull: number;
  precision: number;
  violations: number;
  mustHaveRecall: MustHaveRecall;
  pairs: PairDiagnosis[];
}

/** Means over a group of vacancies (a batch, or the whole set). */
export interface Summary {
  vacancies: number;
  meanNdcg: number;
  meanFullNdcg: number;
  meanPrecision: number;
  violations: number;
  mustHaveRecall: MustHaveRecall;
}

export interface EvalReport {
  ranAt: Date;
  vacancies: number;
  people: number;
  labelledPairs: number;
  qualifyingScore: number;
  results: VacancyResult[];
  meanNdcg: number;
  meanFullNdcg: number;
  meanPrecision: number;
  violations: number;
  mustHaveRecall: MustHaveRecall;
  batches: { batch: string; summary: Summary }[];
  durationMs: number;
}

async function evaluateVacancy(ctx: AppContext, set: LoadedEvalSet, key: string, today: Date): Promise<VacancyResult> {
  const v = set.vacancies.find((x) => x.key === key)!;
  const record = set.vacancyRecords.get(key)!;
  const labels = new Map(v.pool.map((l) => [l.person, l]));
  const list = await rankCandidatesForVacancy(ctx, record, { limit: record.shortlistCap });
  const full = await rankVacancy(ctx, record, { today });

  const entries: ListedEntry[] = list.map((r, i) => {
    const personKey = set.keyByCandidateId.get(r.candidateId) ?? null;
    const label = personKey ? labels.get(personKey) : undefined;
    return {
      rank: i + 1,
      candidateId: r.candidateId,
      key: personKey,
      labelled: label !== undefined,
      grade: label?.grade ?? 0,
      violates: label?.violates ?? null,
      case: label?.case ?? null,
      score: r.score,
      reasons: r.reasons,
    };
  });

  // Every labelled pair on its own, as the service scores it.
  const offer = prepareOffer(record);
  const rarity = await rarityWeights(ctx.index, [...offer.facts.mustHave, ...offer.facts.niceToHave]);
  const matchCtx = { today, cfg: ctx.matching, rarity, onVacancyList: () => false };
  const listRank = new Map(entries.map((e) => [e.candidateId, e.rank]));
  const rankedPosition = new Map(full.ranked.map((r) => [r.candidateId, r.rank]));
  const pairs: PairDiagnosis[] = [];
  for (const label of v.pool) {
    const id = set.candidateIdByKey.get(label.person)!;
    const facts = candidateFacts(await findCandidate(ctx.db, id));
    const e = evaluateMatch(offer, facts, null, matchCtx);
    pairs.push({
      key: label.person,
      label,
      score: e.score,
      exclusions: e.exclusions.map((x) => x.code),
      qualifies: e.exclusions.length === 0 && isQualified(e, ctx.matching.qualifyingScore),
      mustHaveCoverage: e.mustHaveCoverage,
      listRank: listRank.get(id) ?? null,
      rankedPosition: rankedPosition.get(id) ?? null,
      distanceKm: e.distanceKm,
      reasons: e.reasons,
    });
  }

  const grades = entries.map((e) => e.grade);
  const gradeOf = (candidateId: string) => {
    const k = set.keyByCandidateId.get(candidateId);
    return (k ? labels.get(k)?.grade : undefined) ?? 0;
  };
  const workplace = record.workplace ? await findComune(ctx.db, record.workplace.istatCode) : null;
  return {
    key,
    batch: v.batch,
    family: v.family,
    profile: record.requestedProfile,
    comune: record.workplace?.name ?? "?",
    region: workplace?.regionName ?? "?",
    cap: record.shortlistCap,
    poolSize: v.pool.length,
    qualifiedCount: full.qualifiedCount,
    list: entries,
    ndcg: ndcgAt(grades, v.pool.map((l) => l.grade), CUTOFF),
    ndcgFull: ndcgAt(full.ranked.slice(0, CUTOFF).map((r) => gradeOf(r.candidateId)), v.pool.map((l) => l.grade), CUTOFF),
    precision: precisionAt(grades, CUTOFF),
    violations: violationsAt(entries.map((e) => e.violates), CUTOFF),
    mustHaveRecall: mustHaveRecall(pairs.map((p) => ({ holdsMustHaves: p.label.holdsMustHaves, violates: p.label.violates, qualified: p.qualifies }))),
    pairs,
  };
}

export function summarize(results: readonly VacancyResult[]): Summary {
  const holders = results.reduce((s, r) => s + r.mustHaveRecall.holders, 0);
  const qualified = results.reduce((s, r) => s + r.mustHaveRecall.qualified, 0);
  return {
    vacancies: results.length,
    meanNdcg: mean(results.map((r) => r.ndcg)),
    meanFullNdcg: mean(results.map((r) => r.ndcgFull)),
    meanPrecision: mean(results.map((r) => r.precision)),
    violations: results.reduce((s, r) => s + r.violations, 0),
    mustHaveRecall: { holders, qualified, share: holders === 0 ? null : qualified / holders },
  };
}

/** Runs the whole evaluation on a temporary database and removes it afterwards. */
export async function runEvaluation(options: { casesDir?: string } = {}): Promise<EvalReport> {
  const started = performance.now();
  const set = readEvalSet(options.casesDir ?? CASES_DIR);
  const ec = await createEvalContext();
  try {
    const loaded = await loadEvalSet(ec.ctx, set);
    const today = new Date();
    const results: VacancyResult[] = [];
    for (const v of set.vacancies) results.push(await evaluateVacancy(ec.ctx, loaded, v.key, today));
    const { vacancies: _n, ...all } = summarize(results);
    const batchNames = [...new Set(results.map((r) => r.batch))];
    return {
      ranAt: today,
      vacancies: set.vacancies.length,
      people: set.people.length,
      labelledPairs: set.labelledPairs,
      qualifyingScore: ec.ctx.matching.qualifyingScore,
      results,
      ...all,
      batches: batchNames.map((batch) => ({ batch, summary: summarize(results.filter((r) => r.batch === batch)) })),
      durationMs: performance.now() - started,
    };
  } finally {
    await ec.close();
  }
}
