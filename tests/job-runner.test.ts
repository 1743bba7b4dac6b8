import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { claimNextJob, enqueueJob } from "../src/jobs/job-queue.js";
import { runDueJobs } from "../src/jobs/job-worker.js";
import { slotKey } from "../src/jobs/scheduler.js";
import { retryDelayMs } from "../src/jobs/retry-backoff.js";
import { run as jobsCommand } from "../src/cli/commands/jobs.js";
import { runCommand } from "./helpers/run-command.js";

const h = useTestApp();

/** The jobs routes as the service mounts them. */
const api = (token: string) => ({ get: (path: string) => h.as(token).get(path), post: (path: string) => h.as(token).post(path, {}) });

let failures = 0;
const handlers = {
  flaky: async () => {
    failures += 1;
    throw new Error("servizio esterno non raggiungibile");
  },
  fine: async () => ({ counts: { done: 1 } }),
};

describe("the persisted job queue", () => {
  it("enqueues a slot once, whoever asks", async () => {
    const key = slotKey("fine", new Date("2026-12-01T01:15:00Z"));
    expect(key).toBe("fine@2026-12-01T01:15:00Z");
    const first = await enqueueJob(h.t.ctx.db, { kind: "fine", uniqueKey: key });
    expect(first).not.toBeNull();
    expect(await enqueueJob(h.t.ctx.db, { kind: "fine", uniqueKey: key })).toBeNull();
    expect(await h.t.ctx.db.job.count({ where: { uniqueKey: key } })).toBe(1);
  });

  it("a claimed job is nobody else's until its lease lapses", async () => {
    const claimed = await claimNextJob(h.t.ctx.db, "worker-a", 60_000);
    expect(claimed).toMatchObject({ kind: "fine", attempts: 1 });
    expect(await claimNextJob(h.t.ctx.db, "worker-b", 60_000)).toBeUndefined();
    const later = new Date(Date.now() + 61_000);
    const reclaimed = await claimNextJob(h.t.ctx.db, "worker-b", 60_000, later);
    expect(reclaimed).toMatchObject({ id: claimed!.id, attempts: 2 });
    expect(await h.t.ctx.db.job.findUniqueOrThrow({ where: { id: claimed!.id } })).toMatchObject({ state: "running", leaseOwner: "worker-b" });
    await h.t.ctx.db.job.update({ where: { id: claimed!.id }, data: { leaseExpiresAt: new Date(Date.now() - 1) } });
  });

  it("runs what is due, recording one run per attempt, and finishes a job whose worker died", async () => {
    expect(await runDueJobs(h.t.ctx, { handlers })).toBe(1);
    const job = await h.t.ctx.db.job.findFirstOrThrow({ where: { kind: "fine" } });
    expect(job).toMatchObject({ state: "succeeded", attempts: 3, leaseOwner: null });
    const run = await h.t.ctx.db.jobRun.findUniqueOrThrow({ where: { id: job.runId! } });
    expect(run).toMatchObject({ kind: "fine", status: "succeeded", source: `job ${job.id}`, counts: { done: 1 } });
  });

  it("backs off exponentially after a failure, then gives up after maxAttempts keeping the error", async () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 1_000))).toEqual([1_000, 2_000, 4_000]);
    const id = (await enqueueJob(h.t.ctx.db, { kind: "flaky", maxAttempts: 3 }))!;
    const before = Date.now();
    expect(await runDueJobs(h.t.ctx, { handlers, retryBaseMs: 60_000 })).toBe(1);
    const waiting = await h.t.ctx.db.job.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ state: "queued", attempts: 1, lastError: expect.stringMatching(/servizio esterno non raggiungibile/) });
    expect(waiting.runAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    // Not due yet: nothing runs.
    expect(await runDueJobs(h.t.ctx, { handlers })).toBe(0);
    await h.t.ctx.db.job.update({ where: { id }, data: { runAt: new Date() } });
    expect(await runDueJobs(h.t.ctx, { handlers, retryBaseMs: 0 })).toBe(2);
    expect(failures).toBe(3);
    const failed = await h.t.ctx.db.job.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ state: "failed", attempts: 3, lastError: expect.stringMatching(/^Errore imprevisto/) });
    const runs = await h.t.ctx.db.jobRun.findMany({ where: { source: `job ${id}` } });
    expect(runs.map((r) => r.status)).toEqual(["failed", "failed", "failed"]);
    expect(runs[0]!.error).toMatch(/servizio esterno non raggiungibile/);
  });

  it("GET /jobs shows timetables, backlog and failures to the administrator only", async () => {
    await enqueueJob(h.t.ctx.db, { kind: "fine", runAt: new Date(Date.now() + 3_600_000) });
    const res = await api(h.p.admin).get("/api/v1/jobs");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.schedules.map((s: { name: string }) => s.name)).toEqual(["expire-vacancies", "rematch", "index-check", "send-emails", "deadline-reminders", "rematch-changes", "digests", "backup", "retention"]);
    expect(res.body.schedules[0]).toMatchObject({ cron: "15 1 * * *", timezone: "Europe/Rome", lastRun: null });
    expect(new Date(res.body.schedules[0].nextRunAt).getTime()).toBeGreaterThan(Date.now());
    expect(res.body.backlog).toEqual([{ kind: "fine", queued: 1, running: 0 }]);
    expect(res.body.failures).toHaveLength(1);
    expect(res.body.failures[0]).toMatchObject({ kind: "flaky", attempts: 3, maxAttempts: 3, lastError: expect.stringMatching(/servizio esterno/) });
    expect((await api(h.p.referent).get("/api/v1/jobs")).status).toBe(403);
    const strict = await api(h.p.admin).get("/api/v1/jobs?foo=1");
    expect(strict.status).toBe(400);
    expect(strict.body.fields[0].field).toBe("foo");
  });

  it("POST /jobs/:id/retry puts a failed job back in the queue; anything else is refused", async () => {
    const failed = await h.t.ctx.db.job.findFirstOrThrow({ where: { state: "failed" } });
    expect((await api(h.p.tutor).post(`/api/v1/jobs/${failed.id}/retry`)).status).toBe(403);
    const res = await api(h.p.admin).post(`/api/v1/jobs/${failed.id}/retry`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await h.t.ctx.db.job.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ state: "queued", attempts: 0 });
    const again = await api(h.p.admin).post(`/api/v1/jobs/${failed.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("INVALID_TRANSITION");
    expect((await api(h.p.admin).post("/api/v1/jobs/nessuno/retry")).status).toBe(404);
  });

  it("the command line lists the same and retries a failed job", async () => {
    await runDueJobs(h.t.ctx, { handlers, retryBaseMs: 0 });
    const failed = await h.t.ctx.db.job.findFirstOrThrow({ where: { state: "failed" } });
    const listed = await runCommand(() => jobsCommand(h.t.ctx, []));
    expect(listed.code).toBe(0);
    expect(listed.output).toMatch(/expire-vacancies\s+15 1 \* \* \*/);
    expect(listed.output).toContain(failed.id);
    const retried = await runCommand(() => jobsCommand(h.t.ctx, ["retry", failed.id]));
    expect(retried.code).toBe(0);
    expect(retried.output).toMatch(/rimesso in coda/);
    expect((await runCommand(() => jobsCommand(h.t.ctx, ["retry", failed.id]))).code).toBe(1);
    expect((await runCommand(() => jobsCommand(h.t.ctx, ["boh"]))).code).toBe(2);
  });

  it("the command line runs a job now, recorded like a scheduled run", async () => {
    const ran = await runCommand(() => jobsCommand(h.t.ctx, ["run", "deadline-reminders"]));
    expect(ran.code).toBe(0);
    expect(ran.output).toMatch(/^deadline-reminders: .*raised \d+/);
    const run = await h.t.ctx.db.jobRun.findFirstOrThrow({ where: { kind: "deadline-reminders" }, orderBy: { startedAt: "desc" } });
    expect(run).toMatchObject({ status: "succeeded", source: "riga di comando" });
    const unknown = await runCommand(() => jobsCommand(h.t.ctx, ["run", "boh"]));
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("Tipo di lavoro sconosciuto: boh");
  });
});
