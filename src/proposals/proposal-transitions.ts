import { recordedUserId } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import { appendEvents } from "../events/append-events.js";
import type { EventScope } from "../events/event-scope.js";
import { assertTransition } from "../shortlists/shortlist-transitions.js";
import type { DeclineReason } from "./decline-reasons.js";
import { DECISIONS, proposalStatusMachine, type ProposalStatus } from "./proposal-states.js";

/**
 * Moves a proposal along its table in the caller's transaction: the new state (with who decided and
 * why), its history row, the audit of the person it names, and for the referent's decisions the
 * `proposal.decided` event (the proposer is told from it).
 */
export async function moveProposal(
  scope: EventScope,
  proposal: { id: string; status: string; vacancyId: string; candidateId: string; proposedById: string | null },
  to: ProposalStatus,
  detail: { reason?: DeclineReason; note?: string | undefined },
): Promise<void> {
  const { tx, actor, route } = scope;
  const from = proposal.status as ProposalStatus;
  assertTransition(proposalStatusMachine, from, to, "Segnalazione", "status");
  const at = new Date();
  const byUserId = recordedUserId(actor);
  const decided = DECISIONS.includes(to);
  await tx.proposal.update({
    where: { id: proposal.id },
    data: {
      status: to,
      ...(decided ? { decidedById: byUserId, decidedAt: at } : {}),
      ...(to === "rifiutata" ? { declineReason: detail.reason ?? null, declineNote: detail.note ?? null } : {}),
    },
  });
  await tx.proposalStatusChange.create({
    data: { proposalId: proposal.id, fromState: from, toState: to, reason: detail.reason ?? null, note: detail.note ?? null, byUserId, at },
  });
  await recordAudit(tx, actor, "update", "candidate", [proposal.candidateId], route);
  if (decided) {
    const { vacancyId, candidateId, proposedById } = proposal;
    await appendEvents(
      scope,
      [{ type: "proposal.decided", entityType: "proposal", entityId: proposal.id, payload: { vacancyId, candidateId, proposedById, to, reason: detail.reason ?? null } }],
      at,
    );
  }
}
