import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed, canWriteVacancy } from "../auth/policies.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { closeShortlistsOfVacancy } from "../shortlists/shortlist-transitions.js";
import { indexAndAudit } from "./publish-vacancy.js";
import { findVacancy, type VacancyRecord } from "./vacancy-repository.js";
import { allowedTransitions, canTransition, CLOSED_STATUSES, VACANCY_STATUS_LABELS, type VacancyStatus } from "./vacancy-status.js";

/** Moves a vacancy along its lifecycle, keeping who, when and why in its history. */
export async function changeVacancyStatus(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  to: VacancyStatus,
  reason: string | undefined,
  route: string,
): Promise<VacancyRecord> {
  return ctx.db.$transaction((tx) => changeVacancyStatusIn(ctx, tx, actor, id, to, reason, route));
}

/**
 * The same inside a transaction the caller already holds (a list sent moves its vacancy along, and the
 * two commit together). A closing vacancy closes its open candidate lists.
 */
export async function changeVacancyStatusIn(
  ctx: AppContext,
  tx: DbTx,
  actor: Actor | null,
  id: string,
  to: VacancyStatus,
  reason: string | undefined,
  route: string,
): Promise<VacancyRecord> {
  const current = await findVacancy(tx, id);
  if (actor) assertAllowed(canWriteVacancy(actor, current.cpiCode));
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
  await tx.vacancy.update({
    where: { id },
    data: {
      status: to,
      statusHistory: { create: { fromState: from, toState: to, reason: reason ?? null, byUserId: recordedUserId(actor) } },
    },
  });
  if (CLOSED_STATUSES.includes(to)) await closeShortlistsOfVacancy(tx, actor, id, reason ?? `Offerta ${VACANCY_STATUS_LABELS[to].toLowerCase()}`);
  return indexAndAudit(ctx, tx, actor, id, "status", route);
}
