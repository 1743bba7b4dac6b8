/**
 * The deadlines of a vacancy handled by a CPI (Umbria E2) and the stages a deadline goes through,
 * each with its Italian label.
 */

export const DEADLINE_KINDS = ["rosa", "selezione", "verifica_esito"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  rosa: "Invio della rosa all'azienda",
  selezione: "Avvio della selezione richiesta dall'azienda",
  verifica_esito: "Verifica dell'esito con l'azienda",
};

export const DEADLINE_STAGES = ["nei_termini", "in_scadenza", "scaduta", "rispettata", "rispettata_in_ritardo"] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

export const DEADLINE_STAGE_LABELS: Record<DeadlineStage, string> = {
  nei_termini: "Nei termini",
  in_scadenza: "In scadenza",
  scaduta: "Scaduta",
  rispettata: "Rispettata",
  rispettata_in_ritardo: "Rispettata in ritardo",
};

/** The stages someone must act on: the deadline list shows them and the scheduled check reminds of them. */
export const ACTION_STAGES = ["in_scadenza", "scaduta"] as const satisfies readonly DeadlineStage[];
export type ActionStage = (typeof ACTION_STAGES)[number];

export const isActionStage = (stage: DeadlineStage): stage is ActionStage => (ACTION_STAGES as readonly string[]).includes(stage);
