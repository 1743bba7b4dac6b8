import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { assertAllowed, requireRole } from "../../auth/policies.js";
import { jobsOverview } from "../../jobs/jobs-overview.js";
import { retryFailedJob } from "../../jobs/job-queue.js";
import { idParams } from "./vacancies.js";
import { z } from "../../validation/zod-setup.js";

const tag = "Lavori pianificati";

export const getJobsOverviewResponseSchema = z.strictObject({
  schedules: z.array(z.strictObject({
    name: z.string(),
    cron: z.string(),
    timezone: z.string(),
    lastRun: z.strictObject({
      runId: z.string(),
      status: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      counts: z.record(z.string(), z.number()).nullable(),
      error: z.string().nullable(),
    }).nullable(),
    nextRunAt: z.string().nullable(),
  })),
  backlog: z.array(z.strictObject({ kind: z.string(), queued: z.number(), running: z.number() })),
  failures: z.array(z.strictObject({
    id: z.string(),
    kind: z.string(),
    uniqueKey: z.string().nullable(),
    attempts: z.number(),
    maxAttempts: z.number(),
    lastError: z.string().nullable(),
    runId: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })),
});

export const retryJobResponseSchema = z.strictObject({ id: z.string(), state: z.string() });

/** The job runner as the regional agency watches it: timetables, backlog, failures, and a retry. */
export function jobRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "getJobsOverview", response: getJobsOverviewResponseSchema, method: "get", path: "/jobs", tag, summary: "Lavori: pianificazioni con ultima e prossima esecuzione, lavori in coda o in corso per tipo, lavori non riusciti con l'errore", roles: "admin" },
    async ({ actor }) => {
      assertAllowed(requireRole(actor, ["admin"]));
      return jobsOverview(ctx.db);
    },
  );
  mountRoute(
    r,
    { operationId: "retryJob", response: retryJobResponseSchema, errors: ["INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/jobs/:id/retry", tag, summary: "Rimette in coda un lavoro non riuscito, con tutti i suoi tentativi", roles: "admin", params: idParams },
    async ({ actor, params }) => {
      assertAllowed(requireRole(actor, ["admin"]));
      await retryFailedJob(ctx.db, params.id);
      return { id: params.id, state: "queued" };
    },
  );
  return r;
}
