/**
 * PostgreSQL part of `npm run bench` (`--only postgres`): the embedded deployment (one SQLite file, the
 * embedded index) and the scaled-out one (PostgreSQL and Meilisearch) side by side, each with one and with
 * two service processes (src/main.ts, real HTTP):
 *   1. write throughput: people registered through POST /candidates by 8 concurrent clients spread over the
 *      processes (writes per second, latency, failures);
 *   2. list building: GET /vacancies/:id/matches (the ranked people of a vacancy) over the people just
 *      written, 4 concurrent clients, once the index has caught up.
 * PostgreSQL is TEST_POSTGRES_URL's server (a database created and dropped per run); Meilisearch is started
 * from the npm package and stopped at the end.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createContext } from "../src/bootstrap.js";
import { loadEnv } from "../src/config/env.js";
import { indexLag } from "../src/indexing/index-sync-consumer.js";
import { createLogger } from "../src/logging/logger.js";
import { createUser } from "../src/users/create-user.js";
import { mariaRossiTaxCode } from "../tests/helpers/consistent-tax-codes.js";
import { startMeilisearch } from "../tests/helpers/meilisearch-server.js";
import { createMigratedDatabase, dropDatabases, newRunPrefix, TEST_POSTGRES_URL } from "../tests/helpers/postgres-server.js";
import { freePort, startVetrina, untilHealthy, type VetrinaProcess } from "../tests/helpers/processes.js";
import { candidateBody, vacancyBody } from "../tests/helpers/sample-bodies.js";
import { CPI_TORINO } from "../tests/helpers/test-app.js";
import { codeVersion, distribution, fmt, machine, nowIso, POSTGRES_HEADING, rate, seconds, type Distribution } from "./common.js";
import type { BenchOptions } from "./showcase.js";

const WRITERS = 8;
const READERS = 4;
const VACANCIES = 10;

interface Figures {
  store: string;
  processes: number;
  writes: number;
  failed: number;
  writeMs: number;
  write: Distribution;
  catchUpMs: number;
  matches: Distribution;
  matchFailed: number;
}

const ms = (d: Distribution) => `${d.p50.toFixed(0)} / ${d.p95.toFixed(0)} / ${d.max.toFixed(0)}`;

/** Runs `count` calls by `workers` concurrent clients; each call's latency and whether it answered as expected. */
async function concurrently(count: number, workers: number, call: (i: number) => Promise<boolean>): Promise<{ ms: number[]; failed: number; totalMs: number }> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        const ok = await call(i).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) failed++;
      }
    }),
  );
  return { ms: latencies, failed, totalMs: performance.now() - started };
}

async function measure(store: "sqlite" | "postgresql", processCount: number, people: number, meili: { url: string; key: string }, runPrefix: string): Promise<Figures> {
  const label = `${store}-${processCount}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-bench-pg-"));
  const storeEnv: Record<string, string> =
    store === "sqlite"
      ? { DATABASE_PATH: path.join(dir, "vetrina.db") }
      : {
          DATABASE_URL: await createMigratedDatabase(TEST_POSTGRES_URL, `${runPrefix}_${label.replace("-", "_")}`),
          SEARCH_BACKEND: "meilisearch",
          MEILISEARCH_URL: meili.url,
          MEILISEARCH_API_KEY: meili.key,
          MEILISEARCH_INDEX_PREFIX: `${runPrefix}_${label.replace("-", "_")}_`,
        };
  const env = loadEnv({ ...storeEnv, NODE_ENV: "test", LOG_LEVEL: "silent", DEMO_DATA: "false" });
  const ctx = await createContext(env, createLogger(env));
  const { token } = await createUser(ctx.db, { name: "Referente Bench", email: "referente.bench@example.it", role: "referent", cpiCodes: [CPI_TORINO] });
  const ports = await Promise.all(Array.from({ length: processCount }, () => freePort()));
  const processes: VetrinaProcess[] = ports.map((port, i) =>
    startVetrina(["src/main.ts"], { ...storeEnv, PORT: String(port), SCHEDULER: i === 0 ? "true" : "false", DB_POOL_SIZE: "8" }),
  );
  try {
    await Promise.all(ports.map((port) => untilHealthy(port)));
    const call = (i: number, method: string, route: string, body?: object) =>
      fetch(`http://127.0.0.1:${ports[i % ports.length]}/api/v1${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const vacancyIds: string[] = [];
    for (let i = 0; i < VACANCIES; i++) vacancyIds.push(((await (await call(i, "POST", "/vacancies", vacancyBody())).json()) as { id: string }).id);

    const writes = await concurrently(people, WRITERS, async (i) => {
      const res = await call(i, "POST", "/candidates", candidateBody(mariaRossiTaxCode(i + 1), { lastName: `Rossi${i}` }));
      await res.arrayBuffer();
      return res.status === 201;
    });
    const caughtUp = performance.now();
    while (!Object.values(await indexLag(ctx)).every((n) => n === 0)) await new Promise((resolve) => setTimeout(resolve, 50));
    const catchUpMs = performance.now() - caughtUp;

    const lists = await concurrently(VACANCIES * 10, READERS, async (i) => {
      const res = await call(i, "GET", `/vacancies/${vacancyIds[i % VACANCIES]}/matches`);
      const body = (await res.json()) as { items?: unknown[] };
      return res.status === 200 && (body.items?.length ?? 0) > 0;
    });
    return {
      store: store === "sqlite" ? "SQLite + indice integrato" : "PostgreSQL + Meilisearch",
      processes: processCount,
      writes: people - writes.failed,
      failed: writes.failed,
      writeMs: writes.totalMs,
      write: distribution(writes.ms),
      catchUpMs,
      matches: distribution(lists.ms),
      matchFailed: lists.failed,
    };
  } finally {
    for (const p of processes) p.child.kill("SIGTERM");
    await Promise.all(processes.map((p) => p.exited));
    await ctx.db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPostgresBench(opts: BenchOptions): Promise<{ report: string; ok: boolean }> {
  const people = opts.quick ? 300 : 1_000;
  const version = codeVersion();
  const runPrefix = newRunPrefix();
  const meili = await startMeilisearch();
  const figures: Figures[] = [];
  try {
    for (const store of ["sqlite", "postgresql"] as const) {
      for (const processCount of [1, 2]) {
        console.error(`postgres: ${store}, ${processCount} processi, ${people} scritture…`);
        figures.push(await measure(store, processCount, people, { url: meili.url, key: meili.masterKey }, runPrefix));
      }
    }
  } finally {
    await meili.close();
    await dropDatabases(TEST_POSTGRES_URL, runPrefix);
  }
  const m = machine();
  const rows = figures.map(
    (f) =>
      `| ${f.store} | ${f.processes} | ${fmt(rate(f.writes, f.writeMs))} | ${ms(f.write)} | ${f.failed} | ${seconds(f.catchUpMs)} | ${ms(f.matches)} | ${f.matchFailed} |`,
  );
  const report = [
    POSTGRES_HEADING,
    "",
    `${nowIso()}, \`${opts.command}\`, ${version}; ${m.nproc} CPU (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}. ` +
      `PostgreSQL su ${new URL(TEST_POSTGRES_URL).host} (stessa macchina), Meilisearch 1.21 dal pacchetto npm, tutto su loopback.`,
    "",
    `Scritture: ${fmt(people)} persone registrate con \`POST /api/v1/candidates\` da ${WRITERS} client concorrenti distribuiti sui processi; ` +
      `rose: ${VACANCIES * 10} \`GET /api/v1/vacancies/:id/matches\` su ${VACANCIES} offerte da ${READERS} client, dopo che l'indice ha raggiunto l'archivio. ` +
      "Con due processi il primo ha lo scheduler e il consumatore dell'indice, entrambi servono e lavorano la coda.",
    "",
    "| archivio | processi | scritture/s | scrittura p50 / p95 / max (ms) | scritture fallite | indice allineato dopo | rosa p50 / p95 / max (ms) | rose fallite |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
  return { report, ok: figures.every((f) => f.failed === 0 && f.matchFailed === 0) };
}
