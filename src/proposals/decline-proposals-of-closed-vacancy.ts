import type { DomainEventOf } from "../events/domain-events.js";
import type { EventScope } from "../events/event-scope.js";
import { CLOSED_STATUSES, VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { moveProposal } from "./proposal-transitions.js";

/**
 * Handler of `vacancy.status_changed`: a vacancy filled, cancelled or expired declines the proposals
 * still waiting ("offerta_chiusa"), in the same transaction, so no tutor waits for an answer that
 * cannot come.
 */
export async function declineProposalsOfClosedVacancy(event: DomainEventOf<"vacancy.status_changed">, scope: EventScope): Promise<void> {
  const to = event.payload.to as VacancyStatus;
  if (!CLOSED_STATUSES.includes(to)) return;
  const waiting = await scope.tx.proposal.findMany({ where: { vacancyId: event.entityId, status: "in_attesa" } });
  for (const proposal of waiting) await moveProposal(scope, proposal, "rifiutata", { reason: "offerta_chiusa", note: `Offerta ${VACANCY_STATUS_LABELS[to].toLowerCase()}` });
}
