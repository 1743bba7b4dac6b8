/**
 * Candidate-list part of `npm run bench` ("rose di candidati"): builds, from the demo generator, a
 * temporary database with job seekers in growing stages (100k then 1M; --quick: 10k then 30k), generated
 * and inserted in batches so memory stays bounded, plus enough vacancies to draw open ones from. At each
 * stage it measures
 *   - bringing the in-memory locator of the process up to the stage's people (load, then catch-up from the events);
 *   - list building as production runs it, rankVacancy(ctx, vacancy) (key branch in memory, text branch in
 *     the index, then scoring), over a deterministic sample of open vacancies after a warm-up: p50/p95/p99/max;
 *   - the naive full scan rankVacancy(ctx, vacancy, { scan: "full" }) on the first few of those vacancies:
 *     speed-up ratio, recall of the full scan's top 15 qualified in the retrieval's top 15, people scored;
 *   - where the time goes, on a few vacancies: the steps of rankVacancy redone one by one, the two retrieval
 *     branches and the payload reads timed alone, the scoring;
 *   - peak memory per phase (maxRSS, heap).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createContext } from "../src/bootstrap.js";
import { loadEnv } from "../src/config/env.js";
import type { AppContext } from "../src/context.js";
import { defaultEmployerCount, generateDemoBase, personGenerator, vacancyGenerator, type DemoBase } from "../src/demo/demo-dataset.js";
import type { DemoCandidate } from "../src/demo/person-generator.js";
import { SeededRandom } from "../src/demo/seeded-random.js";
import type { DemoVacancy } from "../src/demo/vacancy-generator.js";
import { vacancyRecord, writeBase, writeCandidates } from "../src/demo/write-demo-data.js";
import { createLogger } from "../src/logging/logger.js";
import { evaluateMatch } from "../src/matching/evaluate-match.js";
import { narrowingOptions } from "../src/matching/narrow-pool.js";
import { rankMatches, type Scored } from "../src/matching/rank-matches.js";
import { isQualified, matchContextFor, prepareOffer, rankVacancy, type VacancyRanking } from "../src/matching/rank-vacancy-candidates.js";
import { occupationCellQuery } from "../src/matching/occupation-cell-keys.js";
import { payloadsOfLocated, retrieveByText, retrieveCandidates } from "../src/matching/retrieve-candidates.js";
import { recentListCounts } from "../src/shortlists/list-membership.js";
import type { VacancyRecord } from "../src/vacancies/vacancy-repository.js";
import {
  codeVersion,
  distribution,
  fmt,
  machine,
  MATCHING_HEADING,
  mean,
  MemoryTracker,
  nowIso,
  progressBar,
  rate,
  seconds,
  WRITE_BATCH,
  writeIndexedVacancies,
  type Distribution,
} from "./common.js";
import type { BenchOptions } from "./showcase.js";

export const MATCHING_SIZES = {
  full: { stages: [100_000, 1_000_000], openVacancies: 2_000, warmup: 10, sample: 100, fullScan: [5, 3], profile: 10 },
  quick: { stages: [10_000, 30_000], openVacancies: 300, warmup: 10, sample: 60, fullScan: [3, 2], profile: 10 },
};
/** People generated at a time: generated, inserted (in transactions of WRITE_BATCH), then dropped. */
const GEN_BATCH = 10_000;
const TOP = 15;
/** The project's target for list building at 1,000,000 people. */
const TARGET_P95_MS = 100;

const ms1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
const ms0 = (n: number) => (Number.isFinite(n) ? fmt(Math.round(n)) : "—");
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)}%` : "—");

interface Growth {
  from: number;
  to: number;
  genMs: number;
  insertMs: number;
  /** Insert rate (rows/s) per tenth of the growth, to show whether inserts slow down as the database grows. */
  tenths: number[];
  dbMb: number;
  /** Generator indices used so far and, among them, copies skipped (same id as an earlier index). */
  indices: number;
  duplicates: number;
}

interface FullScanRow {
  vacancyId: string;
  title: string;
  fullMs: number;
  retrievalMs: number;
  fullScored: number;
  retrievalScored: number;
  fullQualified: number;
  retrievalQualified: number;
  /** Share of the full scan's top 15 qualified found in the retrieval's top 15 qualified (NaN when the full scan has none). */
  recallTop: number;
  /** Share of all people the full scan qualifies that the retrieval also ranks as qualified. */
  recallAll: number;
}

interface ProfileRow {
  totalMs: number;
  prepMs: number;
  keysMs: number;
  payloadsMs: number;
  textMs: number;
  retrievalMs: number;
  scoringMs: number;
  restMs: number;
  rowsKeys: number;
  rowsText: number;
  scored: number;
  payloadBytes: number;
}

interface StageFigures {
  people: number;
  latency: Distribution;
  scored: Distribution;
  qualified: Distribution;
  withQualified: number;
  full: FullScanRow[];
  profile: ProfileRow[];
  /** Bringing this process's locator up to the stage's people: the first load, then the catch-up from the event log. */
  locatorMs: number;
  locatorPeople: number;
}

function topIds(r: VacancyRanking, n: number): string[] {
  return r.ranked
    .filter((m) => m.qualified)
    .slice(0, n)
    .map((m) => m.candidate.id);
}

function qualifiedIds(r: VacancyRanking): Set<string> {
  return new Set(r.ranked.filter((m) => m.qualified).map((m) => m.candidate.id));
}

function overlap(reference: Iterable<string>, found: Set<string>): number {
  let n = 0;
  let hit = 0;
  for (const id of reference) {
    n++;
    if (found.has(id)) hit++;
  }
  return n === 0 ? NaN : hit / n;
}

/**
 * rankVacancy redone step by step with a clock on each (same functions, same order); the two branches
 * of the retrieval are first timed alone: the key branch in the in-memory locator, the payloads of the
 * people it found, the text branch in the index.
 */
async function profileOne(ctx: AppContext, vacancy: VacancyRecord, today: Date): Promise<ProfileRow> {
  const cfg = ctx.matching;
  const radius = cfg.retrieval.radiiKm[0] ?? 60;
  const t0 = performance.now();
  const offer = prepareOffer(vacancy);
  const matchCtx = await matchContextFor(ctx, offer, today);
  const t1 = performance.now();
  const workplace = offer.facts.lat !== null && offer.facts.lon !== null ? { lat: offer.facts.lat, lon: offer.facts.lon } : null;
  const located = workplace ? ((await ctx.locator!.near(occupationCellQuery(offer.occupation, workplace, radius), workplace, radius, cfg.retrieval.keyLimit)) ?? []) : [];
  const t2 = performance.now();
  const byText = await retrieveByText(ctx.index, offer, radius, cfg, ctx.locator);
  const t3 = performance.now();
  const payloads = await payloadsOfLocated(ctx.index, [...new Map([...located, ...byText].map((l) => [l.id, l])).values()]);
  const t4 = performance.now();
  const retrieved = (await retrieveCandidates(ctx.index, offer, radius, cfg, ctx.locator)).people;
  const t5 = performance.now();
  const scored: Scored[] = retrieved.map((r) => ({ facts: r.facts, evaluation: evaluateMatch(offer, r.facts, r.distanceKm, matchCtx) }));
  const t6 = performance.now();
  const eligible = scored.filter((s) => s.evaluation.exclusions.length === 0);
  const top = [...eligible].sort((a, b) => b.evaluation.score - a.evaluation.score).slice(0, 300);
  const since = new Date(today.getTime() - cfg.recentListsWeeks * 7 * 86_400_000);
  const recent = await recentListCounts(ctx.db, top.map((s) => s.facts.id), since);
  const withCongrua = { ...matchCtx, withCongrua: true };
  rankMatches(eligible, offer.facts, recent, cfg).map((r) => (r.rank <= 100 ? evaluateMatch(offer, r.facts, r.evaluation.distanceKm, withCongrua) : r.evaluation));
  const qualified = eligible.filter((s) => isQualified(s.evaluation, cfg.qualifyingScore));
  narrowingOptions(qualified, offer.occupation, offer.facts.shortlistCap, today);
  const t7 = performance.now();
  const bytes = [...payloads.values()].reduce((sum: number, p) => sum + JSON.stringify(p).length, 0);
  return {
    // As production spends it: the branches timed alone above are inside the retrieval.
    totalMs: t1 - t0 + (t7 - t4),
    prepMs: t1 - t0,
    keysMs: t2 - t1,
    textMs: t3 - t2,
    payloadsMs: t4 - t3,
    retrievalMs: t5 - t4,
    scoringMs: t6 - t5,
    restMs: t7 - t6,
    rowsKeys: located.length,
    rowsText: byText.length,
    scored: scored.length,
    payloadBytes: payloads.size ? bytes / payloads.size : 0,
  };
}

export interface SampleRanking {
  latency: Distribution;
  scored: Distribution;
  qualified: Distribution;
  withQualified: number;
  /** The first `keep` rankings, for comparison with a full scan of the same vacancies. */
  kept: Map<string, { ms: number; scored: number; top: string[]; qualified: Set<string> }>;
}

/** List building as production runs it, rankVacancy(ctx, vacancy), timed on each vacancy of the sample (after a warm-up elsewhere). */
export async function rankSample(ctx: AppContext, sample: VacancyRecord[], today: Date, label: string, keep = 0, onEach?: () => void): Promise<SampleRanking> {
  const times: number[] = [];
  const scored: number[] = [];
  const qualified: number[] = [];
  const kept: SampleRanking["kept"] = new Map();
  const bar = progressBar(label, sample.length);
  for (const [i, v] of sample.entries()) {
    const t = performance.now();
    const r = await rankVacancy(ctx, v, { today });
    const ms = performance.now() - t;
    times.push(ms);
    scored.push(r.scored);
    qualified.push(r.qualifiedCount);
    if (i < keep) kept.set(v.id, { ms, scored: r.scored, top: topIds(r, TOP), qualified: qualifiedIds(r) });
    onEach?.();
    bar.update(i + 1);
  }
  bar.stop();
  const latency = distribution(times);
  console.error(`  recupero: p50 ${ms1(latency.p50)} ms, p95 ${ms1(latency.p95)} ms, max ${ms1(latency.max)} ms, valutate in media ${ms0(mean(scored))}`);
  return { latency, scored: distribution(scored), qualified: distribution(qualified), withQualified: qualified.filter((q) => q > 0).length, kept };
}

/** A deterministic draw of open vacancies: the first `warmup` to warm caches, the rest to measure (the same for every engine and size). */
export function vacancySample(records: VacancyRecord[], seed: number, warmup: number, sample: number): { warm: VacancyRecord[]; sample: VacancyRecord[] } {
  const drawn = new SeededRandom(seed, "bench/matching").sample(records, Math.min(records.length, warmup + sample));
  return { warm: drawn.slice(0, warmup), sample: drawn.slice(warmup) };
}

/**
 * People from the generator, all distinct: person i comes from a SeededRandom(seed, `person/i`) stream
 * whose 32-bit state can collide with another index's, giving the same person (same id) twice; copies are skipped.
 */
export class DistinctPeople {
  private readonly people;
  private readonly seen = new Set<string>();
  /** Generator indices used so far, and the copies skipped among them. */
  indices = 0;
  duplicates = 0;

  constructor(base: DemoBase) {
    this.people = personGenerator(base);
  }

  next(n: number): DemoCandidate[] {
    const batch: DemoCandidate[] = [];
    while (batch.length < n) {
      const person = this.people.generate(this.indices++);
      if (this.seen.has(person.id)) {
        this.duplicates++;
        continue;
      }
      this.seen.add(person.id);
      batch.push(person);
    }
    return batch;
  }
}

async function measureStage(
  ctx: AppContext,
  people: number,
  warm: VacancyRecord[],
  sample: VacancyRecord[],
  fullCount: number,
  profileCount: number,
  today: Date,
  mem: MemoryTracker,
): Promise<StageFigures> {
  const label = fmt(people);
  const loadStarted = performance.now();
  await ctx.locator!.load();
  await ctx.locator!.catchUp();
  const locatorMs = performance.now() - loadStarted;
  console.error(`\n— ${label} persone: in memoria per il recupero in ${seconds(locatorMs)} (${fmt(ctx.locator!.size)} persone)`);
  mem.phase(`Persone in memoria per il recupero a ${label}`);
  console.error(`— ${label} persone: riscaldamento (${warm.length} offerte)`);
  for (const v of warm) await rankVacancy(ctx, v, { today });

  const { latency, scored, qualified, withQualified, kept } = await rankSample(ctx, sample, today, `Rose (recupero) a ${label} persone`, fullCount, () => mem.touch());
  mem.phase(`Rose con recupero a ${label} persone`);

  const full: FullScanRow[] = [];
  for (const v of sample.slice(0, fullCount)) {
    const t = performance.now();
    const f = await rankVacancy(ctx, v, { scan: "full", today });
    const ms = performance.now() - t;
    mem.touch();
    const ret = kept.get(v.id)!;
    const fullTop = topIds(f, TOP);
    const fullQualified = qualifiedIds(f);
    full.push({
      vacancyId: v.id,
      title: v.profileTitle,
      fullMs: ms,
      retrievalMs: ret.ms,
      fullScored: f.scored,
      retrievalScored: ret.scored,
      fullQualified: fullQualified.size,
      retrievalQualified: ret.qualified.size,
      recallTop: overlap(fullTop, new Set(ret.top)),
      recallAll: overlap(fullQualified, ret.qualified),
    });
    console.error(
      `  scansione completa "${v.profileTitle}": ${seconds(ms)} (recupero ${ms1(ret.ms)} ms), valutate ${fmt(f.scored)}, richiamo top ${TOP} ${pct(full.at(-1)!.recallTop)}`,
    );
  }
  mem.phase(`Scansione completa a ${label} persone`);

  const profile: ProfileRow[] = [];
  for (const v of sample.slice(0, profileCount)) {
    profile.push(await profileOne(ctx, v, today));
    mem.touch();
  }
  mem.phase(`Profilo a ${label} persone`);
  return {
    people,
    latency,
    scored,
    qualified,
    withQualified,
    full,
    profile,
    locatorMs,
    locatorPeople: ctx.locator!.size,
  };
}

/** Vacancies from the generator until enough are open: the real mix of statuses, only the open ones are ranked. */
function generateVacancies(base: DemoBase, openWanted: number): { all: DemoVacancy[]; open: DemoVacancy[]; ms: number } {
  const started = performance.now();
  const vg = vacancyGenerator(base);
  const all: DemoVacancy[] = [];
  const open: DemoVacancy[] = [];
  while (open.length < openWanted && all.length < openWanted * 20) {
    const v = vg.generate();
    all.push(v);
    if (v.status === "open") open.push(v);
  }
  return { all, open, ms: performance.now() - started };
}

export async function runMatchingBench(opts: BenchOptions): Promise<{ report: string; ok: boolean }> {
  const { quick, seed, command } = opts;
  const sizes = quick ? MATCHING_SIZES.quick : MATCHING_SIZES.full;
  const mem = new MemoryTracker();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-bench-rose-"));
  const databasePath = path.join(dir, "bench.db");
  const env = loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "development", LOG_LEVEL: "silent", DEMO_DATA: "false" });
  console.error(`Banco di prova rose ${quick ? "(rapido) " : ""}in ${databasePath}, seed ${seed}, persone ${sizes.stages.map(fmt).join(" → ")}`);
  const runStarted = performance.now();
  const code = codeVersion();
  const ctx = await createContext(env, createLogger(env));
  try {
    // Employers for about as many vacancies as it takes to have the open ones wanted (about a quarter are open).
    const base = generateDemoBase(seed, defaultEmployerCount(Math.round(sizes.openVacancies * 3.8)));
    await ctx.db.$transaction((tx) => writeBase(tx, base), { timeout: 120_000 });
    const today = base.today;

    const vacancies = generateVacancies(base, sizes.openVacancies);
    const vacancyMs = await writeIndexedVacancies(ctx, vacancies.all, base.territory);
    const records = vacancies.open.map((v) => vacancyRecord(v, base.territory));
    const { warm, sample } = vacancySample(records, seed, sizes.warmup, sizes.sample);
    mem.phase("Aziende e offerte");

    const people = new DistinctPeople(base);
    const growth: Growth[] = [];
    const stages: StageFigures[] = [];
    let have = 0;
    for (const [s, target] of sizes.stages.entries()) {
      const from = have;
      const bar = progressBar(`Persone ${fmt(from)} → ${fmt(target)} (generazione + inserimento)`, target - from);
      let genMs = 0;
      let insertMs = 0;
      const tenthMs: number[] = Array.from({ length: 10 }, () => 0);
      const tenthRows: number[] = Array.from({ length: 10 }, () => 0);
      while (have < target) {
        const n = Math.min(GEN_BATCH, target - have);
        const g = performance.now();
        const batch = people.next(n);
        genMs += performance.now() - g;
        const w = performance.now();
        for (let i = 0; i < batch.length; i += WRITE_BATCH) {
          const slice = batch.slice(i, i + WRITE_BATCH);
          await ctx.db.$transaction((tx) => writeCandidates(ctx, tx, slice, base.territory), { timeout: 600_000 });
        }
        const wrote = performance.now() - w;
        insertMs += wrote;
        const tenth = Math.min(9, Math.floor(((have - from) / (target - from)) * 10));
        tenthMs[tenth]! += wrote;
        tenthRows[tenth]! += n;
        have += n;
        bar.update(have - from);
        mem.touch();
      }
      bar.stop();
      await ctx.db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const dbMb = fs.statSync(databasePath).size / 1024 ** 2;
      growth.push({ from, to: target, genMs, insertMs, tenths: tenthMs.map((t, i) => rate(tenthRows[i]!, t)), dbMb, indices: people.indices, duplicates: people.duplicates });
      console.error(`  generazione ${seconds(genMs)} (${fmt(rate(target - from, genMs))}/s), inserimento ${seconds(insertMs)} (${fmt(rate(target - from, insertMs))}/s), archivio ${dbMb.toFixed(0)} MB`);
      mem.phase(`Persone ${fmt(from)} → ${fmt(target)}`);
      stages.push(await measureStage(ctx, target, warm, sample, sizes.fullScan[s] ?? 2, sizes.profile, today, mem));
    }
    mem.stop();
    const totalMs = performance.now() - runStarted;
    return { report: matchingReport({ opts, sizes, base, vacancies, vacancyMs, sample, growth, stages, mem, totalMs, code }), ok: true };
  } finally {
    mem.stop();
    await ctx.db.$disconnect();
    if (opts.keep) console.error(`Archivio conservato: ${databasePath}`);
    else fs.rmSync(dir, { recursive: true, force: true });
    void command;
  }
}

interface ReportInput {
  opts: BenchOptions;
  sizes: (typeof MATCHING_SIZES)["full"];
  base: DemoBase;
  vacancies: { all: DemoVacancy[]; open: DemoVacancy[]; ms: number };
  vacancyMs: number;
  sample: VacancyRecord[];
  growth: Growth[];
  stages: StageFigures[];
  mem: MemoryTracker;
  totalMs: number;
  code: string;
}

function matchingReport(r: ReportInput): string {
  const m = machine();
  const { opts, sizes } = r;
  const last = r.stages.at(-1);
  const lines: string[] = [
    `${MATCHING_HEADING}${opts.quick ? " (rapido)" : ""}`,
    "",
    `- Data: ${nowIso()}; durata dell'intera esecuzione ${seconds(r.totalMs)}`,
    `- Comando: \`${opts.command}\``,
    `- Macchina: ${m.nproc} core (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB di memoria, ${m.platform}`,
    `- Codice: ${r.code}`,
    `- Node: ${m.node} (heap massimo ${fmt(r.mem.snapshots[0]?.heapLimitMiB ?? 0)} MiB); archivio SQLite temporaneo, indice incorporato (FTS5), configurazione di matching predefinita`,
    `- Dati: generatore dimostrativo (src/demo), seed ${opts.seed}; ${fmt(r.base.employers.length)} aziende; ${fmt(r.vacancies.all.length)} offerte (${fmt(r.vacancies.open.length)} aperte) nella stessa regione (Piemonte e Lombardia); persone ${sizes.stages.map(fmt).join(" → ")}, generate e inserite a blocchi di ${fmt(GEN_BATCH)} (transazioni da ${fmt(WRITE_BATCH)}, percorso del seed con indice)`,
    `- Campione: ${r.sample.length} offerte aperte estratte in modo deterministico (SeededRandom "bench/matching"), le stesse a ogni dimensione, dopo ${sizes.warmup} chiamate di riscaldamento su altre offerte; data di riferimento ${r.base.today.toISOString().slice(0, 10)}`,
    "",
    "### Costruzione dell'archivio",
    "",
    "| fase | righe | generazione | inserimento | tasso di inserimento | per decimi della crescita (righe/s) | archivio |",
    "| --- | ---: | ---: | ---: | ---: | --- | ---: |",
    `| Offerte | ${fmt(r.vacancies.all.length)} | ${seconds(r.vacancies.ms)} | ${seconds(r.vacancyMs)} | ${fmt(rate(r.vacancies.all.length, r.vacancyMs))} righe/s | — | — |`,
    ...r.growth.map(
      (g) =>
        `| Persone ${fmt(g.from)} → ${fmt(g.to)} | ${fmt(g.to - g.from)} | ${seconds(g.genMs)} (${fmt(rate(g.to - g.from, g.genMs))}/s) | ${seconds(g.insertMs)} | **${fmt(rate(g.to - g.from, g.insertMs))} righe/s** | ${g.tenths.map(fmt).join(" · ")} | ${fmt(Math.round(g.dbMb))} MB |`,
    ),
    "",
    ...(r.growth.some((g) => g.duplicates > 0)
      ? [
          `Il generatore ha prodotto copie: ${r.growth.map((g) => `fino a ${fmt(g.to)} persone ${fmt(g.duplicates)} copie su ${fmt(g.indices)} indici`).join("; ")}. ` +
            "Ogni persona i nasce da un flusso SeededRandom(seed, `person/i`), il cui stato è un hash FNV-1a a 32 bit: due indici con lo stesso hash danno la stessa persona (stesso id). " +
            "Le copie sono saltate (si passa all'indice successivo), così le persone nell'archivio sono tutte distinte; le collisioni attese sono circa n²/2³³ (≈1 a 100.000, ≈116 a 1.000.000).",
          "",
        ]
      : []),
    "### Persone in memoria per il recupero",
    "",
    "I due rami del recupero passano dal localizzatore in memoria di ogni processo (`src/matching/candidate-locator.ts`), caricato dalle righe dell'indice incorporato al primo uso e poi aggiornato dal registro degli eventi prima di ogni rosa (le persone degli eventi rilette dalle righe dell'indice). Tempo per portarlo alle persone di ogni fase (alla prima fase il caricamento, poi l'aggiornamento con gli eventi delle persone aggiunte):",
    "",
    "| persone | persone in memoria | tempo |",
    "| ---: | ---: | ---: |",
    ...r.stages.map((s) => `| ${fmt(s.people)} | ${fmt(s.locatorPeople)} | ${seconds(s.locatorMs)} |`),
    "",
    "### Latenza di costruzione della rosa: `rankVacancy(ctx, offerta)` (percorso di produzione: recupero per chiavi e per testo attraverso il localizzatore in memoria, poi punteggio), ms",
    "",
    "| persone | offerte | p50 | p95 | p99 | max | media | persone valutate (media; p95) | qualificate (media) | offerte con qualificate |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.stages.map(
      (s) =>
        `| ${fmt(s.people)} | ${s.latency.n} | ${ms1(s.latency.p50)} | **${ms1(s.latency.p95)}** | ${ms1(s.latency.p99)} | ${ms1(s.latency.max)} | ${ms1(s.latency.mean)} | ${ms0(s.scored.mean)}; ${ms0(s.scored.p95)} | ${ms0(s.qualified.mean)} | ${s.withQualified} |`,
    ),
    "",
  ];
  if (last && !opts.quick) {
    const ok = last.latency.p95 < TARGET_P95_MS;
    lines.push(
      `Obiettivo del progetto: p95 sotto ${TARGET_P95_MS} ms a ${fmt(last.people)} persone. Misurato: **${ms1(last.latency.p95)} ms** — ${ok ? "raggiunto" : `**non raggiunto** (${(last.latency.p95 / TARGET_P95_MS).toFixed(1)} volte l'obiettivo)`}.`,
      "",
    );
  }
  lines.push(
    "### Scansione completa a confronto: `rankVacancy(ctx, offerta, { scan: \"full\" })`",
    "",
    `Sulle prime offerte del campione (le stesse per le due strade). Rapporto = media della scansione completa / media del recupero sulle stesse offerte. Richiamo top ${TOP} = quota delle prime ${TOP} qualificate della scansione completa che compaiono tra le prime ${TOP} qualificate del recupero (\`ranked.filter(r => r.qualified).slice(0, ${TOP})\`); richiamo qualificate = quota di tutte le qualificate della scansione completa che anche il recupero dà per qualificate.`,
    "",
    "| persone | offerte | scansione completa, media | recupero, media (stesse offerte) | rapporto | valutate: completa / recupero (media) | qualificate: completa / recupero (media) | richiamo top 15 (media; min) | richiamo qualificate (media; min) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.stages.map((s) => {
      const f = s.full;
      const fullMean = mean(f.map((x) => x.fullMs));
      const retMean = mean(f.map((x) => x.retrievalMs));
      const top = f.map((x) => x.recallTop).filter(Number.isFinite);
      const all = f.map((x) => x.recallAll).filter(Number.isFinite);
      return `| ${fmt(s.people)} | ${f.length} | ${seconds(fullMean)} | ${ms1(retMean)} ms | **${(fullMean / retMean).toFixed(1)}×** | ${ms0(mean(f.map((x) => x.fullScored)))} / ${ms0(mean(f.map((x) => x.retrievalScored)))} | ${ms0(mean(f.map((x) => x.fullQualified)))} / ${ms0(mean(f.map((x) => x.retrievalQualified)))} | ${pct(mean(top))}; ${pct(Math.min(...top))} | ${pct(mean(all))}; ${pct(Math.min(...all))} |`;
    }),
    "",
    "Per offerta:",
    "",
    "| persone | offerta | completa | recupero | valutate (completa / recupero) | qualificate (completa / recupero) | richiamo top 15 | richiamo qualificate |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.stages.flatMap((s) =>
      s.full.map(
        (x) =>
          `| ${fmt(s.people)} | ${x.title} | ${seconds(x.fullMs)} | ${ms1(x.retrievalMs)} ms | ${fmt(x.fullScored)} / ${fmt(x.retrievalScored)} | ${fmt(x.fullQualified)} / ${fmt(x.retrievalQualified)} | ${pct(x.recallTop)} | ${pct(x.recallAll)} |`,
      ),
    ),
    "",
    "### Dove va il tempo (profilo, ms, media per offerta)",
    "",
    "I passi di `rankVacancy` rifatti uno per uno con le stesse funzioni (preparazione: offerta, rose esistenti, rarità delle competenze; recupero: `retrieveCandidates` come in produzione, i due rami insieme; valutazione: `evaluateMatch` su ogni persona recuperata; resto: ordinamento, rose recenti, equità, congruità delle prime 100, restringimento). Prima, i rami del recupero misurati da soli: le chiavi di occupazione nel localizzatore in memoria (`CandidateLocator.near`, compreso l'aggiornamento dal registro degli eventi), il ramo di testo (le corrispondenze FTS5 per numero di documento, tenute entro il raggio dal localizzatore: `LiveCandidateLocator.byText`), la lettura dei payload JSON delle persone trovate dai due rami (`payloadsOfLocated`: per numero di documento, con `JSON.parse`).",
    "",
    "| persone | offerte | totale | preparazione | recupero | valutazione | resto | chiavi in memoria | payload | testo | righe (chiavi + testo) | persone valutate | payload medio |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.stages.map((s) => {
      const p = s.profile;
      const avg = (k: keyof ProfileRow) => mean(p.map((x) => x[k]));
      return `| ${fmt(s.people)} | ${p.length} | ${ms1(avg("totalMs"))} | ${ms1(avg("prepMs"))} | ${ms1(avg("retrievalMs"))} | ${ms1(avg("scoringMs"))} | ${ms1(avg("restMs"))} | ${ms1(avg("keysMs"))} | ${ms1(avg("payloadsMs"))} | ${ms1(avg("textMs"))} | ${ms0(avg("rowsKeys"))} + ${ms0(avg("rowsText"))} | ${ms0(avg("scored"))} | ${fmt(Math.round(avg("payloadBytes")))} B |`;
    }),
    "",
  );
  lines.push(
    "### Memoria per fase",
    "",
    "maxRSS = `process.resourceUsage().maxRSS` (KiB, qui in MiB), picco del processo fino alla fine della fase (non scende mai); heap alla fine della fase e heap massimo osservato durante la fase (campionato ogni 250 ms e dopo ogni rosa).",
    "",
    "| fase | maxRSS (MiB) | heap alla fine (MiB) | heap massimo (MiB) |",
    "| --- | ---: | ---: | ---: |",
    ...r.mem.snapshots.map((s) => `| ${s.phase} | ${fmt(Math.round(s.maxRssKiB / 1024))} | ${fmt(s.heapUsedMiB)} | ${fmt(s.heapPeakMiB)} |`),
    "",
  );
  return lines.join("\n");
}
