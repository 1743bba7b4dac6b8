import type { Actor } from "../auth/actor.js";
import { assertAllowed, canEraseCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { releaseConditionalityOf } from "../conditionality/erasure-of-reported.js";
import { findCandidate } from "./candidate-repository.js";

/**
 * Right to erasure: the person leaves the store (and, through `candidate.erased`, the index); the audit and the event keep only the id.
 * Not while a conditionality event still has to be reported to ANPAL and INPS (409).
 */
export async function eraseCandidate(ctx: AppContext, actor: Actor, id: string, route: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const current = await findCandidate(tx, id);
    assertAllowed(canEraseCandidate(actor, current.cpiCode));
    await releaseConditionalityOf(tx, id);
    await tx.candidate.delete({ where: { id } });
    await recordAudit(tx, actor, "delete", "candidate", [id], route);
    await appendEvents({ ctx, tx, actor, route }, [{ type: "candidate.erased", entityType: "candidate", entityId: id, payload: {} }]);
  });
}
