import { retentionCounts, runRetention } from "../../retention/apply-retention.js";
import { retentionRulesOf } from "../../retention/retention-rules.js";
import type { JobHandler } from "../job-handler.js";

/** The nightly retention pass: its dry run, then the removal unless RETENTION_APPLY=false. Counts by kind only. */
export const retentionJob: JobHandler = async (ctx, _payload, onProgress) => {
  const outcome = await runRetention(ctx, retentionRulesOf(ctx.env), { dryRun: !ctx.env.RETENTION_APPLY, onProgress });
  return { counts: retentionCounts(outcome), report: { dryRun: !ctx.env.RETENTION_APPLY, ...outcome } };
};
