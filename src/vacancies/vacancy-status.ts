/** The life of a showcase offer, as a transition table (tested as a table). */
export const VACANCY_STATUSES = ["open", "in_preselection", "list_sent", "filled", "cancelled", "expired"] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** The showcase's "Stato" column: what operators read and type. */
export const VACANCY_STATUS_LABELS: Record<VacancyStatus, string> = {
  open: "Aperta",
  in_preselection: "In preselezione",
  list_sent: "Rosa inviata",
  filled: "Coperta",
  cancelled: "Annullata",
  expired: "Scaduta",
};

const TRANSITIONS: Record<VacancyStatus, readonly VacancyStatus[]> = {
  open: ["in_preselection", "cancelled", "expired"],
  in_preselection: ["list_sent", "open", "cancelled", "expired"],
  // The employer may reject the whole list: preselection starts again.
  list_sent: ["filled", "in_preselection", "cancelled", "expired"],
  filled: [],
  cancelled: [],
  expired: [],
};

export const CLOSED_STATUSES: readonly VacancyStatus[] = ["filled", "cancelled", "expired"];

export function canTransition(from: VacancyStatus, to: VacancyStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: VacancyStatus): readonly VacancyStatus[] {
  return TRANSITIONS[from];
}
