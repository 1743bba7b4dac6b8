import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { judgeEntry, putOnDraftList } from "../shortlists/add-to-shortlist.js";
import { findOpenShortlist } from "../shortlists/shortlist-repository.js";
import { assertTransition } from "../shortlists/shortlist-transitions.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canDecideProposal } from "./proposal-policies.js";
import { assertOpenToProposals, findProposal, type ProposalRecord } from "./proposal-repository.js";
import type { ProposalAcceptInput } from "./proposal-schemas.js";
import { proposalStatusMachine, type ProposalStatus } from "./proposal-states.js";
import { moveProposal } from "./proposal-transitions.js";

/**
 * The vacancy's referent accepts a proposal: the person enters the draft list ("proposal" as the way in,
 * the proposer's note as the reason) under the rules of every hand-add (available, not already on it,
 * within the cap, a confirmed exception for a person a hard constraint excludes), and the proposal is
 * "accettata" in the same transaction. A list must be in preparation: the referent builds it first.
 */
export async function acceptProposal(ctx: AppContext, actor: Actor, proposalId: string, input: ProposalAcceptInput, route: string): Promise<ProposalRecord> {
  const proposal = await findProposal(ctx.db, proposalId);
  const vacancy = await findVacancy(ctx.db, proposal.vacancyId);
  assertAllowed(canDecideProposal(actor, vacancy));
  assertTransition(proposalStatusMachine, proposal.status as ProposalStatus, "accettata", "Segnalazione", "status");
  assertOpenToProposals(vacancy);
  // The matching's verdict reads the index: judged before the transaction, applied inside it.
  const judged = await judgeEntry(ctx, actor, vacancy, proposal.candidateId);
  const proposer = proposal.proposedById ? await ctx.db.user.findUnique({ where: { id: proposal.proposedById }, select: { name: true } }) : null;

  return ctx.db.$transaction(async (tx) => {
    const scope = { ctx, tx, actor, route };
    const current = await findProposal(tx, proposalId);
    if (!(await findOpenShortlist(tx, current.vacancyId))) {
      throw new AppError(
        "CONFLICT",
        "Nessuna rosa in preparazione per questa offerta: costruirla (POST /vacancies/:id/shortlist), poi accettare la segnalazione.",
        [{ field: "shortlist", message: "Nessuna rosa in preparazione" }],
      );
    }
    await putOnDraftList(scope, current.vacancyId, judged, {
      reason: `Segnalazione di ${proposer?.name ?? "un operatore"}: ${current.note ?? "—"}`,
      proposalId,
      confirmException: input.confirmException,
      exceptionReason: input.exceptionReason,
    });
    await moveProposal(scope, current, "accettata", { note: input.note });
    return findProposal(tx, proposalId);
  });
}
