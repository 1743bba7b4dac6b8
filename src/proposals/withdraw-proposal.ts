import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { canWithdrawProposal } from "./proposal-policies.js";
import { findProposal, type ProposalRecord } from "./proposal-repository.js";
import { moveProposal } from "./proposal-transitions.js";

/** Who proposed the person takes the proposal back while it waits (the person found work, changed mind…). */
export async function withdrawProposal(ctx: AppContext, actor: Actor, proposalId: string, note: string | undefined, route: string): Promise<ProposalRecord> {
  return ctx.db.$transaction(async (tx) => {
    const proposal = await findProposal(tx, proposalId);
    assertAllowed(canWithdrawProposal(actor, proposal));
    await moveProposal({ ctx, tx, actor, route }, proposal, "ritirata", { note });
    return findProposal(tx, proposalId);
  });
}
