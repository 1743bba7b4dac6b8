import type { Actor } from "../auth/actor.js";
import { assertAllowed, canWriteVacancy } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { AppError } from "../errors/app-error.js";
import { appendEvents } from "../events/append-events.js";
import type { FieldChange } from "../events/domain-events.js";
import { findVacancy, type VacancyRecord } from "../vacancies/vacancy-repository.js";
import { CLOSED_STATUSES, VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { dayOf, italianDay, type Day } from "./calendar-day.js";
import { loadDeadlineVacancy } from "./deadline-facts.js";
import { deadlineSettings, deadlinesOn } from "./deadline-rules.js";
import { deadlineView } from "./deadline-views.js";

export interface FactScope {
  tx: DbTx;
  vacancy: VacancyRecord;
  today: Day;
}

/**
 * Records a fact a deadline depends on (a selection asked for or started, an outcome checked), for the
 * vacancy's referent (its CPI) or an administrator: `write` changes the store and says what changed, which
 * goes in one `vacancy.changed` event (so the vacancy's history shows it) with the audit, in one
 * transaction. Answers with the vacancy's deadlines as they stand today.
 */
export async function recordVacancyFact(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  route: string,
  write: (scope: FactScope) => Promise<FieldChange[]>,
) {
  return ctx.db.$transaction(async (tx) => {
    const vacancy = await findVacancy(tx, vacancyId);
    assertAllowed(canWriteVacancy(actor, vacancy.cpiCode));
    const today = dayOf(new Date());
    const changes = await write({ tx, vacancy, today });
    await recordAudit(tx, actor, "update", "vacancy", [vacancyId], route);
    if (changes.length > 0) await appendEvents({ ctx, tx, actor, route }, [{ type: "vacancy.changed", entityType: "vacancy", entityId: vacancyId, payload: { changes } }]);
    const facts = (await loadDeadlineVacancy(tx, vacancyId))!;
    return { vacancyId, day: today, deadlines: deadlinesOn(facts, deadlineSettings(ctx.env), today).map(deadlineView) };
  });
}

/** A selection is asked for and started only while the vacancy is open. */
export function assertVacancyOpen(vacancy: VacancyRecord): void {
  if (CLOSED_STATUSES.includes(vacancy.status as VacancyStatus)) {
    throw new AppError("VACANCY_CLOSED", `L'offerta è chiusa («${VACANCY_STATUS_LABELS[vacancy.status as VacancyStatus]}»): nessuna selezione da registrare.`, [
      { field: "vacancy", message: `Stato dell'offerta: ${vacancy.status}` },
    ]);
  }
}

/** The day of a fact: not in the future, and not before the fact it follows (the arrival, the request, the sending). */
export function assertFactDay(field: string, at: Date, today: Day, after: { day: Day; what: string }): void {
  const day = dayOf(at);
  const problem =
    day > today ? `La data non può essere nel futuro (oggi è il ${italianDay(today)})` : day < after.day ? `La data precede ${after.what} (${italianDay(after.day)})` : null;
  if (problem) throw new AppError("VALIDATION_FAILED", "Dati non validi: correggere i campi indicati.", [{ field, message: problem }]);
}

/** A fact already recorded is not recorded again (409), so its deadline's history stays true. */
export function assertNotRecorded(at: Date | null, message: string, field: string): void {
  if (at) throw new AppError("CONFLICT", `${message} il ${italianDay(dayOf(at))}.`, [{ field, message: `Già registrato: ${dayOf(at)}` }]);
}
