import { AppError } from "../errors/app-error.js";
import { appendEvents } from "../events/append-events.js";
import type { EventScope } from "../events/event-scope.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import type { ShortlistRecord } from "./shortlist-repository.js";
import { OPEN_SHORTLIST_STATUSES, shortlistStatusMachine, type StateMachine, type ShortlistStatus } from "./shortlist-states.js";

/** The 409 for a move a table does not allow, naming the moves it does allow (in Italian). */
export function assertTransition<S extends string>(machine: StateMachine<S>, from: S, to: S, what: string, field: string): void {
  if (machine.can(from, to)) return;
  const allowed = machine.next(from).map((s) => `«${machine.labels[s]}»`);
  throw new AppError(
    "INVALID_TRANSITION",
    `${what}: passaggio non ammesso da «${machine.labels[from]}» a «${machine.labels[to]}». ` +
      (allowed.length ? `Ammessi: ${allowed.join(", ")}.` : "Lo stato attuale è definitivo."),
    [{ field, message: `Stato attuale: ${from}` }],
  );
}

/** Moves a list along its table, with its history row; the caller holds the transaction. */
export async function moveShortlist(
  { tx, actor }: EventScope,
  list: { id: string; status: string },
  to: ShortlistStatus,
  reason: string,
  extra: { sentAt?: Date; sentById?: string | null; outcomeCheckDue?: Date; declinedAt?: Date; declinedReason?: string } = {},
): Promise<void> {
  const from = list.status as ShortlistStatus;
  assertTransition(shortlistStatusMachine, from, to, "Rosa", "status");
  await tx.shortlist.update({ where: { id: list.id }, data: { status: to, ...extra } });
  await recordShortlistEvents(tx, actor, list.id, [{ type: to === "closed" ? "closed" : "sent", from, to, reason }], extra.sentAt ?? extra.declinedAt);
}

/** Closes an open list (draft or sent), with the `shortlist.closed` event; a list the employer turned down says when and why. */
export async function closeShortlist(
  scope: EventScope,
  list: { id: string; status: string; vacancyId: string },
  reason: string,
  declined: { declinedAt: Date; declinedReason: string } | Record<string, never> = {},
): Promise<void> {
  await moveShortlist(scope, list, "closed", reason, declined);
  await appendEvents(scope, [
    { type: "shortlist.closed", entityType: "shortlist", entityId: list.id, payload: { vacancyId: list.vacancyId, from: list.status, reason } },
  ]);
}

/** Closes the vacancy's open lists: the handler of a vacancy becoming filled, cancelled or expired. */
export async function closeShortlistsOfVacancy(scope: EventScope, vacancyId: string, reason: string): Promise<number> {
  const open = await scope.tx.shortlist.findMany({
    where: { vacancyId, status: { in: [...OPEN_SHORTLIST_STATUSES] } },
    select: { id: true, status: true, vacancyId: true },
  });
  for (const list of open) await closeShortlist(scope, list, reason);
  return open.length;
}

/**
 * The cap in force is the vacancy's (15 unless the employer asked otherwise); when the employer changed it
 * after the list was built, the list follows and the change is an event.
 */
export async function syncShortlistCap(scope: EventScope, list: ShortlistRecord, vacancy: VacancyRecord): Promise<number> {
  const cap = vacancy.shortlistCap;
  if (list.cap !== cap) {
    await scope.tx.shortlist.update({ where: { id: list.id }, data: { cap } });
    await recordShortlistEvents(scope.tx, scope.actor, list.id, [
      { type: "cap_changed", from: String(list.cap), to: String(cap), reason: "Tetto aggiornato sull'offerta" },
    ]);
    await appendEvents(scope, [
      { type: "shortlist.cap_changed", entityType: "shortlist", entityId: list.id, payload: { vacancyId: vacancy.id, from: list.cap, to: cap } },
    ]);
  }
  return cap;
}
