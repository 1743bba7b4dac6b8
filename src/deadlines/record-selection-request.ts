import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { fieldChanges } from "../events/field-changes.js";
import { dayOf } from "./calendar-day.js";
import { assertFactDay, assertNotRecorded, assertVacancyOpen, recordVacancyFact } from "./record-vacancy-fact.js";

/**
 * The employer asked for a selection (the 7-day deadline starts): on an open vacancy, not before its
 * arrival nor in the future. It may be corrected until the selection starts.
 */
export function recordSelectionRequest(ctx: AppContext, actor: Actor, vacancyId: string, requestedAt: Date | undefined, route: string) {
  return recordVacancyFact(ctx, actor, vacancyId, route, async ({ tx, vacancy, today }) => {
    assertVacancyOpen(vacancy);
    assertNotRecorded(vacancy.selectionStartedAt, "La selezione è già iniziata: la richiesta non si modifica più. Avvio registrato", "requestedAt");
    const at = requestedAt ?? new Date();
    assertFactDay("requestedAt", at, today, { day: dayOf(vacancy.arrivalDate), what: "l'arrivo dell'offerta" });
    await tx.vacancy.update({ where: { id: vacancyId }, data: { selectionRequestedAt: at } });
    return fieldChanges(vacancy, { selectionRequestedAt: at });
  });
}
