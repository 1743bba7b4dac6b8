import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { generatedPeople, loadPlaces, peopleCsv } from "./helpers/generated-people.js";
import { allRows, waitForImport } from "./helpers/imports.js";
import { vacancyBody } from "./helpers/sample-bodies.js";
import { ABANDONED_REASON, recoverAbandonedRuns, sweepAbandonedRuns } from "../src/jobs/abandoned-runs.js";
import { LEASE_MS, startJobRun } from "../src/jobs/job-run.js";
import { runDueJobs } from "../src/jobs/job-worker.js";
import { run as cliRetryImport } from "../src/cli/commands/retry-import.js";

const afterLease = () => new Date(Date.now() + LEASE_MS + 1_000);

describe("runs left running by a process that died", () => {
  const h = useTestApp();

  it("kill -9 of a command-line import: the sweep marks the run abandoned with its reason, and retry finishes it without duplicates", async () => {
    const N = 6_000;
    const places = await loadPlaces(h.t.ctx);
    const file = path.join(path.dirname(h.t.databasePath), "persone-kill.csv");
    fs.writeFileSync(file, peopleCsv(places, generatedPeople(places, N)));
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli.ts", "import-candidates", file], {
      env: { ...process.env, DATABASE_PATH: h.t.databasePath, LOG_LEVEL: "silent", NODE_ENV: "test" },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Killed once it has written part of the file, as a crash would find it.
    await expect
      .poll(async () => (await h.t.ctx.db.jobRun.findFirst({ where: { kind: "import-candidates", status: "running" } }))?.progressDone ?? 0, { timeout: 180_000, interval: 50 })
      .toBeGreaterThan(0);
    child.kill("SIGKILL");
    await exited;
    const killed = await h.t.ctx.db.jobRun.findFirstOrThrow({ where: { kind: "import-candidates" } });
    expect(killed.status).toBe("running");
    const written = await h.t.ctx.db.candidate.count();
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(N);

    // Its lease still runs: a sweep now leaves it alone; once lapsed, it is abandoned.
    expect(await sweepAbandonedRuns(h.t.ctx.db)).toEqual([]);
    expect(await sweepAbandonedRuns(h.t.ctx.db, afterLease())).toEqual([{ id: killed.id, kind: "import-candidates" }]);
    const abandoned = await request(h.t.app).get(`/api/v1/imports/${killed.id}`).set("Authorization", `Bearer ${h.p.admin}`);
    expect(abandoned.body).toMatchObject({ status: "abandoned", error: { code: null, message: ABANDONED_REASON } });

    const retry = await request(h.t.app).post(`/api/v1/imports/${killed.id}/retry`).set("Authorization", `Bearer ${h.p.admin}`);
    expect(retry.status).toBe(202);
    expect(retry.body.id).not.toBe(killed.id);
    const again = await waitForImport(h.t.app, h.p.admin, retry.body.id);
    expect(again.status).toBe("succeeded");
    expect(again.totals).toEqual({ rows: N, created: N - written, updated: 0, unchanged: written, rejected: 0 });
    expect(await h.t.ctx.db.candidate.count()).toBe(N);
    expect(new Set((await allRows(h.t.app, h.p.admin, retry.body.id)).map((r) => r.id)).size).toBe(N);

    // Only failed or abandoned imports run again.
    const twice = await request(h.t.app).post(`/api/v1/imports/${retry.body.id}/retry`).set("Authorization", `Bearer ${h.p.admin}`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("INVALID_TRANSITION");
    const notHis = await request(h.t.app).post(`/api/v1/imports/${killed.id}/retry`).set("Authorization", `Bearer ${h.p.referent}`);
    expect(notHis.status).toBe(403);
  }, 360_000);

  it("the command line re-runs an abandoned import from its kept file", async () => {
    const runs = await h.t.ctx.db.jobRun.findMany({ where: { kind: "import-candidates", status: "abandoned" } });
    expect(runs).toHaveLength(1);
    const before = await h.t.ctx.db.candidate.count();
    expect(await cliRetryImport(h.t.ctx, [runs[0]!.id])).toBe(0);
    const last = await h.t.ctx.db.jobRun.findFirstOrThrow({ where: { kind: "import-candidates" }, orderBy: { startedAt: "desc" } });
    expect(last).toMatchObject({ status: "succeeded", counts: { unchanged: before, created: 0 } });
    expect(await h.t.ctx.db.candidate.count()).toBe(before);
    expect(await cliRetryImport(h.t.ctx, ["nessuna"])).toBe(1);
  }, 60_000);

  it("a run from before leases (none recorded) is abandoned at once; a live run of this process is not", async () => {
    const old = await h.t.ctx.db.jobRun.create({ data: { kind: "rematch", status: "running" } });
    const live = await startJobRun(h.t.ctx.db, "reindex", null, null);
    const swept = await sweepAbandonedRuns(h.t.ctx.db);
    expect(swept.map((r) => r.id)).toEqual([old.id]);
    expect(await h.t.ctx.db.jobRun.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "abandoned", error: ABANDONED_REASON });
    expect((await h.t.ctx.db.jobRun.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("running");
    await live.finish("succeeded", {});
    expect(await h.t.ctx.db.jobRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "succeeded", leaseOwner: null, leaseExpiresAt: null });
  });

  it("an abandoned expiry of stale offers simply runs again after start", async () => {
    const published = await request(h.t.app).post("/api/v1/vacancies").set("Authorization", `Bearer ${h.p.admin}`).send(vacancyBody());
    expect(published.status).toBe(201);
    const stale = published.body.id as string;
    // Its closing date passed while the expiry run that should have caught it was dead.
    await h.t.ctx.db.vacancy.update({ where: { id: stale }, data: { closingDate: new Date(Date.now() - 3 * 86_400_000) } });
    await h.t.ctx.db.jobRun.create({ data: { kind: "expire-vacancies", status: "running", leaseOwner: "morto", leaseExpiresAt: new Date(Date.now() - 1_000) } });
    const recovered = await recoverAbandonedRuns(h.t.ctx);
    expect(recovered.map((r) => r.kind)).toEqual(["expire-vacancies"]);
    // It is enqueued again, once however often the recovery runs, and the service's worker runs it.
    await recoverAbandonedRuns(h.t.ctx);
    expect(await h.t.ctx.db.job.count({ where: { kind: "expire-vacancies", state: "queued" } })).toBe(1);
    expect(await runDueJobs(h.t.ctx)).toBe(1);
    expect((await h.t.ctx.db.vacancy.findUniqueOrThrow({ where: { id: stale } })).status).toBe("expired");
    const runs = await h.t.ctx.db.jobRun.findMany({ where: { kind: "expire-vacancies" }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["abandoned", "succeeded"]);
  });
});
