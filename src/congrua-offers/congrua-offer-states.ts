/**
 * The vocabulary of a congrua offer: how it was made (channel), what became of it (outcome, a transition
 * table tested as a table) and the justified reasons for a refusal that ANPAL recognises (CONGRUA.md).
 */
import type { OverallCongrua } from "../congrua/types.js";
import type { StateMachine } from "../shortlists/shortlist-states.js";

export const OFFER_CHANNELS = ["email", "pec", "telefono", "sms", "colloquio", "lettera", "piattaforma_siisl", "altro"] as const;
export type OfferChannel = (typeof OFFER_CHANNELS)[number];

export const OFFER_CHANNEL_LABELS: Record<OfferChannel, string> = {
  email: "E-mail",
  pec: "PEC",
  telefono: "Telefono",
  sms: "SMS",
  colloquio: "Colloquio al CPI",
  lettera: "Lettera",
  piattaforma_siisl: "Piattaforma SIISL",
  altro: "Altro",
};

/** The answers an operator records; every offer starts "in attesa". */
export const ANSWERED_OUTCOMES = ["accettata", "rifiutata_giustificata", "rifiutata_senza_motivo", "non_presentata"] as const;
export const OFFER_OUTCOMES = ["in_attesa", ...ANSWERED_OUTCOMES] as const;
export type OfferOutcome = (typeof OFFER_OUTCOMES)[number];

export const OFFER_OUTCOME_LABELS: Record<OfferOutcome, string> = {
  in_attesa: "In attesa di risposta",
  accettata: "Accettata",
  rifiutata_giustificata: "Rifiutata con giustificato motivo",
  rifiutata_senza_motivo: "Rifiutata senza giustificato motivo",
  non_presentata: "Non presentata/o",
};

/**
 * Every answer is recorded once, from "in attesa". The only corrections are about the justification,
 * which often arrives after the answer: a refusal or a no-show later documented with a recognised reason
 * becomes justified, and a justification the CPI does not accept becomes an unjustified refusal.
 * (Withdrawing a conditionality event already exported for ANPAL and INPS is refused where the events are
 * handled.) An acceptance is final: what happens on the job is no longer this offer's outcome.
 */
const OUTCOME_TRANSITIONS: Record<OfferOutcome, readonly OfferOutcome[]> = {
  in_attesa: ["accettata", "rifiutata_giustificata", "rifiutata_senza_motivo", "non_presentata"],
  rifiutata_senza_motivo: ["rifiutata_giustificata"],
  non_presentata: ["rifiutata_giustificata"],
  rifiutata_giustificata: ["rifiutata_senza_motivo"],
  accettata: [],
};

export const offerOutcomeMachine: StateMachine<OfferOutcome> = {
  states: OFFER_OUTCOMES,
  labels: OFFER_OUTCOME_LABELS,
  can: (from, to) => OUTCOME_TRANSITIONS[from].includes(to),
  next: (from) => OUTCOME_TRANSITIONS[from],
  isFinal: (state) => OUTCOME_TRANSITIONS[state].length === 0,
};

/** The justified reasons for refusing recognised by ANPAL (CONGRUA.md, NASpI section). */
export const REFUSAL_REASONS = [
  "malattia_infortunio",
  "richiamo_servizio",
  "maternita",
  "gravi_motivi_familiari",
  "limiti_mobilita",
  "forza_maggiore",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const REFUSAL_REASON_LABELS: Record<RefusalReason, string> = {
  malattia_infortunio: "Malattia o infortunio",
  richiamo_servizio: "Richiamo alle armi o al servizio civile",
  maternita: "Congedo di maternità (gravidanza)",
  gravi_motivi_familiari: "Gravi motivi familiari documentati",
  limiti_mobilita: "Limiti legali alla mobilità",
  forza_maggiore: "Forza maggiore",
};

/** The evaluator's overall verdict as operators read it. */
export const VERDICT_LABELS: Record<OverallCongrua, string> = {
  pass: "Congrua",
  fail: "Non congrua",
  unknown: "Da verificare",
  not_applicable: "Nessuna regola di congruità applicabile",
};
