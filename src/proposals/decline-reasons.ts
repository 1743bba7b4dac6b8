/** Why a referent declines a proposal: a fixed list, so the tutor and the figures read the same words. */
export const DECLINE_REASONS = ["profilo_non_coerente", "requisiti_mancanti", "rosa_completa", "persona_non_disponibile", "offerta_chiusa", "altro"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  profilo_non_coerente: "Profilo non coerente con l'offerta",
  requisiti_mancanti: "Requisiti richiesti mancanti",
  rosa_completa: "Rosa già completa",
  persona_non_disponibile: "Persona non disponibile",
  offerta_chiusa: "Offerta chiusa",
  altro: "Altro (specificato nella nota)",
};

/** "altro" says nothing by itself: the note must. */
export const NOTE_REQUIRED: readonly DeclineReason[] = ["altro"];
