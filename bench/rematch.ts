/**
 * Rematch part of `npm run bench` (`--only rematch`): builds, from the demo generator, a temporary store
 * with the vacancies the nightly pass rematches (open or in preselection, among the generator's real mix
 * of statuses) and the people, written on the seed's path, then measures
 *   - the nightly job `rematch` (rematchOpenVacancies): wall time, vacancies/s, time per vacancy, results
 *     stored, peak RSS and heap during the pass;
 *   - 1% of the people changing a matching field (one competence fewer) through updateCandidate, the
 *     use-case path that appends `candidate.changed` in the same transaction;
 *   - the job `rematch-changes` (rematchChanges) consuming those events from its cursor: wall time, events
 *     read, people rematched, results stored or dropped, peak RSS and heap.
 * Sizes: 10,000 vacancies × 1,000,000 people; --quick 200 × 20,000; --people / --vacancies override either.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SYSTEM_ACTOR } from "../src/auth/actor.js";
import { createContext } from "../src/bootstrap.js";
import { updateCandidate } from "../src/candidates/update-candidate.js";
import { loadEnv } from "../src/config/env.js";
import type { AppContext } from "../src/context.js";
import { defaultEmployerCount, generateDemoBase, vacancyGenerator, type DemoBase } from "../src/demo/demo-dataset.js";
import { SeededRandom } from "../src/demo/seeded-random.js";
import type { DemoVacancy } from "../src/demo/vacancy-generator.js";
import { writeBase, writeCandidates } from "../src/demo/write-demo-data.js";
import { advanceCursor, readCursor } from "../src/events/event-cursor.js";
import { latestEventSeq } from "../src/events/read-events.js";
import { rematchOpenVacancies, type RematchResult } from "../src/jobs/rematch/rematch-vacancies.js";
import { REMATCH_CONSUMER, rematchChanges, type RematchChangesReport } from "../src/jobs/rematch-changes/rematch-changes.js";
import { createLogger } from "../src/logging/logger.js";
import { REMATCHED_STATUSES } from "../src/matching/rematch-vacancy.js";
import {
  codeVersion,
  distribution,
  fmt,
  machine,
  MemoryTracker,
  mib,
  nowIso,
  progressBar,
  rate,
  REMATCH_HEADING,
  seconds,
  WRITE_BATCH,
  writeIndexedVacancies,
  type Distribution,
  type MemorySnapshot,
} from "./common.js";
import { DistinctPeople } from "./matching.js";
import type { BenchOptions } from "./showcase.js";

export const REMATCH_SIZES = {
  full: { vacancies: 10_000, people: 1_000_000 },
  quick: { vacancies: 200, people: 20_000 },
};
/** Share of the people that change before the rematch of changes. */
const CHANGED_SHARE = 0.01;
/** People generated at a time: generated, inserted (in transactions of WRITE_BATCH), then dropped. */
const GEN_BATCH = 10_000;
const ROUTE = "bench/rematch";

/** Sizes asked on the command line (--people, --vacancies), each replacing the default of the run. */
export interface RematchSizeArgs {
  people?: number | undefined;
  vacancies?: number | undefined;
}

/** Highest RSS since the last `take`, sampled every 250 ms and on `touch` (MemoryTracker samples the heap only). */
class RssPeak {
  private peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.touch(), 250).unref();

  touch(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  take(): number {
    this.touch();
    const peak = this.peak;
    this.peak = process.memoryUsage().rss;
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** A person's change: one competence fewer (competences are a matching field: the change can move scores). */
interface Change {
  id: string;
  competences: string[];
}

/** Vacancies from the generator until `wanted` of them are in a status the nightly pass rematches; the closed ones are written too. */
function generateVacancies(base: DemoBase, wanted: number): DemoVacancy[] {
  const vg = vacancyGenerator(base);
  const all: DemoVacancy[] = [];
  let rematched = 0;
  while (rematched < wanted) {
    const v = vg.generate();
    all.push(v);
    if (REMATCHED_STATUSES.includes(v.status)) rematched++;
  }
  return all;
}

/** Writes the people on the seed's path, keeping the change of the deterministic 1% drawn to change later. */
async function writePeople(ctx: AppContext, base: DemoBase, count: number, mem: MemoryTracker): Promise<{ ms: number; changes: Change[] }> {
  const drawn = new Set(new SeededRandom(base.seed, "bench/rematch").sample(Array.from({ length: count }, (_, i) => i), Math.round(count * CHANGED_SHARE)));
  const people = new DistinctPeople(base);
  const changes: Change[] = [];
  const bar = progressBar("Persone (generazione + inserimento)", count);
  const started = performance.now();
  for (let have = 0; have < count; ) {
    const batch = people.next(Math.min(GEN_BATCH, count - have));
    batch.forEach((p, i) => {
      if (drawn.has(have + i)) changes.push({ id: p.id, competences: p.input.competences.slice(0, -1) });
    });
    for (let i = 0; i < batch.length; i += WRITE_BATCH) {
      const slice = batch.slice(i, i + WRITE_BATCH);
      await ctx.db.$transaction((tx) => writeCandidates(ctx, tx, slice, base.territory), { timeout: 600_000 });
    }
    have += batch.length;
    bar.update(have);
    mem.touch();
  }
  bar.stop();
  return { ms: performance.now() - started, changes };
}

interface PassMemory {
  snapshot: MemorySnapshot;
  rssStartMiB: number;
  rssPeakMiB: number;
}

interface Figures {
  sizes: { vacancies: number; people: number };
  written: { vacancies: number; vacancyMs: number; peopleMs: number; dbMb: number };
  locator: { people: number; ms: number; memory: PassMemory };
  full: { result: RematchResult; ms: number; perVacancy: Distribution; resultsAfter: number; memory: PassMemory };
  changes: { people: number; ms: number; backlog: number };
  incremental: { report: RematchChangesReport; ms: number; resultsAfter: number; memory: PassMemory };
}

/** Runs `work` with the heap and RSS peaks of its own phase (the process's maxRSS also covers building the store). */
async function measured<T>(mem: MemoryTracker, rss: RssPeak, phase: string, work: () => Promise<T>): Promise<{ value: T; ms: number; memory: PassMemory }> {
  mem.phase(`Prima di: ${phase}`);
  rss.take();
  const rssStartMiB = mib(process.memoryUsage().rss);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  return { value, ms, memory: { snapshot: mem.phase(phase), rssStartMiB, rssPeakMiB: mib(rss.take()) } };
}

export async function runRematchBench(opts: BenchOptions, asked: RematchSizeArgs = {}): Promise<{ report: string; ok: boolean }> {
  const { quick, seed } = opts;
  const defaults = quick ? REMATCH_SIZES.quick : REMATCH_SIZES.full;
  const sizes = { vacancies: asked.vacancies ?? defaults.vacancies, people: asked.people ?? defaults.people };
  const mem = new MemoryTracker();
  const rss = new RssPeak();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-bench-rimatch-"));
  const databasePath = path.join(dir, "bench.db");
  const env = loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "development", LOG_LEVEL: "silent", DEMO_DATA: "false" });
  console.error(`Banco di prova rimatch ${quick ? "(rapido) " : ""}in ${databasePath}, seed ${seed}, ${fmt(sizes.vacancies)} offerte × ${fmt(sizes.people)} persone`);
  const runStarted = performance.now();
  const code = codeVersion();
  const ctx = await createContext(env, createLogger(env));
  try {
    // About half of the generated vacancies are still open or in preselection: employers for twice the wanted.
    const base = generateDemoBase(seed, defaultEmployerCount(sizes.vacancies * 2));
    await ctx.db.$transaction((tx) => writeBase(tx, base), { timeout: 120_000 });
    const vacancies = generateVacancies(base, sizes.vacancies);
    const vacancyMs = await writeIndexedVacancies(ctx, vacancies, base.territory);
    const { ms: peopleMs, changes } = await writePeople(ctx, base, sizes.people, mem);
    await ctx.db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const dbMb = fs.statSync(databasePath).size / 1024 ** 2;
    // The registrations are what the nightly pass covers: the rematch of changes starts after them.
    await advanceCursor(ctx.db, REMATCH_CONSUMER, await latestEventSeq(ctx.db));

    // The process's locator is brought up to the people before the pass, as the service does at start.
    console.error("\n— Persone in memoria per il recupero");
    const locator = await measured(mem, rss, "Persone in memoria per il recupero", async () => {
      await ctx.locator!.load();
      await ctx.locator!.catchUp();
      return ctx.locator!.size;
    });
    console.error(`  ${fmt(locator.value)} persone in ${seconds(locator.ms)}`);

    console.error("\n— Rimatch notturno");
    const times: number[] = [];
    let last = performance.now();
    const bar = progressBar("Rimatch notturno (offerte)", sizes.vacancies);
    const full = await measured(mem, rss, "Rimatch notturno", () =>
      rematchOpenVacancies(ctx, (done) => {
        const now = performance.now();
        times.push(now - last);
        last = now;
        bar.update(done);
        mem.touch();
        rss.touch();
      }),
    );
    bar.stop();
    const resultsAfterFull = await ctx.db.matchResult.count();
    console.error(`  ${seconds(full.ms)} (${fmt(rate(full.value.vacancies, full.ms))} offerte/s), risultati memorizzati ${fmt(full.value.stored)}`);

    console.error(`\n— ${fmt(changes.length)} persone cambiano (una competenza in meno)`);
    const changeBar = progressBar("Cambiamenti (updateCandidate)", changes.length);
    const changesStarted = performance.now();
    for (const [i, c] of changes.entries()) {
      await updateCandidate(ctx, SYSTEM_ACTOR, c.id, { competences: c.competences }, ROUTE);
      changeBar.update(i + 1);
    }
    changeBar.stop();
    const changesMs = performance.now() - changesStarted;
    const backlog = (await latestEventSeq(ctx.db)) - (await readCursor(ctx.db, REMATCH_CONSUMER));

    console.error("\n— Rimatch dei cambiamenti");
    const incremental = await measured(mem, rss, "Rimatch dei cambiamenti", () => rematchChanges(ctx));
    const resultsAfterIncremental = await ctx.db.matchResult.count();
    console.error(`  ${seconds(incremental.ms)}: ${fmt(incremental.value.events)} eventi, ${fmt(incremental.value.people)} persone rimatchate`);

    const figures: Figures = {
      sizes,
      written: { vacancies: vacancies.length, vacancyMs, peopleMs, dbMb },
      locator: { people: locator.value, ms: locator.ms, memory: locator.memory },
      full: { result: full.value, ms: full.ms, perVacancy: distribution(times), resultsAfter: resultsAfterFull, memory: full.memory },
      changes: { people: changes.length, ms: changesMs, backlog },
      incremental: { report: incremental.value, ms: incremental.ms, resultsAfter: resultsAfterIncremental, memory: incremental.memory },
    };
    const ok =
      full.value.vacancies === sizes.vacancies && resultsAfterFull > 0 && incremental.value.events === backlog && incremental.value.people === changes.length;
    return { report: rematchReport(opts, figures, performance.now() - runStarted, code), ok };
  } finally {
    mem.stop();
    rss.stop();
    await ctx.db.$disconnect();
    if (opts.keep) console.error(`Archivio conservato: ${databasePath}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
const memoryRow = (m: PassMemory) =>
  `| memoria | RSS massimo **${fmt(m.rssPeakMiB)} MiB** (all'avvio ${fmt(m.rssStartMiB)} MiB); heap massimo **${fmt(m.snapshot.heapPeakMiB)} MiB** (a fine fase ${fmt(m.snapshot.heapUsedMiB)} MiB, limite ${fmt(m.snapshot.heapLimitMiB)} MiB) |`;
const tallyRow = (t: { stored: number; newMatches: number; improved: number; dropped: number }) =>
  `${fmt(t.stored)} memorizzati (${fmt(t.newMatches)} nuovi, ${fmt(t.improved)} migliorati), ${fmt(t.dropped)} tolti`;

function rematchReport(opts: BenchOptions, f: Figures, totalMs: number, code: string): string {
  const m = machine();
  const { full, incremental: inc } = f;
  const issueSizes = f.sizes.vacancies === REMATCH_SIZES.full.vacancies && f.sizes.people === REMATCH_SIZES.full.people;
  const sizeLabel = `${fmt(f.sizes.vacancies)} offerte × ${fmt(f.sizes.people)} persone`;
  const heading = `${REMATCH_HEADING}${opts.quick ? " (rapido)" : ""}: ${sizeLabel}${issueSizes ? "" : ` (non le dimensioni della issue, ${fmt(REMATCH_SIZES.full.vacancies)} × ${fmt(REMATCH_SIZES.full.people)})`}`;
  const lines = [
    heading,
    "",
    `- Data: ${nowIso()}; durata dell'intera esecuzione ${seconds(totalMs)}`,
    `- Comando: \`${opts.command}\``,
    `- Macchina: ${m.nproc} core (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB di memoria, ${m.platform}; Node ${m.node}`,
    `- Codice: ${code}`,
    `- Dati: generatore dimostrativo (src/demo), seed ${opts.seed}; ${fmt(f.written.vacancies)} offerte scritte (il mix reale di stati), di cui ${fmt(f.sizes.vacancies)} aperte o in preselezione, quelle che il rimatch rilegge; ${fmt(f.sizes.people)} persone; scritte sul percorso del seed in ${seconds(f.written.vacancyMs + f.written.peopleMs)} (non misurato qui); archivio ${f.written.dbMb.toFixed(0)} MB; indice incorporato (SQLite FTS5)`,
    "",
    "### Persone in memoria per il recupero (`LiveCandidateLocator.load`, prima del passaggio, come il servizio all'avvio)",
    "",
    "| misura | valore |",
    "| --- | --- |",
    `| durata | **${seconds(f.locator.ms)}** per ${fmt(f.locator.people)} persone |`,
    memoryRow(f.locator.memory),
    "",
    "### Rimatch notturno: job `rematch` (`rematchOpenVacancies`, src/jobs/rematch/rematch-vacancies.ts)",
    "",
    "| misura | valore |",
    "| --- | --- |",
    ...(issueSizes ? [`| obiettivo | 10 minuti per il passaggio completo, 30 s per i cambiamenti dell'1%: ${full.ms <= 600_000 ? "raggiunto" : "**non raggiunto**"} e ${inc.ms <= 30_000 ? "raggiunto" : "**non raggiunto**"} |`] : []),
    `| durata | **${seconds(full.ms)}** per ${fmt(full.result.vacancies)} offerte: **${fmt(rate(full.result.vacancies, full.ms))} offerte/s** |`,
    `| ms per offerta (p50 / p95 / max) | ${ms1(full.perVacancy.p50)} / ${ms1(full.perVacancy.p95)} / ${ms1(full.perVacancy.max)} |`,
    `| risultati | ${tallyRow(full.result)}; nell'archivio dopo il passaggio ${fmt(full.resultsAfter)} |`,
    memoryRow(full.memory),
    "",
    `### Rimatch dei cambiamenti dopo che l'${(CHANGED_SHARE * 100).toFixed(0)}% delle persone è cambiato: job \`rematch-changes\` (\`rematchChanges\`, src/jobs/rematch-changes/rematch-changes.ts)`,
    "",
    "| misura | valore |",
    "| --- | --- |",
    `| cambiamenti (non nel tempo del job) | ${fmt(f.changes.people)} persone con una competenza in meno, con \`updateCandidate\` in ${seconds(f.changes.ms)}; ${fmt(f.changes.backlog)} eventi dopo il cursore \`${REMATCH_CONSUMER}\` |`,
    `| durata | **${seconds(inc.ms)}** |`,
    `| eventi letti; persone rimatchate; offerte rimatchate | ${fmt(inc.report.events)}; **${fmt(inc.report.people)}**; ${fmt(inc.report.vacancies)} |`,
    `| risultati | ${tallyRow(inc.report)}; nell'archivio dopo ${fmt(inc.resultsAfter)} |`,
    memoryRow(inc.memory),
    "",
    "Il rimatch notturno rilegge ogni offerta aperta o in preselezione con `rematchVacancy` (src/matching/rematch-vacancy.ts: la rosa con `rankVacancy`, le prime 100 e ogni coppia già memorizzata rivalutate, poi `storeMatches`), come il job notturno; il tempo per offerta è quello fra un avanzamento e il successivo. " +
      `Prima del passaggio il cursore \`${REMATCH_CONSUMER}\` è portato alla fine del registro: le registrazioni del seed sono ciò che il passaggio completo copre. ` +
      "Poi una estrazione deterministica dell'1% delle persone (SeededRandom \"bench/rematch\") perde l'ultima competenza con `updateCandidate` (src/candidates/update-candidate.ts), che scrive la persona e aggiunge `candidate.changed` nella stessa transazione (e aggiorna l'indice incorporato); " +
      "il job dei cambiamenti legge gli eventi dal cursore a lotti di 500 e rimatcha ogni persona contro tutte le offerte aperte (`rematchPeople`). " +
      "Memoria: RSS campionato ogni 250 ms e dopo ogni offerta, heap campionato allo stesso modo (MemoryTracker); «all'avvio» è l'RSS quando la fase comincia, con l'archivio già costruito.",
    "",
  ];
  return lines.join("\n");
}
