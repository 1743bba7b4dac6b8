/**
 * Showcase part of `npm run bench`: the import rate of job seekers through the real import path (CSV
 * written by candidatesToCsv, read by importCandidates), plus the seed's direct batched insert path for
 * reference; then showcase search latency (p50/p95) through searchVacancies, for queries combining text,
 * filters and "near comune within K km", drawn from the generator's vocabulary. Build time is excluded.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { SYSTEM_ACTOR } from "../src/auth/actor.js";
import { createContext } from "../src/bootstrap.js";
import { loadEnv } from "../src/config/env.js";
import type { AppContext } from "../src/context.js";
import { defaultEmployerCount, generateDemoBase, personGenerator, vacancyGenerator, type DemoBase } from "../src/demo/demo-dataset.js";
import type { DemoCandidate } from "../src/demo/person-generator.js";
import type { DemoVacancy } from "../src/demo/vacancy-generator.js";
import { SeededRandom } from "../src/demo/seeded-random.js";
import { pickArea, pickComuneNear } from "../src/demo/territory.js";
import { writeBase, writeCandidates } from "../src/demo/write-demo-data.js";
import { candidatesToCsv } from "../src/imports/candidates-csv.js";
import { importCandidates } from "../src/imports/import-candidates.js";
import { createLogger } from "../src/logging/logger.js";
import { searchVacancies } from "../src/vacancies/search-vacancies.js";
import { vacancySearchSchema, type VacancySearchInput } from "../src/vacancies/vacancy-schemas.js";
import { codeVersion, fmt, generate, inTransactions, machine, nowIso, percentile, progressBar, rate, seconds, WRITE_BATCH, writeIndexedVacancies } from "./common.js";

export const SHOWCASE_SIZES = {
  full: { importCandidates: 100_000, directCandidates: 20_000, vacancies: 50_000, queries: 300, otherQueries: 100 },
  quick: { importCandidates: 5_000, directCandidates: 2_000, vacancies: 5_000, queries: 100, otherQueries: 30 },
};

export interface BenchOptions {
  quick: boolean;
  seed: number;
  keep: boolean;
  /** The exact command line, for the report. */
  command: string;
}

interface ImportFigures {
  rows: number;
  created: number;
  rejected: number;
  csvMb: number;
  ms: number;
  /** The longest the event loop waited during the import: how long a request could have waited for the process. */
  maxLoopDelayMs: number;
  error?: string;
  firstProblems: string[];
}

async function benchImport(ctx: AppContext, base: DemoBase, people: DemoCandidate[]): Promise<ImportFigures> {
  const label = (code: string) => {
    const c = base.territory.comuneByCode.get(code);
    return c ? `${c.name} (${c.provinceAcronym})` : code;
  };
  const csv = Buffer.from(candidatesToCsv(people.map((p) => p.input), label), "utf8");
  const bar = progressBar("Import persone (CSV)", people.length);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const maxLoopDelayMs = () => Math.round(loop.max / 1e6);
  loop.enable();
  const started = performance.now();
  try {
    const { report } = await importCandidates(ctx, SYSTEM_ACTOR, { data: csv, name: "bench-persone.csv" }, { route: "bench", onProgress: (done) => bar.update(done) });
    const ms = performance.now() - started;
    const problems = report.rows
      .filter((r) => r.outcome === "rejected")
      .slice(0, 3)
      .map((r) => `riga ${r.row}: ${(r.errors ?? []).map((e) => `${e.column}: ${e.message}`).join("; ")}`);
    return { rows: report.totals.rows, created: report.totals.created, rejected: report.totals.rejected, csvMb: csv.length / 1024 ** 2, ms, maxLoopDelayMs: maxLoopDelayMs(), firstProblems: problems };
  } catch (err) {
    return { rows: people.length, created: 0, rejected: 0, csvMb: csv.length / 1024 ** 2, ms: performance.now() - started, maxLoopDelayMs: maxLoopDelayMs(), error: String(err), firstProblems: [] };
  } finally {
    loop.disable();
    bar.stop();
  }
}

/** What the query mix of showcaseLatencies is, for the reports. */
export const QUERY_MIX_NOTE =
  "Richieste: q = parola del vocabolario del generatore (\"magazziniere\", \"cuoco\", \"operatore socio sanitario\"…), " +
  "status=open, province = provincia di un CPI, nearComune = comune del suo bacino, withinKm 15/30/50; pagina da 20 con faccette, " +
  "come la rotta GET /api/v1/vacancies (senza HTTP). Le prime 10 richieste di ogni tipo scaldano la cache e non sono misurate.";

export type Shape = "testo + filtri + vicinanza" | "solo testo" | "filtri + vicinanza";

function queries(base: DemoBase, count: number, shape: Shape, rng: SeededRandom): VacancySearchInput[] {
  const curated = base.pool.families.filter((f) => !f.longTail);
  return Array.from({ length: count }, () => {
    const family = rng.weighted(curated, (f) => f.weight);
    const q = rng.chance(0.8) ? family.keyword : rng.pick([family.keyword, ...base.pool.vocabulary]);
    const area = pickArea(rng, base.territory);
    const raw: Record<string, string> = {};
    if (shape !== "filtri + vicinanza") raw.q = q;
    if (shape !== "solo testo") {
      raw.status = "open";
      raw.province = area.cpi.provinceAcronym;
      raw.nearComune = pickComuneNear(rng, area).istatCode;
      raw.withinKm = String(rng.pick([30, 30, 30, 15, 50]));
    }
    return vacancySearchSchema.parse(raw);
  });
}

export interface LatencyFigures {
  shape: Shape;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  withHits: number;
  meanTotal: number;
}

async function benchSearch(ctx: AppContext, inputs: VacancySearchInput[], shape: Shape): Promise<LatencyFigures> {
  for (const input of inputs.slice(0, 10)) await searchVacancies(ctx, SYSTEM_ACTOR, input); // warm-up, not measured
  const times: number[] = [];
  let withHits = 0;
  let totals = 0;
  const bar = progressBar(`Ricerca: ${shape}`, inputs.length);
  for (const [i, input] of inputs.entries()) {
    const t = performance.now();
    const result = await searchVacancies(ctx, SYSTEM_ACTOR, input);
    times.push(performance.now() - t);
    if (result.total > 0) withHits++;
    totals += result.total;
    bar.update(i + 1);
  }
  bar.stop();
  times.sort((a, b) => a - b);
  return {
    shape,
    queries: inputs.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? NaN,
    mean: times.reduce((s, t) => s + t, 0) / Math.max(1, times.length),
    withHits,
    meanTotal: totals / Math.max(1, inputs.length),
  };
}

/** Generates the showcase's vacancies and writes them on the seed's path (see writeIndexedVacancies). */
export async function writeShowcaseVacancies(ctx: AppContext, base: DemoBase, count: number): Promise<{ vacancies: { items: DemoVacancy[]; ms: number }; vacancyMs: number }> {
  const vg = vacancyGenerator(base);
  const vacancies = generate("Generazione offerte", count, () => vg.generate());
  const vacancyMs = await writeIndexedVacancies(ctx, vacancies.items, base.territory);
  return { vacancies, vacancyMs };
}

/**
 * The showcase query mix, the same for a given seed whatever the engine behind ctx.index: the three
 * shapes of request, each timed through searchVacancies.
 */
export async function showcaseLatencies(ctx: AppContext, base: DemoBase, seed: number, sizes: { queries: number; otherQueries: number }): Promise<LatencyFigures[]> {
  const rng = new SeededRandom(seed, "bench/queries");
  return [
    await benchSearch(ctx, queries(base, sizes.queries, "testo + filtri + vicinanza", rng), "testo + filtri + vicinanza"),
    await benchSearch(ctx, queries(base, sizes.otherQueries, "solo testo", rng), "solo testo"),
    await benchSearch(ctx, queries(base, sizes.otherQueries, "filtri + vicinanza", rng), "filtri + vicinanza"),
  ];
}

/** The project's targets for the showcase search (text + filters + near, p95) and the people import. */
const TARGET_SEARCH_P95_MS = 20;
const TARGET_IMPORT_ROWS_S = 5_000;

function showcaseTargetLine(latency: LatencyFigures[], importRate: number | null): string {
  const full = latency.find((l) => l.shape === "testo + filtri + vicinanza");
  const verdict = (ok: boolean) => (ok ? "raggiunto" : "**non raggiunto**");
  const search = full ? `p95 di testo + filtri + vicinanza ${full.p95.toFixed(1)} ms (obiettivo ${TARGET_SEARCH_P95_MS} ms: ${verdict(full.p95 <= TARGET_SEARCH_P95_MS)})` : "";
  const imports = importRate === null ? "import non riuscito" : `import ${fmt(importRate)} righe/s (obiettivo ${fmt(TARGET_IMPORT_ROWS_S)}: ${verdict(importRate >= TARGET_IMPORT_ROWS_S)})`;
  return `Obiettivi del progetto: ${[search, imports].filter(Boolean).join("; ")}.`;
}

/** Runs the showcase benchmark in a database of its own; returns the report (markdown) and whether the import worked. */
export async function runShowcaseBench(opts: BenchOptions): Promise<{ report: string; ok: boolean }> {
  const { quick, seed, command } = opts;
  const sizes = quick ? SHOWCASE_SIZES.quick : SHOWCASE_SIZES.full;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-bench-"));
  const databasePath = path.join(dir, "bench.db");
  const env = loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "development", LOG_LEVEL: "silent", DEMO_DATA: "false" });
  console.error(`Banco di prova ${quick ? "(rapido) " : ""}in ${databasePath}, seed ${seed}`);
  const code = codeVersion();
  const ctx = await createContext(env, createLogger(env));
  try {
    const base = generateDemoBase(seed, defaultEmployerCount(sizes.vacancies));
    await ctx.db.$transaction((tx) => writeBase(tx, base), { timeout: 120_000 });

    // 1. Job seekers: the real import path, then the seed's direct path on further people.
    const people = personGenerator(base);
    const total = sizes.importCandidates + sizes.directCandidates;
    const generated = generate("Generazione persone", total, (i) => people.generate(i));
    const imported = await benchImport(ctx, base, generated.items.slice(0, sizes.importCandidates));
    const direct = generated.items.slice(sizes.importCandidates);
    const directMs = await inTransactions(direct, "Inserimento diretto persone", (batch) =>
      ctx.db.$transaction((tx) => writeCandidates(ctx, tx, batch, base.territory), { timeout: 600_000 }),
    );

    // 2. Showcase: build the vacancies (not timed as latency), then query.
    const { vacancies, vacancyMs } = await writeShowcaseVacancies(ctx, base, sizes.vacancies);
    const openCount = await ctx.db.vacancy.count({ where: { status: "open" } });
    const latency = await showcaseLatencies(ctx, base, seed, sizes);
    await ctx.db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const dbMb = fs.statSync(databasePath).size / 1024 ** 2;

    const m = machine();
    const date = nowIso();
    const importLine = imported.error
      ? `| Import persone (CSV → importCandidates) | ${fmt(imported.rows)} | — | **non riuscito**: ${imported.error.split("\n")[0]} |`
      : `| Import persone (CSV → importCandidates) | ${fmt(imported.rows)} | ${seconds(imported.ms)} | **${fmt(rate(imported.rows, imported.ms))} righe/s** (${fmt(imported.created)} create, ${fmt(imported.rejected)} scartate; file ${imported.csvMb.toFixed(0)} MB; attesa massima del ciclo eventi ${fmt(imported.maxLoopDelayMs)} ms) |`;
    const lines = [
      `# Banco di prova Vetrina${quick ? " (rapido)" : ""}`,
      "",
      `- Data: ${date}`,
      `- Comando: \`${command}\``,
      `- Codice: ${code}`,
      `- Macchina: ${m.nproc} core (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB di memoria, ${m.platform}`,
      `- Node: ${m.node}; archivio SQLite temporaneo (${dbMb.toFixed(0)} MB alla fine), indice incorporato (FTS5)`,
      `- Dati: generatore dimostrativo (src/demo), seed ${seed}; ${fmt(base.employers.length)} aziende, ${fmt(base.users.length)} utenti`,
      "",
      "## Scrittura",
      "",
      "| fase | righe | tempo | risultato |",
      "| --- | ---: | ---: | --- |",
      importLine,
      `| Inserimento diretto persone (percorso del seed, lotti da ${WRITE_BATCH} con indice) | ${fmt(direct.length)} | ${seconds(directMs)} | ${fmt(rate(direct.length, directMs))} righe/s |`,
      `| Inserimento offerte (percorso del seed, poi ricostruzione dell'indice; escluso dalle latenze) | ${fmt(vacancies.items.length)} | ${seconds(vacancyMs)} | ${fmt(rate(vacancies.items.length, vacancyMs))} righe/s; ${fmt(openCount)} aperte |`,
      `| Generazione in memoria (persone + offerte) | ${fmt(total + vacancies.items.length)} | ${seconds(generated.ms + vacancies.ms)} | non inclusa nei tassi sopra |`,
      "",
      `## Ricerca in vetrina su ${fmt(vacancies.items.length)} offerte (searchVacancies, ms)`,
      "",
      "| tipo di richiesta | richieste | p50 | p95 | p99 | max | media | con risultati | risultati medi |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...latency.map(
        (l) =>
          `| ${l.shape} | ${l.queries} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.p99.toFixed(1)} | ${l.max.toFixed(1)} | ${l.mean.toFixed(1)} | ${l.withHits} | ${l.meanTotal.toFixed(1)} |`,
      ),
      "",
      showcaseTargetLine(latency, imported.error ? null : rate(imported.rows, imported.ms)),
      "",
      QUERY_MIX_NOTE,
      ...(imported.firstProblems.length ? ["", "Prime righe scartate dall'import:", ...imported.firstProblems.map((p) => `- ${p}`)] : []),
      "",
    ];
    return { report: lines.join("\n"), ok: !imported.error };
  } finally {
    await ctx.db.$disconnect();
    if (opts.keep) console.error(`Archivio conservato: ${databasePath}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

