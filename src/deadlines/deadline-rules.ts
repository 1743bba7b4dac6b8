import type { Env } from "../config/env.js";
import { CLOSED_STATUSES, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { addDays, dayOf, daysBetween, type Day } from "./calendar-day.js";
import type { DeadlineKind, DeadlineStage } from "./deadline-kinds.js";

/** How many days each deadline allows, and how many days before its due day it counts as "in scadenza". */
export interface DeadlineSettings {
  listDays: number;
  selectionDays: number;
  outcomeCheckDays: number;
  dueSoonDays: number;
}

export const deadlineSettings = (env: Env): DeadlineSettings => ({
  listDays: env.DEADLINE_LIST_DAYS,
  selectionDays: env.DEADLINE_SELECTION_DAYS,
  outcomeCheckDays: env.DEADLINE_OUTCOME_CHECK_DAYS,
  dueSoonDays: env.DEADLINE_DUE_SOON_DAYS,
});

/** A list of the vacancy that was sent to the employer. */
export interface SentListFacts {
  sentAt: Date;
  outcomeCheckedAt: Date | null;
  /** The employer turned the list down: that answer is the outcome, so the check is done. */
  declinedAt: Date | null;
}

/** What the deadlines of one vacancy depend on. */
export interface VacancyDeadlineFacts {
  status: string;
  arrivalDate: Date;
  selectionRequestedAt: Date | null;
  selectionStartedAt: Date | null;
  sentLists: readonly SentListFacts[];
}

export interface Deadline {
  kind: DeadlineKind;
  /** The day the term started (arrival, request, sending). */
  startsOn: Day;
  termDays: number;
  dueOn: Day;
  /** The day the deadline was met; null while it is not. */
  metOn: Day | null;
}

export interface DeadlineOnDay extends Deadline {
  stage: DeadlineStage;
  /** Days from the given day to the due day: negative once overdue. */
  daysLeft: number;
}

/** Before a list is sent the vacancy is "open" or "in preselection"; a "list sent" with no list recorded was sent outside Vetrina. */
const AWAITING_LIST: readonly VacancyStatus[] = ["open", "in_preselection"];

const term = (kind: DeadlineKind, startsOn: Day, termDays: number, met: Date | null): Deadline => ({
  kind,
  startsOn,
  termDays,
  dueOn: addDays(startsOn, termDays),
  metOn: met ? dayOf(met) : null,
});

const earliest = (dates: readonly (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);

/**
 * The deadlines of a vacancy, met or not. A closed vacancy (filled, cancelled, expired) has none: its
 * lists are closed with it.
 * - rosa: a list sent within `listDays` of the arrival; met by the first list sent. Pending only while
 *   the vacancy is open or in preselection;
 * - selezione: once the employer asked for a selection, started within `selectionDays` of the request;
 * - verifica_esito: the outcome of the latest list sent checked within `outcomeCheckDays` of sending it;
 *   met by the recorded check, or by the employer declining the list.
 */
export function vacancyDeadlines(facts: VacancyDeadlineFacts, settings: DeadlineSettings): Deadline[] {
  if (CLOSED_STATUSES.includes(facts.status as VacancyStatus)) return [];
  const deadlines: Deadline[] = [];
  const firstSent = earliest(facts.sentLists.map((l) => l.sentAt));
  if (firstSent || AWAITING_LIST.includes(facts.status as VacancyStatus)) {
    deadlines.push(term("rosa", dayOf(facts.arrivalDate), settings.listDays, firstSent));
  }
  if (facts.selectionRequestedAt) {
    deadlines.push(term("selezione", dayOf(facts.selectionRequestedAt), settings.selectionDays, facts.selectionStartedAt));
  }
  const latest = facts.sentLists.reduce<SentListFacts | null>((last, l) => (last === null || l.sentAt > last.sentAt ? l : last), null);
  if (latest) {
    deadlines.push(term("verifica_esito", dayOf(latest.sentAt), settings.outcomeCheckDays, earliest([latest.outcomeCheckedAt, latest.declinedAt])));
  }
  return deadlines;
}

/**
 * Where a deadline stands on a day: met (on time or late); overdue after its due day; "in scadenza"
 * from `dueSoonDays` days before the due day up to the due day itself; otherwise within its term.
 */
export function stageOn(deadline: Deadline, day: Day, dueSoonDays: number): DeadlineStage {
  if (deadline.metOn !== null) return deadline.metOn <= deadline.dueOn ? "rispettata" : "rispettata_in_ritardo";
  const daysLeft = daysBetween(day, deadline.dueOn);
  if (daysLeft < 0) return "scaduta";
  return daysLeft <= dueSoonDays ? "in_scadenza" : "nei_termini";
}

export function deadlinesOn(facts: VacancyDeadlineFacts, settings: DeadlineSettings, day: Day): DeadlineOnDay[] {
  return vacancyDeadlines(facts, settings).map((d) => ({ ...d, stage: stageOn(d, day, settings.dueSoonDays), daysLeft: daysBetween(day, d.dueOn) }));
}
