import type { Actor } from "../auth/actor.js";
import { assertAllowed, canWriteVacancy } from "../auth/policies.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import type { EventScope } from "../events/event-scope.js";
import { readBackAndAudit } from "./publish-vacancy.js";
import { recordStatusChange } from "./record-status-change.js";
import { findVacancy, type VacancyRecord } from "./vacancy-repository.js";
import { allowedTransitions, canTransition, VACANCY_STATUS_LABELS, type VacancyStatus } from "./vacancy-status.js";

/** Moves a vacancy along its lifecycle, keeping who, when and why in its history. */
export async function changeVacancyStatus(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  to: VacancyStatus,
  reason: string | undefined,
  route: string,
): Promise<VacancyRecord> {
  return ctx.db.$transaction(async (tx) => {
    if (actor) assertAllowed(canWriteVacancy(actor, (await findVacancy(tx, id)).cpiCode));
    return changeVacancyStatusIn({ ctx, tx, actor, route }, id, to, reason);
  });
}

/**
 * The same inside a transaction the caller already holds: a handler moving the vacancy after a change
 * that was allowed already (a list sent or turned down by the employer, the last position filled), so no
 * access check here; the move is recorded as the author's of that change. What follows from the move (a
 * closing vacancy closes its lists) is the handlers' of `vacancy.status_changed`.
 */
export async function changeVacancyStatusIn(scope: EventScope, id: string, to: VacancyStatus, reason: string | undefined): Promise<VacancyRecord> {
  const { tx, actor, route } = scope;
  const current = await findVacancy(tx, id);
  const from = current.status as VacancyStatus;
  if (!canTransition(from, to)) {
    const allowed = allowedTransitions(from).map((s) => VACANCY_STATUS_LABELS[s]);
    throw new AppError(
      "INVALID_TRANSITION",
      `Passaggio di stato non ammesso: da «${VACANCY_STATUS_LABELS[from]}» a «${VACANCY_STATUS_LABELS[to]}». ` +
        (allowed.length ? `Ammessi: ${allowed.join(", ")}.` : "L'offerta è chiusa."),
      [{ field: "to", message: `Stato attuale: ${from}` }],
    );
  }
  const at = new Date();
  await tx.vacancy.update({ where: { id }, data: { status: to } });
  const statusChangeId = await recordStatusChange(scope, id, from, to, reason ?? null, at);
  const vacancy = await readBackAndAudit(tx, actor, id, "status", route);
  await appendEvents(
    scope,
    [{ type: "vacancy.status_changed", entityType: "vacancy", entityId: id, payload: { from, to, reason: reason ?? null, statusChangeId } }],
    at,
  );
  return vacancy;
}
