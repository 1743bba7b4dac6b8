import type { Actor } from "../auth/actor.js";
import { assertAllowed, canWriteVacancy } from "../auth/policies.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import type { EventScope } from "../events/event-scope.js";
import { readBackAndAudit } from "./publish-vacancy.js";
import { recordStatusChange, type StatusChangeOrigin } from "./record-status-change.js";
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
  return changeVacancyStatusAlong(ctx, actor, id, [to], reason, route);
}

/**
 * Several moves in one transaction, each through the transition table and each in the history (a
 * spreadsheet that says "Coperta" for an open offer: statusPath gives the steps), with their origin.
 */
export async function changeVacancyStatusAlong(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  steps: readonly VacancyStatus[],
  reason: string | undefined,
  route: string,
  origin?: StatusChangeOrigin,
): Promise<VacancyRecord> {
  return ctx.db.$transaction(async (tx) => {
    let vacancy = await findVacancy(tx, id);
    if (actor) assertAllowed(canWriteVacancy(actor, vacancy.cpiCode));
    for (const to of steps) vacancy = await changeVacancyStatusIn({ ctx, tx, actor, route }, id, to, reason, origin);
    return vacancy;
  });
}

/**
 * The shortest way from one status to another through the transition table (the steps, `to` last), or
 * undefined when there is none (a closed offer goes nowhere). Empty when they are the same.
 */
export function statusPath(from: VacancyStatus, to: VacancyStatus): VacancyStatus[] | undefined {
  const cameFrom = new Map<VacancyStatus, VacancyStatus | null>([[from, null]]);
  const queue: VacancyStatus[] = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) {
      const path: VacancyStatus[] = [];
      for (let s: VacancyStatus | null = at; s !== null && s !== from; s = cameFrom.get(s) ?? null) path.unshift(s);
      return path;
    }
    for (const next of allowedTransitions(at)) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** "Passaggio di stato non ammesso: da «Coperta» a «Aperta». L'offerta è chiusa." */
export function invalidTransitionMessage(from: VacancyStatus, to: VacancyStatus): string {
  const allowed = allowedTransitions(from).map((s) => VACANCY_STATUS_LABELS[s]);
  return (
    `Passaggio di stato non ammesso: da «${VACANCY_STATUS_LABELS[from]}» a «${VACANCY_STATUS_LABELS[to]}». ` +
    (allowed.length ? `Ammessi: ${allowed.join(", ")}.` : "L'offerta è chiusa.")
  );
}

/**
 * The same inside a transaction the caller already holds: a handler moving the vacancy after a change
 * that was allowed already (a list sent or turned down by the employer, the last position filled), so no
 * access check here; the move is recorded as the author's of that change. What follows from the move (a
 * closing vacancy closes its lists) is the handlers' of `vacancy.status_changed`.
 */
export async function changeVacancyStatusIn(
  scope: EventScope,
  id: string,
  to: VacancyStatus,
  reason: string | undefined,
  origin?: StatusChangeOrigin,
): Promise<VacancyRecord> {
  const { tx, actor, route } = scope;
  const current = await findVacancy(tx, id);
  const from = current.status as VacancyStatus;
  if (!canTransition(from, to)) {
    throw new AppError("INVALID_TRANSITION", invalidTransitionMessage(from, to), [{ field: "to", message: `Stato attuale: ${from}` }]);
  }
  const at = new Date();
  await tx.vacancy.update({ where: { id }, data: { status: to } });
  const statusChangeId = await recordStatusChange(scope, id, from, to, reason ?? null, at, origin);
  const vacancy = await readBackAndAudit(tx, actor, id, "status", route);
  await appendEvents(
    scope,
    [{ type: "vacancy.status_changed", entityType: "vacancy", entityId: id, payload: { from, to, reason: reason ?? null, statusChangeId } }],
    at,
  );
  return vacancy;
}
