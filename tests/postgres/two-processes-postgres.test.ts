// Two service processes (src/main.ts) on one PostgreSQL database and one Meilisearch server, as a regional
// deployment runs them behind a load balancer: writes through both, jobs worked by both.
import { afterAll, describe, expect, it } from "vitest";
import { enqueueJob } from "../../src/jobs/job-queue.js";
import { checkIndexConsistency } from "../../src/indexing/check-index-consistency.js";
import { indexLag } from "../../src/indexing/index-sync-consumer.js";
import { mariaRossiTaxCode } from "../helpers/consistent-tax-codes.js";
import { freePort, startVetrina, untilHealthy, type VetrinaProcess } from "../helpers/processes.js";
import { candidateBody, vacancyBody } from "../helpers/sample-bodies.js";
import { createPersonas, createTestApp, type TestApp } from "../helpers/test-app.js";

let t: TestApp | undefined;
const processes: VetrinaProcess[] = [];
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await t?.close();
});

const WRITES_PER_PROCESS = 15;
const JOBS = 24;

describe("two service processes on one PostgreSQL and one Meilisearch", () => {
  it("lose no write, run every job once, and leave the index agreeing with the store", async () => {
    t = await createTestApp();
    const { env } = t.ctx;
    const p = await createPersonas(t.ctx);
    const shared = {
      DATABASE_URL: env.DATABASE_URL!,
      SEARCH_BACKEND: "meilisearch",
      MEILISEARCH_URL: env.MEILISEARCH_URL!,
      MEILISEARCH_API_KEY: env.MEILISEARCH_API_KEY!,
      MEILISEARCH_INDEX_PREFIX: env.MEILISEARCH_INDEX_PREFIX!,
      DB_POOL_SIZE: "4",
    };
    const ports = [await freePort(), await freePort()];
    // One process runs the scheduler and the index consumer, as the README asks; both serve and work the queue.
    ports.forEach((port, i) => processes.push(startVetrina(["src/main.ts"], { ...shared, PORT: String(port), SCHEDULER: i === 0 ? "true" : "false" })));
    await Promise.all(ports.map((port) => untilHealthy(port, 120_000)));

    // Jobs enqueued while both write: each must be claimed by one worker only.
    const jobIds = await Promise.all(Array.from({ length: JOBS }, () => enqueueJob(t!.ctx.db, { kind: "expire-vacancies" })));

    const call = (port: number, method: "POST" | "PATCH", path: string, body: object) =>
      fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${p.referent}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id?: string } }));
    const writes = await Promise.all(
      ports.flatMap((port, i) =>
        Array.from({ length: WRITES_PER_PROCESS }, async (_, n) => {
          const vacancy = await call(port, "POST", "/vacancies", vacancyBody());
          const person = await call(port, "POST", "/candidates", candidateBody(mariaRossiTaxCode(i * WRITES_PER_PROCESS + n + 1), { lastName: `Rossi${i}${n}` }));
          // Changed through the other process: the second writer sees the first one's record.
          const other = ports[1 - i]!;
          const patched = await call(other, "PATCH", `/vacancies/${vacancy.body.id}`, { positions: 3 });
          return { vacancy, person, patched };
        }),
      ),
    );
    for (const w of writes) {
      expect(w.vacancy.status, JSON.stringify(w.vacancy.body)).toBe(201);
      expect(w.person.status, JSON.stringify(w.person.body)).toBe(201);
      expect(w.patched.status, JSON.stringify(w.patched.body)).toBe(200);
    }

    // Nothing lost: every record is in the store once, with the change made through the other process.
    const vacancies = await t.ctx.db.vacancy.findMany({ select: { id: true, positions: true } });
    expect(vacancies).toHaveLength(2 * WRITES_PER_PROCESS);
    expect(new Set(vacancies.map((v) => v.id))).toEqual(new Set(writes.map((w) => w.vacancy.body.id)));
    expect(vacancies.every((v) => v.positions === 3)).toBe(true);
    expect(await t.ctx.db.candidate.count()).toBe(2 * WRITES_PER_PROCESS);
    const published = await t.ctx.db.domainEvent.groupBy({ by: ["entityId"], where: { type: "vacancy.published" }, _count: true });
    expect(published).toHaveLength(2 * WRITES_PER_PROCESS);
    expect(published.every((e) => e._count === 1)).toBe(true);

    // Every job ran once: one attempt, one run, succeeded.
    await expect
      .poll(async () => t!.ctx.db.job.count({ where: { id: { in: jobIds as string[] }, state: "succeeded" } }), { timeout: 120_000, interval: 200 })
      .toBe(JOBS);
    const jobs = await t.ctx.db.job.findMany({ where: { id: { in: jobIds as string[] } } });
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    const runs = await t.ctx.db.jobRun.findMany({ where: { source: { in: jobs.map((j) => `job ${j.id}`) } } });
    expect(runs).toHaveLength(JOBS);
    expect(runs.every((r) => r.status === "succeeded")).toBe(true);

    // The index consumer (in the first process) catches up; then the index holds exactly the store's records.
    await expect.poll(async () => Object.values(await indexLag(t!.ctx)).every((n) => n === 0), { timeout: 120_000, interval: 200 }).toBe(true);
    const consistency = await checkIndexConsistency(t.ctx);
    for (const report of Object.values(consistency)) {
      expect(report).toEqual({ stored: 2 * WRITES_PER_PROCESS, indexed: 2 * WRITES_PER_PROCESS, missing: 0, differing: 0, rebuilt: false });
    }
    // And a search through the second process finds them all.
    const search = await fetch(`http://127.0.0.1:${ports[1]}/api/v1/vacancies?pageSize=100`, { headers: { authorization: `Bearer ${p.referent}` } });
    expect(((await search.json()) as { total: number }).total).toBe(2 * WRITES_PER_PROCESS);

    for (const proc of processes) proc.child.kill("SIGTERM");
    expect(await Promise.all(processes.map((proc) => proc.exited))).toEqual([0, 0]);
  }, 360_000);
});
