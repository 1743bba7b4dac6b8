/**
 * Hardening part of `npm run bench` (`--only hardening`): the probe of issue 6 run again on real
 * processes, so its figures can be compared with those the probe found before the fixes.
 *   1. two writers: the service takes HTTP writes while `npm run cli -- import-candidates` imports 20,000
 *      people into the same database — how many writes failed (5xx), how many valid rows were rejected;
 *   2. an import of 20,000 people over HTTP: how long the upload took to answer and how big the answer was,
 *      and how long `/health` and a showcase search took while the import ran;
 *   3. a 400 KB spreadsheet that inflates to 400 MB: the answer, how long it took, the service's memory;
 *   4. malformed multipart uploads: how many answered 5xx.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createContext } from "../src/bootstrap.js";
import { loadEnv } from "../src/config/env.js";
import { createLogger } from "../src/logging/logger.js";
import { createUser } from "../src/users/create-user.js";
import { CPI_TORINO } from "../tests/helpers/test-app.js";
import { generatedPeople, loadPlaces, peopleCsv } from "../tests/helpers/generated-people.js";
import { candidateBody } from "../tests/helpers/sample-bodies.js";
import { freePort, startVetrina, untilHealthy } from "../tests/helpers/processes.js";
import { zipOf } from "../tests/helpers/zip-archive.js";
import { distribution, fmt, HARDENING_HEADING, machine, nowIso, seconds, type Distribution } from "./common.js";
import type { BenchOptions } from "./showcase.js";

const ms = (d: Distribution) => `p50 ${d.p50.toFixed(0)} ms, p95 ${d.p95.toFixed(0)} ms, max ${d.max.toFixed(0)} ms`;

/** Peak resident memory of a process so far, in MiB (Linux). */
function peakRssMiB(pid: number): number {
  const kib = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);
  return Math.round(kib / 1024);
}

/** Rows the latest command-line import of people rejected, as its run recorded them. */
function cliImportRejections(databasePath: string): number {
  const db = new Database(databasePath, { readonly: true });
  try {
    const run = db.prepare(`SELECT counts FROM "JobRun" WHERE kind = 'import-candidates' ORDER BY "startedAt" DESC LIMIT 1`).get() as { counts: string } | undefined;
    return run ? (JSON.parse(run.counts) as { rejected: number }).rejected : NaN;
  } finally {
    db.close();
  }
}

async function timed(url: string, init?: RequestInit): Promise<{ status: number; ms: number; bytes: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { status: res.status, ms: performance.now() - started, bytes: Buffer.byteLength(body), body };
}

export async function runHardeningBench(opts: BenchOptions): Promise<{ report: string; ok: boolean }> {
  const people = opts.quick ? 2_000 : 20_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-bench-hardening-"));
  const databasePath = path.join(dir, "vetrina.db");
  const env = loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "test", LOG_LEVEL: "silent" });
  const ctx = await createContext(env, createLogger(env));
  const { token } = await createUser(ctx.db, { name: "Admin Bench", email: "admin.bench@example.it", role: "admin", cpiCodes: [] });
  const places = await loadPlaces(ctx);
  const everyone = generatedPeople(places, 2 * people + 1_000);
  const cliFile = path.join(dir, "persone-cli.csv");
  fs.writeFileSync(cliFile, peopleCsv(places, everyone.slice(0, people)));
  const httpFile = peopleCsv(places, everyone.slice(people, 2 * people));
  const byHttp = everyone.slice(2 * people);
  await ctx.db.$disconnect();

  const port = await freePort();
  const processEnv = { DATABASE_PATH: databasePath, PORT: String(port) };
  const service = startVetrina(["src/main.ts"], processEnv);
  const base = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${token}` };
  const lines: string[] = [];
  let ok = true;
  try {
    await untilHealthy(port);

    // 1. Two writers.
    console.error(`1/4 due scrittori: importazione da riga di comando di ${fmt(people)} persone e scritture HTTP`);
    const importer = startVetrina(["scripts/cli.ts", "import-candidates", cliFile], processEnv);
    let importDone = false;
    void importer.exited.then(() => (importDone = true));
    const statuses: number[] = [];
    const created: string[] = [];
    let next = 0;
    const writer = async () => {
      while (!importDone) {
        const i = next++;
        const person = byHttp[i % byHttp.length]!;
        const res =
          i < byHttp.length
            ? await fetch(`${base}/api/v1/candidates`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(candidateBody(person.taxCode, { firstName: person.firstName, lastName: person.lastName, cpiCode: CPI_TORINO })) })
            : await fetch(`${base}/api/v1/candidates/${created[i % created.length]}`, { method: "PATCH", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ maxTravelKm: 10 + (i % 50) }) });
        statuses.push(res.status);
        const json = (await res.json()) as { id?: string };
        if (res.status === 201 && json.id) created.push(json.id);
      }
    };
    const writeStarted = performance.now();
    await Promise.all([writer(), writer(), writer()]);
    const importCode = await importer.exited;
    const writeMs = performance.now() - writeStarted;
    const failed = statuses.filter((s) => s >= 500).length;
    const rejected = cliImportRejections(databasePath);
    ok &&= failed === 0 && importCode === 0 && rejected === 0;
    lines.push(
      `| scrittori concorrenti: HTTP durante l'importazione CLI di ${fmt(people)} persone | ${fmt(statuses.length)} scritture HTTP in ${seconds(writeMs)}, **${failed} risposte 5xx**; importazione: uscita ${importCode}, righe valide scartate: **${rejected}** | 751 di 1.643 scritture 5xx; 3.266 di 20.000 righe valide scartate |`,
    );

    // 2. An import over HTTP while other requests come in.
    console.error(`2/4 importazione HTTP di ${fmt(people)} persone, con /health e ricerche nel frattempo`);
    const form = new FormData();
    form.append("file", new Blob([httpFile]), "persone.csv");
    const upload = await timed(`${base}/api/v1/imports/candidates`, { method: "POST", headers: auth, body: form });
    const runId = (JSON.parse(upload.body) as { id: string }).id;
    const health: number[] = [];
    const search: number[] = [];
    let status = "queued";
    const importStarted = performance.now();
    while (!["succeeded", "failed", "abandoned"].includes(status)) {
      health.push((await timed(`${base}/health`)).ms);
      search.push((await timed(`${base}/api/v1/vacancies?q=magazziniere`, { headers: auth })).ms);
      status = (JSON.parse((await timed(`${base}/api/v1/imports/${runId}`, { headers: auth })).body) as { status: string }).status;
    }
    const importMs = performance.now() - importStarted;
    const healthD = distribution(health);
    ok &&= status === "succeeded" && healthD.max < 1_500;
    lines.push(
      `| importazione HTTP di ${fmt(people)} persone | caricamento: ${upload.status} in ${upload.ms.toFixed(0)} ms, risposta di ${fmt(upload.bytes)} byte; importazione ${status} in ${seconds(importMs)}; \`/health\` ${ms(healthD)}; ricerca ${ms(distribution(search))} | \`/health\` bloccato 7,8–9,2 s, altre richieste fino a 8 s; risposta di 2,2 MB |`,
    );

    // 3. A spreadsheet that inflates a thousand times.
    console.error("3/4 foglio .xlsx che si espande a 400 MB");
    const bomb = zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(400 * 1024 ** 2, 0x20) }]);
    const rssBefore = peakRssMiB(service.child.pid!);
    const bombForm = new FormData();
    bombForm.append("file", new Blob([bomb]), "vetrina.xlsx");
    const refused = await timed(`${base}/api/v1/imports/vacancies`, { method: "POST", headers: auth, body: bombForm });
    const rssAfter = peakRssMiB(service.child.pid!);
    ok &&= refused.status === 413;
    lines.push(
      `| .xlsx di ${fmt(Math.round(bomb.length / 1024))} KB che si espande a 400 MB | ${refused.status} ${(JSON.parse(refused.body) as { code: string }).code} in ${refused.ms.toFixed(0)} ms; memoria di picco del servizio ${rssBefore} → ${rssAfter} MiB | rifiutato dopo 2,5 s e 0,9 GB di memoria |`,
    );

    // 4. Malformed multipart bodies.
    console.error("4/4 caricamenti multipart malformati");
    const malformed: { type: string; body: string }[] = [
      { type: "multipart/form-data", body: "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc" },
      { type: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc" },
      { type: "multipart/form-data; boundary=x", body: "--x\r\nnot a header\r\n\r\nabc\r\n--x--" },
      { type: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n" },
      { type: "multipart/form-data; boundary=", body: "----\r\n\r\n" },
    ];
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { type, body } = malformed[i % malformed.length]!;
      const target = i % 2 ? "vacancies" : "candidates";
      answers.push((await timed(`${base}/api/v1/imports/${target}`, { method: "POST", headers: { ...auth, "content-type": type }, body })).status);
    }
    const fiveHundreds = answers.filter((s) => s >= 500).length;
    ok &&= fiveHundreds === 0;
    lines.push(`| 20 caricamenti multipart malformati | **${fiveHundreds} risposte 5xx**; risposte: ${[...new Set(answers)].join(", ")} | 20 risposte 500 con traccia dello stack nel log |`);
  } finally {
    service.child.kill("SIGTERM");
    await service.exited;
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }

  const m = machine();
  const report = [
    HARDENING_HEADING,
    "",
    `Misurato il ${nowIso()} con \`${opts.command}\` su ${m.nproc} core (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}: il servizio (\`src/main.ts\`) e la riga di comando in processi propri sullo stesso file SQLite, richieste HTTP su loopback.`,
    "",
    "| prova | dopo le correzioni | prima (sondaggio dell'issue 6) |",
    "| --- | --- | --- |",
    ...lines,
  ].join("\n");
  return { report, ok };
}
