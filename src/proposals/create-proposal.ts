import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed, canReadVacancy } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { appendEvents } from "../events/append-events.js";
import { candidatesOnVacancyLists } from "../shortlists/list-membership.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canPropose } from "./proposal-policies.js";
import { assertOpenToProposals, findProposal, type ProposalRecord } from "./proposal-repository.js";
import type { ProposalCreateInput } from "./proposal-schemas.js";
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from "./proposal-states.js";
import { availabilityLabel } from "../candidates/availability-labels.js";

/**
 * A tutor or navigator puts a person they follow forward for a vacancy, with a note:
 * refused for a vacancy no longer open to proposals (VACANCY_CLOSED), for a person not available or
 * already on the vacancy's list, and for a second proposal of the same person (one per person and
 * vacancy, whatever became of the first). The proposal waits for the vacancy's referent ("in_attesa");
 * `proposal.created` is appended in the same transaction (the referent is told from it).
 */
export async function createProposal(ctx: AppContext, actor: Actor, vacancyId: string, input: ProposalCreateInput, route: string): Promise<ProposalRecord> {
  return ctx.db.$transaction(async (tx) => {
    const vacancy = await findVacancy(tx, vacancyId);
    assertAllowed(canReadVacancy(actor, vacancy));
    const candidate = await findCandidate(tx, input.candidateId);
    assertAllowed(canPropose(actor, candidate));
    assertOpenToProposals(vacancy);
    const earlier = await tx.proposal.findUnique({ where: { vacancyId_candidateId: { vacancyId, candidateId: candidate.id } } });
    if (earlier) {
      throw new AppError("CONFLICT", `La persona è già stata segnalata per questa offerta (${PROPOSAL_STATUS_LABELS[earlier.status as ProposalStatus]}): una segnalazione per persona e offerta.`, [
        { field: "candidateId", message: `Segnalazione esistente: ${earlier.id}` },
      ]);
    }
    if (candidate.availability !== "available") {
      throw new AppError("CONFLICT", "La persona non risulta disponibile: aggiornarne la disponibilità prima di segnalarla.", [
        { field: "candidateId", message: `Disponibilità: ${availabilityLabel(candidate.availability)}` },
      ]);
    }
    if ((await candidatesOnVacancyLists(tx, vacancyId)).has(candidate.id)) {
      throw new AppError("CONFLICT", "La persona è già nella rosa di questa offerta.", [{ field: "candidateId", message: "Già nella rosa" }]);
    }
    const at = new Date();
    const created = await tx.proposal.create({
      data: {
        vacancyId,
        candidateId: candidate.id,
        proposedById: recordedUserId(actor),
        note: input.note,
        status: "in_attesa",
        createdAt: at,
        history: { create: { fromState: null, toState: "in_attesa", note: input.note, byUserId: recordedUserId(actor), at } },
      },
    });
    await recordAudit(tx, actor, "create", "candidate", [candidate.id], route);
    await appendEvents(
      { ctx, tx, actor, route },
      [{ type: "proposal.created", entityType: "proposal", entityId: created.id, payload: { vacancyId, candidateId: candidate.id, proposedById: created.proposedById } }],
      at,
    );
    return findProposal(tx, created.id);
  });
}
