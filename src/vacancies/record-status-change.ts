import { recordedUserId } from "../auth/actor.js";
import type { EventScope } from "../events/event-scope.js";
import type { VacancyStatus } from "./vacancy-status.js";

/** Where a status change came from when not a call of the API: an import (with its run) or a deadline. */
export interface StatusChangeOrigin {
  source: "importazione" | "scadenza";
  importRunId?: string | undefined;
}

/** One row of the status table (kept as it was for clients and reports); its id ties it to its event. */
export async function recordStatusChange(
  scope: EventScope,
  vacancyId: string,
  from: VacancyStatus | null,
  to: VacancyStatus,
  reason: string | null,
  at: Date,
  origin?: StatusChangeOrigin,
): Promise<string> {
  const row = await scope.tx.vacancyStatusChange.create({
    data: {
      vacancyId,
      fromState: from,
      toState: to,
      reason,
      byUserId: recordedUserId(scope.actor),
      at,
      source: origin?.source ?? null,
      importRunId: origin?.importRunId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
