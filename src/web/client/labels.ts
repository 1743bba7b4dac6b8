/** Italian names for the codes the API answers with and has no label for. */
export const COMPONENT_LABELS: Record<string, string> = {
  profile: "Profilo",
  competences: "Competenze",
  territory: "Territorio",
  requirements: "Requisiti",
  priority: "Priorità",
};

export { OFFER_CHANNEL_LABELS, OFFER_CHANNELS, REFUSAL_REASON_LABELS, REFUSAL_REASONS, VERDICT_LABELS } from "../../congrua-offers/congrua-offer-states.js";
export { CONDITIONALITY_KIND_LABELS, FACT_KINDS, PROGRAMME_LABELS } from "../../conditionality/conditionality-kinds.js";
export { CONTACT_STATUS_LABELS, OUTCOME_LABELS } from "../../shortlists/shortlist-states.js";
export { DECLINE_REASONS, DECLINE_REASON_LABELS } from "../../proposals/decline-reasons.js";
export { PROPOSAL_STATUS_LABELS } from "../../proposals/proposal-states.js";

export const CRITERION_VERDICT: Record<string, string> = { pass: "soddisfatto", fail: "non soddisfatto", unknown: "da verificare" };
