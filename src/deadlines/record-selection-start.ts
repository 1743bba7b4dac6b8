import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { fieldChanges } from "../events/field-changes.js";
import { dayOf } from "./calendar-day.js";
import { assertFactDay, assertNotRecorded, assertVacancyOpen, recordVacancyFact } from "./record-vacancy-fact.js";

/** The selection the employer asked for started (the 7-day deadline is met): once, not before the request nor in the future. */
export function recordSelectionStart(ctx: AppContext, actor: Actor, vacancyId: string, startedAt: Date | undefined, route: string) {
  return recordVacancyFact(ctx, actor, vacancyId, route, async ({ tx, vacancy, today }) => {
    assertVacancyOpen(vacancy);
    if (!vacancy.selectionRequestedAt) {
      throw new AppError("CONFLICT", "L'azienda non ha chiesto una selezione: registrare prima la richiesta (POST /vacancies/:id/selection-request).", [
        { field: "selectionRequestedAt", message: "Nessuna richiesta di selezione" },
      ]);
    }
    assertNotRecorded(vacancy.selectionStartedAt, "La selezione è già iniziata", "startedAt");
    const at = startedAt ?? new Date();
    assertFactDay("startedAt", at, today, { day: dayOf(vacancy.selectionRequestedAt), what: "la richiesta di selezione" });
    await tx.vacancy.update({ where: { id: vacancyId }, data: { selectionStartedAt: at } });
    return fieldChanges(vacancy, { selectionStartedAt: at });
  });
}
