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

/** The vacancy's fields as the history names them, in the operators' words (the showcase's columns where there is one). */
export const VACANCY_FIELD_LABELS: Record<string, string> = {
  status: "Stato",
  arrivalDate: "Data arrivo offerta",
  requestedProfile: "Profilo richiesto",
  profileTitle: "Professione",
  profileCode: "Codice della professione",
  positions: "N. Posizioni",
  companyName: "Nome azienda",
  companyTaxCode: "Codice fiscale",
  employerId: "Azienda",
  sectorLabel: "Area economica",
  atecoCode: "Codice ATECO",
  contractOfferText: "Proposta contratto",
  competencesText: "Competenze – requisiti",
  mustHaveCompetences: "Competenze indispensabili",
  niceToHaveCompetences: "Competenze gradite",
  requiredEducationLevel: "Titolo di studio",
  requiredLanguages: "Lingue",
  requiredLicences: "Patenti",
  contractType: "Tipo di contratto",
  contractMonths: "Durata in mesi",
  hoursPerWeek: "Ore settimanali",
  grossMonthlyPay: "Retribuzione lorda mensile",
  ccnl: "CCNL",
  workplaceIstatCode: "Sede di lavoro",
  cpiCode: "Cpi",
  referentUserId: "Referente offerta",
  referentName: "Referente offerta",
  referentEmail: "Mail referente",
  notes: "Note",
  sourceService: "Servizio",
  shortlistCap: "Tetto della rosa",
  reservedL68: "Riservata L. 68/1999",
  publishedAt: "Pubblicata il",
  closingDate: "Data di chiusura",
};
