import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { startVetrina, type VetrinaProcess } from "./helpers/processes.js";
import { enqueueJob } from "../src/jobs/job-queue.js";

let t: TestApp | undefined;
const processes: VetrinaProcess[] = [];
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await t?.close();
});

/** The slots each process logged: whether it was the one to enqueue them. */
function slotsLogged(p: VetrinaProcess): Map<string, boolean> {
  const slots = new Map<string, boolean>();
  for (const line of p.output().split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { slot?: string; enqueued?: boolean };
    if (entry.slot?.startsWith("tick@") && entry.enqueued !== undefined) slots.set(entry.slot, entry.enqueued);
  }
  return slots;
}

describe("two service processes on one database", () => {
  it("run every scheduled slot exactly once, and one finishes the job the other was killed in the middle of", async () => {
    t = await createTestApp();
    const db = t.ctx.db;
    for (let i = 0; i < 2; i++) processes.push(startVetrina(["tests/fixtures/scheduler-process.ts"], { DATABASE_PATH: t.databasePath, LOG_LEVEL: "debug" }));
    await expect.poll(() => processes.every((p) => p.output().includes("pronto")), { timeout: 60_000, interval: 100 }).toBe(true);
    const [a, b] = processes as [VetrinaProcess, VetrinaProcess];

    // Both tick for a while, then a slow job starts in one of them, which is killed halfway.
    await sleep(4_000);
    const slowId = (await enqueueJob(db, { kind: "slow", payload: { ms: 4_000 } }))!;
    await expect.poll(async () => (await db.job.findUniqueOrThrow({ where: { id: slowId } })).state, { timeout: 20_000, interval: 50 }).toBe("running");
    // Halfway means its run has begun: the claim is written a moment before the run record, and a loaded machine widens that gap.
    await expect.poll(() => db.jobRun.count({ where: { source: `job ${slowId}` } }), { timeout: 20_000, interval: 50 }).toBe(1);
    const owner = (await db.job.findUniqueOrThrow({ where: { id: slowId } })).leaseOwner!;
    const [victim, survivor] = owner.startsWith(`${a.child.pid}-`) ? [a, b] : [b, a];
    victim.child.kill("SIGKILL");
    await victim.exited;
    const bothTicking = slotsLogged(victim);

    await expect.poll(async () => (await db.job.findUniqueOrThrow({ where: { id: slowId } })).state, { timeout: 30_000, interval: 200 }).toBe("succeeded");
    await sleep(2_000);
    survivor.child.kill("SIGTERM");
    await survivor.exited;

    // The killed attempt's run is abandoned; the survivor's attempt finished the job.
    const slow = await db.job.findUniqueOrThrow({ where: { id: slowId } });
    expect(slow.attempts).toBe(2);
    const slowRuns = await db.jobRun.findMany({ where: { source: `job ${slowId}` }, orderBy: { startedAt: "asc" } });
    expect(slowRuns.map((r) => r.status)).toEqual(["abandoned", "succeeded"]);
    expect(slowRuns[1]!.counts).toEqual({ pid: survivor.child.pid });

    // Every slot: enqueued by exactly one process, run once, successfully.
    const seen = slotsLogged(survivor);
    const shared = [...bothTicking.keys()].filter((slot) => seen.has(slot));
    expect(shared.length).toBeGreaterThanOrEqual(3);
    for (const slot of shared) expect([bothTicking.get(slot), seen.get(slot)].filter(Boolean), slot).toHaveLength(1);
    const ticks = await db.job.findMany({ where: { kind: "tick" } });
    expect(ticks.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ticks.map((j) => j.uniqueKey)).size).toBe(ticks.length);
    const runs = await db.jobRun.findMany({ where: { kind: "tick" } });
    const runsPerJob = new Map<string, string[]>();
    for (const r of runs) runsPerJob.set(r.source!, [...(runsPerJob.get(r.source!) ?? []), r.status]);
    for (const job of ticks.filter((j) => j.state !== "queued")) {
      expect(job.state, job.uniqueKey!).toBe("succeeded");
      expect(runsPerJob.get(`job ${job.id}`), job.uniqueKey!).toEqual(["succeeded"]);
    }
    expect(runs.length).toBe(ticks.filter((j) => j.state === "succeeded").length);
  }, 120_000);
});
