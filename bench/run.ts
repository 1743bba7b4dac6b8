/**
 * `npm run bench [-- --quick] [-- --only showcase|matching|hardening|engines|rematch|postgres] [-- --seed N] [-- --keep]
 *   [-- --people N --vacancies M]`: builds data at scale
 * from the demo generator in temporary databases (never ./data) and measures
 *   1. showcase (bench/showcase.ts): the import rate of job seekers through the real import path, plus the
 *      seed's direct batched insert path, and showcase search latency through searchVacancies;
 *   2. matching (bench/matching.ts): list building ("rose di candidati") at 100,000 and 1,000,000 job
 *      seekers — rankVacancy latency on the production path, the naive full scan for comparison (speed-up,
 *      recall), where the time goes, and memory per phase.
 *   3. hardening (bench/hardening.ts): the probe of issue 6 on real processes (two writers, an import over
 *      HTTP beside other requests, an inflating spreadsheet, malformed uploads).
 *   4. engines (bench/engines.ts): the embedded index and a real Meilisearch side by side over one store —
 *      indexing rate, showcase search over 50,000 vacancies, list building at 100,000 people, and how fast a
 *      backlog of 100,000 index updates drains.
 *   5. rematch (bench/rematch.ts): the nightly rematch of 10,000 open vacancies against 1,000,000 people
 *      (time, peak memory), then the rematch of changes after 1% of the people changed; --people and
 *      --vacancies set other sizes for this part only (the report says they are not the issue's).
 *   6. postgres (bench/postgres.ts): write throughput and list building on SQLite and on PostgreSQL with
 *      Meilisearch, with one and with two service processes.
 * --quick uses small sizes (matching: 10k and 30k people) and only prints; the full run writes its parts of
 * bench/RESULTS.md, keeping the other part's section when run with --only.
 *
 * The full scan at 1M people holds every payload in memory at once: the matching part re-runs itself with a
 * larger heap (--max-old-space-size) and --expose-gc (to read each phase's heap after a collection).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { mergeResults, type ResultParts } from "./common.js";
import { runEnginesBench } from "./engines.js";
import { runHardeningBench } from "./hardening.js";
import { runMatchingBench } from "./matching.js";
import { runPostgresBench } from "./postgres.js";
import { runRematchBench } from "./rematch.js";
import { runShowcaseBench, type BenchOptions } from "./showcase.js";

const HEAP_MIB = 16_384;
const CHILD_FLAG = "VETRINA_BENCH_CHILD";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    seed: { type: "string" },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
    people: { type: "string" },
    vacancies: { type: "string" },
  },
});
const only = args.only;
const PARTS = ["showcase", "matching", "hardening", "engines", "rematch", "postgres"] as const;
if (only !== undefined && !(PARTS as readonly string[]).includes(only)) {
  console.error(`--only: ${PARTS.map((p) => `"${p}"`).join(", ")}, non "${only}"`);
  process.exit(2);
}
const parts = Object.fromEntries(PARTS.map((p) => [p, only === undefined || only === p])) as Record<(typeof PARTS)[number], boolean>;
const quick = args.quick ?? false;
const sizeArg = (name: "people" | "vacancies"): number | undefined => {
  const raw = args[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name}: un intero positivo, non "${raw}"`);
    process.exit(2);
  }
  return n;
};
const rematchSizes = { people: sizeArg("people"), vacancies: sizeArg("vacancies") };
const seed = args.seed ? Number(args.seed) : 2026;
const flags = [
  quick ? "--quick" : "",
  only ? `--only ${only}` : "",
  args.seed ? `--seed ${seed}` : "",
  args.people ? `--people ${args.people}` : "",
  args.vacancies ? `--vacancies ${args.vacancies}` : "",
].filter(Boolean);
const command = ["npm run bench", ...(flags.length ? ["--", ...flags] : [])].join(" ");
const opts: BenchOptions = { quick, seed, keep: args.keep ?? false, command };

/** Re-runs this script with a larger heap when a part at a million people is wanted and the heap is the default one. */
function needsBiggerHeap(): boolean {
  return (parts.matching || parts.rematch) && !process.env[CHILD_FLAG] && v8.getHeapStatistics().heap_size_limit < (HEAP_MIB / 2) * 1024 ** 2;
}

async function main(): Promise<number> {
  if (needsBiggerHeap()) {
    const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, "--expose-gc", ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, [CHILD_FLAG]: "1" },
    });
    if (child.error) throw child.error;
    return child.status ?? 1;
  }
  const out = fileURLToPath(new URL("./RESULTS.md", import.meta.url));
  const write = (part: ResultParts) => {
    if (quick) return;
    const existing = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
    fs.writeFileSync(out, mergeResults(existing, part));
    console.error(`Scritto ${out}`);
  };
  const runners: Record<(typeof PARTS)[number], (o: BenchOptions) => Promise<{ report: string; ok: boolean }>> = {
    showcase: runShowcaseBench,
    matching: runMatchingBench,
    hardening: runHardeningBench,
    engines: runEnginesBench,
    rematch: (o) => runRematchBench(o, rematchSizes),
    postgres: runPostgresBench,
  };
  let ok = true;
  for (const part of PARTS.filter((p) => parts[p])) {
    const result = await runners[part](opts);
    console.log(`\n${result.report}`);
    write({ [part]: result.report });
    ok &&= result.ok;
  }
  if (quick) console.error("(--quick: bench/RESULTS.md non aggiornato)");
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
