import type { Actor } from "../auth/actor.js";
import { assertAllowed, canEraseCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { releaseConditionalityOf } from "../conditionality/erasure-of-reported.js";
import { anonymiseEmailsAbout } from "../email/erasure-of-person.js";
import { eraseFeedItemsOf } from "../feed/erasure-of-person.js";
import { keepForFigures } from "../figures/erased-beneficiaries.js";
import { findCandidate } from "./candidate-repository.js";

/** What one erasure did beyond removing the person, by kind and count. */
export interface ErasureOutcome {
  /** An anonymous record was kept for the figures (the person was in RdC, ADI or SFL). */
  keptForFigures: boolean;
  feedItems: number;
  emails: number;
}

/**
 * Right to erasure: the person leaves the store (and, through `candidate.erased`, the index), with the feed items
 * about them; the e-mails that name them by id say "cancellata" instead; the audit and the event keep only the
 * id; the figures keep an anonymous record when they count the person (erased-beneficiaries.ts).
 * Not while a conditionality event still has to be reported to ANPAL and INPS (409).
 */
export async function erasePerson(ctx: AppContext, actor: Actor, id: string, route: string, now = new Date()): Promise<ErasureOutcome> {
  return ctx.db.$transaction(async (tx) => {
    const current = await findCandidate(tx, id);
    assertAllowed(canEraseCandidate(actor, current.cpiCode));
    await releaseConditionalityOf(tx, id);
    const keptForFigures = await keepForFigures(tx, current, now);
    const feedItems = await eraseFeedItemsOf(tx, id);
    const emails = await anonymiseEmailsAbout(tx, id);
    await tx.candidate.delete({ where: { id } });
    await recordAudit(tx, actor, "delete", "candidate", [id], route);
    await appendEvents({ ctx, tx, actor, route }, [{ type: "candidate.erased", entityType: "candidate", entityId: id, payload: {} }]);
    return { keptForFigures, feedItems, emails };
  });
}

/** The erasure as `DELETE /candidates/:id` answers it: nothing (204). */
export async function eraseCandidate(ctx: AppContext, actor: Actor, id: string, route: string): Promise<void> {
  await erasePerson(ctx, actor, id, route);
}
