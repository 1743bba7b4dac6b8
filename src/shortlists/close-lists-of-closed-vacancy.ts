import type { DomainEventOf } from "../events/domain-events.js";
import type { EventScope } from "../events/event-scope.js";
import { CLOSED_STATUSES, VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { closeShortlistsOfVacancy } from "./shortlist-transitions.js";

/** Handler of `vacancy.status_changed`: a vacancy filled, cancelled or expired closes its open lists, in the same transaction. */
export async function closeListsOfClosedVacancy(event: DomainEventOf<"vacancy.status_changed">, scope: EventScope): Promise<void> {
  const to = event.payload.to as VacancyStatus;
  if (!CLOSED_STATUSES.includes(to)) return;
  await closeShortlistsOfVacancy(scope, event.entityId, event.payload.reason ?? `Offerta ${VACANCY_STATUS_LABELS[to].toLowerCase()}`);
}
