import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { canDeclineShortlist } from "./shortlist-policies.js";
import { findOpenShortlist } from "./shortlist-repository.js";
import { closeShortlist } from "./shortlist-transitions.js";
import { DECLINED_LABEL } from "./shortlist-views.js";

export interface DeclineResult {
  shortlistId: string;
  status: "closed";
  statusLabel: string;
  declinedAt: string;
  declinedReason: string;
  vacancy: { id: string; status: string; statusLabel: string };
}

/**
 * The employer turns down the list it received, with its reason (or the referent records it on the
 * employer's behalf): the list closes, saying it was declined, when and why; `shortlist.declined` is
 * appended and its handler brings the vacancy back to preselection, so the referent builds a new list.
 * Refused when no list is with the employer, or when the employer already hired someone from it (then
 * outcomes are what to record).
 */
export async function declineShortlist(ctx: AppContext, actor: Actor, vacancyId: string, reason: string, route: string): Promise<DeclineResult> {
  return ctx.db.$transaction(async (tx) => {
    const scope = { ctx, tx, actor, route };
    assertAllowed(canDeclineShortlist(actor, await findVacancy(tx, vacancyId)));
    const list = await findOpenShortlist(tx, vacancyId);
    if (!list || list.status !== "sent") {
      throw new AppError("CONFLICT", "Nessuna rosa è ora presso l'azienda per questa offerta: non c'è una rosa da rifiutare.", [
        { field: "shortlist", message: list ? `Stato della rosa: ${list.status}` : "Nessuna rosa inviata" },
      ]);
    }
    const hired = list.entries.filter((e) => e.outcome === "hired");
    if (hired.length > 0) {
      throw new AppError("CONFLICT", `L'azienda ha già assunto ${hired.length} persone di questa rosa: registrare gli esiti delle altre invece di rifiutarla.`, [
        { field: "shortlist", message: `Persone assunte: ${hired.length}` },
      ]);
    }
    const declinedAt = new Date();
    await closeShortlist(scope, list, `${DECLINED_LABEL}: ${reason}`, { declinedAt, declinedReason: reason });
    await appendEvents(scope, [{ type: "shortlist.declined", entityType: "shortlist", entityId: list.id, payload: { vacancyId, reason } }], declinedAt);
    const vacancy = await findVacancy(tx, vacancyId);
    return {
      shortlistId: list.id,
      status: "closed",
      statusLabel: DECLINED_LABEL,
      declinedAt: declinedAt.toISOString(),
      declinedReason: reason,
      vacancy: { id: vacancy.id, status: vacancy.status, statusLabel: VACANCY_STATUS_LABELS[vacancy.status as VacancyStatus] },
    };
  });
}
