import { VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { daysBetween, italianDay } from "./calendar-day.js";
import type { DeadlineVacancy } from "./deadline-facts.js";
import { DEADLINE_KIND_LABELS, DEADLINE_STAGE_LABELS, type DeadlineKind } from "./deadline-kinds.js";
import type { DeadlineOnDay } from "./deadline-rules.js";
import type { ReferentRef } from "./vacancy-referents.js";

const TASK: Record<DeadlineKind, string> = {
  rosa: "Rosa da inviare all'azienda",
  selezione: "Selezione da avviare",
  verifica_esito: "Esito da verificare con l'azienda",
};
const FROM: Record<DeadlineKind, string> = {
  rosa: "dall'arrivo dell'offerta",
  selezione: "dalla richiesta di selezione",
  verifica_esito: "dall'invio della rosa",
};

const days = (n: number) => (n === 1 ? "1 giorno" : `${n} giorni`);

function standing(d: DeadlineOnDay): string {
  switch (d.stage) {
    case "rispettata":
    case "rispettata_in_ritardo":
      return `fatto il ${italianDay(d.metOn!)}${d.stage === "rispettata_in_ritardo" ? `, con ${days(daysBetween(d.dueOn, d.metOn!))} di ritardo` : ""}`;
    case "scaduta":
      return `scaduta da ${days(-d.daysLeft)}`;
    default:
      return d.daysLeft === 0 ? "scade oggi" : `manca${d.daysLeft === 1 ? "" : "no"} ${days(d.daysLeft)}`;
  }
}

/** "Rosa da inviare all'azienda entro il 21/12/2026 (20 giorni dall'arrivo dell'offerta, il 01/12/2026): mancano 3 giorni". */
export function describeDeadline(d: DeadlineOnDay): string {
  return `${TASK[d.kind]} entro il ${italianDay(d.dueOn)} (${days(d.termDays)} ${FROM[d.kind]}, il ${italianDay(d.startsOn)}): ${standing(d)}`;
}

export function deadlineView(d: DeadlineOnDay) {
  return {
    kind: d.kind,
    kindLabel: DEADLINE_KIND_LABELS[d.kind],
    stage: d.stage,
    stageLabel: DEADLINE_STAGE_LABELS[d.stage],
    startsOn: d.startsOn,
    termDays: d.termDays,
    dueOn: d.dueOn,
    daysLeft: d.daysLeft,
    metOn: d.metOn,
    description: describeDeadline(d),
  };
}

/** The vacancy as a deadline names it: its showcase facts, its CPI and its referent (the user, else the showcase's name and e-mail). */
export function deadlineVacancyView(v: DeadlineVacancy, referent: ReferentRef | null) {
  return {
    vacancyId: v.id,
    requestedProfile: v.requestedProfile,
    companyName: v.companyName,
    vacancyStatus: v.status,
    vacancyStatusLabel: VACANCY_STATUS_LABELS[v.status as VacancyStatus],
    cpi: { code: v.cpiCode, name: v.cpi.name },
    referent: referent ?? (v.referentName || v.referentEmail ? { userId: null, name: v.referentName, email: v.referentEmail } : null),
  };
}
