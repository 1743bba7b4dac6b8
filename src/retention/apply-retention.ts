import { SYSTEM_ACTOR } from "../auth/actor.js";
import { erasePerson } from "../candidates/erase-candidate.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { retentionCutoffs, type RetentionRules } from "./retention-rules.js";
import { planRetention, type RetentionPlan } from "./retention-plan.js";

/** What the audit records as the origin of a retention erasure. */
export const RETENTION_ROUTE = "conservazione dei dati";

export interface RetentionOutcome {
  /** The dry run: what was due when the run began. */
  planned: RetentionPlan["counts"];
  /** What was removed (all zero on a dry run). */
  removed: { people: number; feedItems: number; auditEntries: number; deliveryLinks: number };
  /** What was kept without the person (all zero on a dry run): records for the figures, e-mails rewritten. */
  anonymised: { figureRecords: number; emails: number };
}

/**
 * One retention pass: the plan first (the dry run), then, unless `dryRun`, the removal. People are erased one
 * by one the way every erasure is (store, feed items, e-mails, audit by id, `candidate.erased` for the index,
 * an anonymous record for the figures); a person who gained a reason to stay meanwhile (a conditionality event
 * to report) is left for the next run.
 */
export async function runRetention(ctx: AppContext, rules: RetentionRules, options: { now?: Date; dryRun: boolean; onProgress?: (done: number, total: number) => void }): Promise<RetentionOutcome> {
  const now = options.now ?? new Date();
  const plan = await planRetention(ctx.db, rules, now);
  const removed = { people: 0, feedItems: 0, auditEntries: 0, deliveryLinks: 0 };
  const anonymised = { figureRecords: 0, emails: 0 };
  if (options.dryRun) return { planned: plan.counts, removed, anonymised };

  for (const [i, id] of plan.peopleIds.entries()) {
    try {
      const erasure = await erasePerson(ctx, SYSTEM_ACTOR, id, RETENTION_ROUTE, now);
      removed.people++;
      removed.feedItems += erasure.feedItems;
      anonymised.figureRecords += erasure.keptForFigures ? 1 : 0;
      anonymised.emails += erasure.emails;
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== "CONFLICT" && err.code !== "NOT_FOUND")) throw err;
    }
    options.onProgress?.(i + 1, plan.peopleIds.length);
  }
  const cutoff = retentionCutoffs(rules, now);
  removed.auditEntries = (await ctx.db.auditLog.deleteMany({ where: { at: { lt: cutoff.audit } } })).count;
  removed.deliveryLinks = (await ctx.db.shortlistLink.deleteMany({ where: { expiresAt: { lt: cutoff.links } } })).count;
  return { planned: plan.counts, removed, anonymised };
}

/** A run's counts as the job run records them: by kind, `planned.*`, `removed.*` and `anonymised.*`, never who. */
export const retentionCounts = (outcome: RetentionOutcome): Record<string, number> =>
  Object.fromEntries(Object.entries(outcome).flatMap(([group, counts]) => Object.entries(counts as Record<string, number>).map(([k, v]) => [`${group}.${k}`, v])));
