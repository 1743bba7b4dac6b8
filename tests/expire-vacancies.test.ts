import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { vacancyBody } from "./helpers/sample-bodies.js";
import { expireStaleVacancies } from "../src/jobs/expire-vacancies/expire-vacancies.js";
import { SCHEDULED_JOBS, slotKey } from "../src/jobs/scheduler.js";
import { enqueueJob } from "../src/jobs/job-queue.js";
import { runDueJobs } from "../src/jobs/job-worker.js";
import { JOB_HANDLERS } from "../src/jobs/job-handlers.js";
import cron from "node-cron";

const h = useTestApp();

/** Closing dates in the past cannot be published, so a stale offer gets its date after publication. */
const publish = async ({ closingDate }: { closingDate: string }) => {
  const res = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ closingDate: "2099-12-31" }));
  expect(res.status).toBe(201);
  await h.t.ctx.db.vacancy.update({ where: { id: res.body.id }, data: { closingDate: new Date(`${closingDate}T00:00:00Z`) } });
  return res.body.id as string;
};

describe("expiring stale offers", () => {
  it("expires open offers past their closing date, and keeps the others", async () => {
    const stale = await publish({ closingDate: "2026-01-31" });
    const current = await publish({ closingDate: "2099-12-31" });
    const sent = await publish({ closingDate: "2026-01-31" });
    for (const to of ["in_preselection", "list_sent"]) {
      await h.as(h.p.admin).post(`/api/v1/vacancies/${sent}/status`, { to });
    }
    const { expired } = await expireStaleVacancies(h.t.ctx, new Date("2026-11-23T10:00:00Z"));
    expect(expired).toEqual([stale]);
    const statuses = await h.t.ctx.db.vacancy.findMany({ where: { id: { in: [stale, current, sent] } } });
    expect(Object.fromEntries(statuses.map((v) => [v.id, v.status]))).toEqual({ [stale]: "expired", [current]: "open", [sent]: "list_sent" });
    const last = await h.t.ctx.db.vacancyStatusChange.findFirst({ where: { vacancyId: stale }, orderBy: { at: "desc" } });
    expect(last?.reason).toMatch(/Scaduta automaticamente/);
    // The history says the deadline did it, not a person.
    expect([last?.source, last?.byUserId]).toEqual(["scadenza", null]);
    const search = await h.as(h.p.admin).get("/api/v1/vacancies?status=open");
    expect(search.body.items.map((v: { id: string }) => v.id)).not.toContain(stale);
  });

  it("a second run finds nothing more to do", async () => {
    expect((await expireStaleVacancies(h.t.ctx, new Date("2026-11-23T10:00:00Z"))).expired).toEqual([]);
  });

  it("a scheduled slot is run by a worker, which records the run with its counts", async () => {
    const stale = await publish({ closingDate: "2020-01-31" });
    await enqueueJob(h.t.ctx.db, { kind: "expire-vacancies", uniqueKey: slotKey("expire-vacancies", new Date()) });
    expect(await runDueJobs(h.t.ctx)).toBe(1);
    expect((await h.t.ctx.db.vacancy.findUniqueOrThrow({ where: { id: stale } })).status).toBe("expired");
    const job = await h.t.ctx.db.job.findFirstOrThrow({ where: { kind: "expire-vacancies" } });
    expect(job).toMatchObject({ state: "succeeded", attempts: 1 });
    const run = await h.t.ctx.db.jobRun.findUniqueOrThrow({ where: { id: job.runId! } });
    expect(run).toMatchObject({ kind: "expire-vacancies", status: "succeeded", counts: { expired: 1 }, report: { expired: [stale] } });
  });

  it("every scheduled job has a valid timetable and a handler", () => {
    for (const job of SCHEDULED_JOBS) {
      expect(cron.validate(job.schedule), job.name).toBe(true);
      expect(JOB_HANDLERS, job.name).toHaveProperty(job.name);
    }
  });
});
