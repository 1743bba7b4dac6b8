import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { assertAllowed, requireRole } from "../../auth/policies.js";
import { jobsOverview } from "../../jobs/jobs-overview.js";
import { retryFailedJob } from "../../jobs/job-queue.js";
import { idParams } from "./vacancies.js";

const tag = "Lavori pianificati";

/** The job runner as the regional agency watches it: timetables, backlog, failures, and a retry. */
export function jobRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { method: "get", path: "/jobs", tag, summary: "Lavori: pianificazioni con ultima e prossima esecuzione, lavori in coda o in corso per tipo, lavori non riusciti con l'errore", roles: "admin" },
    async ({ actor }) => {
      assertAllowed(requireRole(actor, ["admin"]));
      return jobsOverview(ctx.db);
    },
  );
  mountRoute(
    r,
    { method: "post", path: "/jobs/:id/retry", tag, summary: "Rimette in coda un lavoro non riuscito, con tutti i suoi tentativi", roles: "admin", params: idParams },
    async ({ actor, params }) => {
      assertAllowed(requireRole(actor, ["admin"]));
      await retryFailedJob(ctx.db, params.id);
      return { id: params.id, state: "queued" };
    },
  );
  return r;
}
