/** Helpers shared by the parts of `npm run bench` (showcase search, candidate lists). */
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import v8 from "node:v8";
import { progressBar } from "../src/cli/progress.js";
import type { AppContext } from "../src/context.js";
import type { Territory } from "../src/demo/territory.js";
import type { DemoVacancy } from "../src/demo/vacancy-generator.js";
import { writeVacancies } from "../src/demo/write-demo-data.js";
import { rebuildIndex } from "../src/indexing/rebuild-index.js";

export { progressBar };

/** Rows per transaction on the direct (seed) write path. */
export const WRITE_BATCH = 1000;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
export const fmt = (n: number) => n.toLocaleString("it-IT");
export const mib = (bytes: number) => Math.round(bytes / 1024 ** 2);
export const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
export const nowIso = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: mean(sorted),
  };
}

/** The commit measured, and whether src/ had local changes then (other people edit it while a run lasts). */
export function codeVersion(): string {
  try {
    const commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    const dirty = execSync("git status --porcelain -- src", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim().length > 0;
    return `commit ${commit}${dirty ? " con modifiche locali in src/" : ""} (all'avvio, quando i moduli vengono caricati)`;
  } catch {
    return "sconosciuto (git non disponibile)";
  }
}

export function machine() {
  const cpu = fs.readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "?";
  let nproc = String(os.availableParallelism());
  try {
    nproc = execSync("nproc").toString().trim();
  } catch {
    // os.availableParallelism() is the same figure where nproc is missing.
  }
  return { nproc, cpu, memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1), node: process.version, platform: `${os.type()} ${os.release()}` };
}

export async function inTransactions<T>(items: T[], label: string, write: (batch: T[]) => Promise<void>): Promise<number> {
  const bar = progressBar(label, items.length);
  const started = performance.now();
  for (let i = 0; i < items.length; i += WRITE_BATCH) {
    await write(items.slice(i, i + WRITE_BATCH));
    bar.update(Math.min(i + WRITE_BATCH, items.length));
  }
  bar.stop();
  return performance.now() - started;
}

/**
 * The seed's path for vacancies: rows in batched transactions (demo offers append no events), then a
 * rebuild of the vacancy index, as seedDemoData does. The time covers both.
 */
export async function writeIndexedVacancies(ctx: AppContext, vacancies: DemoVacancy[], territory: Territory): Promise<number> {
  const started = performance.now();
  await inTransactions(vacancies, "Inserimento offerte", (batch) => ctx.db.$transaction((tx) => writeVacancies(tx, batch, territory), { timeout: 600_000 }));
  await rebuildIndex(ctx, ["vacancies"]);
  return performance.now() - started;
}

export function generate<T>(label: string, count: number, make: (i: number) => T): { items: T[]; ms: number } {
  const bar = progressBar(label, count);
  const started = performance.now();
  const items: T[] = [];
  for (let i = 0; i < count; i++) {
    items.push(make(i));
    if (i % 1000 === 999) bar.update(i + 1);
  }
  bar.update(count);
  bar.stop();
  return { items, ms: performance.now() - started };
}

/** Memory at the end of a phase: peak RSS so far (monotonic), heap now, and the highest heap seen by the sampler. */
export interface MemorySnapshot {
  phase: string;
  maxRssKiB: number;
  heapUsedMiB: number;
  heapPeakMiB: number;
  heapLimitMiB: number;
}

/**
 * Samples the heap every 250 ms (and whenever `touch` is called, e.g. after each ranking) so a phase's
 * highest heap is known, not only the heap at its end. Synchronous stretches longer than 250 ms are
 * covered by the `touch` right after them.
 */
export class MemoryTracker {
  readonly snapshots: MemorySnapshot[] = [];
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.touch(), 250);
    this.timer.unref();
  }

  touch(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  }

  /** Ends a phase: records it and starts the next phase's heap peak from the current heap. */
  phase(name: string): MemorySnapshot {
    this.touch();
    const snap: MemorySnapshot = {
      phase: name,
      maxRssKiB: process.resourceUsage().maxRSS,
      heapUsedMiB: mib(process.memoryUsage().heapUsed),
      heapPeakMiB: mib(this.peak),
      heapLimitMiB: mib(v8.getHeapStatistics().heap_size_limit),
    };
    this.snapshots.push(snap);
    (globalThis as { gc?: () => void }).gc?.();
    this.peak = process.memoryUsage().heapUsed;
    return snap;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Heading that starts the candidate-list part of bench/RESULTS.md; everything before it is the showcase part. */
export const MATCHING_HEADING = "## Rose di candidati";
/** Heading of the hardening part (bench/hardening.ts), after the other two. */
export const HARDENING_HEADING = "## Robustezza";

/** Heading of the engines part (bench/engines.ts): embedded index and Meilisearch side by side. */
export const ENGINES_HEADING = "## Motori di ricerca a confronto";

/** Heading of the rematch part (bench/rematch.ts): the nightly pass and the rematch of changes. */
export const REMATCH_HEADING = "## Rimatch delle offerte aperte";

/** Heading of the PostgreSQL part (bench/postgres.ts): SQLite and PostgreSQL, one and two processes. */
export const POSTGRES_HEADING = "## PostgreSQL e più processi";

export type ResultParts = { showcase?: string; matching?: string; hardening?: string; engines?: string; rematch?: string; postgres?: string };

/**
 * Replaces the parts of bench/RESULTS.md that were run and keeps the others, so `--only matching` does not
 * wipe the showcase figures and a showcase-only run does not wipe the list-building ones.
 */
export function mergeResults(existing: string, part: ResultParts): string {
  const headings: [keyof ResultParts, string][] = [
    ["matching", MATCHING_HEADING],
    ["hardening", HARDENING_HEADING],
    ["engines", ENGINES_HEADING],
    ["rematch", REMATCH_HEADING],
    ["postgres", POSTGRES_HEADING],
  ];
  const starts = headings
    .map(([key, heading]) => ({ key, at: existing.search(new RegExp(`^${heading}`, "m")) }))
    .filter((h) => h.at >= 0)
    .sort((a, b) => a.at - b.at);
  const old: ResultParts = { showcase: existing.slice(0, starts[0]?.at ?? existing.length) };
  starts.forEach((h, i) => (old[h.key] = existing.slice(h.at, starts[i + 1]?.at ?? existing.length)));
  return `${(["showcase", "matching", "hardening", "engines", "rematch", "postgres"] as const)
    .map((key) => (part[key] ?? old[key] ?? "").trimEnd())
    .filter((text) => text.length > 0)
    .join("\n\n")}\n`;
}
