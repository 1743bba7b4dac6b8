import type { Db } from "../db/client.js";
import { recordedUserId, type Actor } from "../auth/actor.js";

export type JobKind = "import-vacancies" | "import-candidates" | "export-vacancies" | "seed" | "reindex" | "expire-vacancies" | "rematch";

export interface JobRunHandle {
  id: string;
  finish(status: "succeeded" | "failed", counts: Record<string, number>, report?: unknown): Promise<void>;
}

/** Long work records each run (who, what, when, how it ended, row-by-row report) so it can be looked up later. */
export async function startJobRun(db: Db, kind: JobKind, source: string | null, actor: Actor | null): Promise<JobRunHandle> {
  const run = await db.jobRun.create({ data: { kind, source, status: "running", byUserId: recordedUserId(actor) } });
  return {
    id: run.id,
    finish: async (status, counts, report) => {
      await db.jobRun.update({
        where: { id: run.id },
        data: { status, finishedAt: new Date(), counts, report: report === undefined ? undefined : (report as object) },
      });
    },
  };
}
