import type { AppContext } from "../context.js";
import { progressBar } from "../cli/progress.js";
import { rebuildIndex } from "../indexing/rebuild-index.js";
import { startJobRun } from "../jobs/job-run.js";
import { generateDemoDataset, DEMO_SIZES } from "./demo-dataset.js";
import { writeBase, writeCandidates, writeVacancies } from "./write-demo-data.js";
import { demoCpis } from "./demo-region.js";

export interface SeedOptions {
  seed: number;
  vacancies?: number;
  candidates?: number;
  /** Reference day of the dates; today by default. */
  today?: Date;
  /** The region to populate (name or ISTAT code); DEMO_REGION by default, the seeded CPIs' regions without it. */
  region?: string;
}

export interface SeedResult {
  seeded: boolean;
  /** Why nothing was written, in Italian. */
  reason?: string;
  seed: number;
  counts: { users: number; employers: number; vacancies: number; candidates: number };
  /** The region named by DEMO_REGION, and whether its provisional CPIs were created for it. */
  region?: { code: string; name: string; cpis: number; provisional: boolean };
  generationMs: number;
  totalMs: number;
  jobRunId?: string;
}

const BATCH = 500;
const EMPTY = { users: 0, employers: 0, vacancies: 0, candidates: 0 };

/**
 * Fills an empty store with the demo region: staff per CPI, employers, about 300 vacancies and 3,000
 * people, all derived from the seed. Everything is written in one transaction (all or nothing), in
 * multi-row batches, with the index rows alongside; the run is recorded as a "seed" job.
 */
export async function seedDemoData(ctx: AppContext, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const [vacancyCount, candidateCount] = await Promise.all([ctx.db.vacancy.count(), ctx.db.candidate.count()]);
  if (vacancyCount > 0 || candidateCount > 0) {
    return {
      seeded: false,
      reason: `L'archivio contiene già ${vacancyCount} offerte e ${candidateCount} persone: i dati dimostrativi si caricano solo in un archivio vuoto.`,
      seed: options.seed,
      counts: EMPTY,
      generationMs: 0,
      totalMs: 0,
    };
  }
  const job = await startJobRun(ctx.db, "seed", `demo seed ${options.seed}`, null);
  try {
    const place = await demoCpis(ctx.db, options.region ?? ctx.env.DEMO_REGION);
    const dataset = generateDemoDataset({
      cpis: place.cpis,
      catchment: place.catchment,
      seed: options.seed,
      vacancies: options.vacancies ?? DEMO_SIZES.vacancies,
      candidates: options.candidates ?? DEMO_SIZES.candidates,
      today: options.today,
    });
    const generationMs = performance.now() - started;
    const counts = {
      users: dataset.users.length,
      employers: dataset.employers.length,
      vacancies: dataset.vacancies.length,
      candidates: dataset.candidates.length,
    };
    const bar = progressBar("Dati dimostrativi", counts.vacancies + counts.candidates);
    try {
      await ctx.db.$transaction(
        async (tx) => {
          await writeBase(tx, dataset);
          for (let i = 0; i < dataset.vacancies.length; i += BATCH) {
            await writeVacancies(tx, dataset.vacancies.slice(i, i + BATCH), dataset.territory);
            bar.update(Math.min(i + BATCH, counts.vacancies));
          }
          for (let i = 0; i < dataset.candidates.length; i += BATCH) {
            await writeCandidates(ctx, tx, dataset.candidates.slice(i, i + BATCH), dataset.territory);
            bar.update(counts.vacancies + Math.min(i + BATCH, counts.candidates));
          }
        },
        { timeout: 30 * 60_000, maxWait: 60_000 },
      );
    } finally {
      bar.stop();
    }
    // People reached the index through their events; the demo offers, written without events, now.
    await rebuildIndex(ctx, ["vacancies"]);
    const totalMs = performance.now() - started;
    await job.finish("succeeded", { ...counts, seed: options.seed, ms: Math.round(totalMs) });
    const region = place.region && { ...place.region, cpis: place.cpis.length, provisional: place.createdProvisional };
    return { seeded: true, seed: options.seed, counts, generationMs, totalMs, jobRunId: job.id, ...(region ? { region } : {}) };
  } catch (err) {
    await job.finish("failed", {}, { error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}
