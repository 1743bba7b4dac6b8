import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canDecideProposal } from "./proposal-policies.js";
import { findProposal, type ProposalRecord } from "./proposal-repository.js";
import type { ProposalDeclineInput } from "./proposal-schemas.js";
import { moveProposal } from "./proposal-transitions.js";

/** The vacancy's referent declines a proposal with a reason from the fixed list (and a note); also once the vacancy closed. */
export async function declineProposal(ctx: AppContext, actor: Actor, proposalId: string, input: ProposalDeclineInput, route: string): Promise<ProposalRecord> {
  return ctx.db.$transaction(async (tx) => {
    const proposal = await findProposal(tx, proposalId);
    assertAllowed(canDecideProposal(actor, await findVacancy(tx, proposal.vacancyId)));
    await moveProposal({ ctx, tx, actor, route }, proposal, "rifiutata", { reason: input.reason, note: input.note });
    return findProposal(tx, proposalId);
  });
}
