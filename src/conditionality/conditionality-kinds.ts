/**
 * The conditionality events Vetrina opens. Those that follow a congrua offer have one kind per benefit
 * family: one refusal may cost two benefits (NASpI and RdC were paid together), and each is reported, and
 * applied by INPS, on its own. The store keeps one event per offer and kind (unique key), so a benefit is
 * never reported twice for one offer. The other facts of CONGRUA.md (a missed appointment, a missed active
 * measure, a missed SFL confirmation) are recorded by an operator, with no offer.
 */
import type { Programme } from "../congrua/types.js";

export const OFFER_CONDITIONALITY_KINDS = ["rifiuto_naspi", "mancata_presentazione_naspi", "rifiuto_rdc", "rifiuto_adi", "rifiuto_sfl"] as const;
export const FACT_KINDS = ["appuntamento_mancato", "misura_attiva_mancata", "conferma_sfl_mancata"] as const;
export type FactKind = (typeof FACT_KINDS)[number];
export const CONDITIONALITY_KINDS = [...OFFER_CONDITIONALITY_KINDS, ...FACT_KINDS] as const;
export type ConditionalityKind = (typeof CONDITIONALITY_KINDS)[number];

export const CONDITIONALITY_KIND_LABELS: Record<ConditionalityKind, string> = {
  rifiuto_naspi: "Rifiuto di un'offerta congrua senza giustificato motivo (NASpI / DIS-COLL)",
  mancata_presentazione_naspi: "Mancata presentazione senza giustificato motivo (NASpI / DIS-COLL)",
  rifiuto_rdc: "Rifiuto di un'offerta congrua senza giustificato motivo (Reddito di Cittadinanza)",
  rifiuto_adi: "Rifiuto di un'offerta di lavoro senza giustificato motivo (Assegno di inclusione)",
  rifiuto_sfl: "Rifiuto di un'offerta di lavoro senza giustificato motivo (Supporto per la formazione e il lavoro)",
  appuntamento_mancato: "Mancata presentazione a un appuntamento o a una convocazione del CPI",
  misura_attiva_mancata: "Mancata partecipazione a un corso di formazione o a un'altra misura di politica attiva",
  conferma_sfl_mancata: "Mancata conferma trimestrale della partecipazione (Supporto per la formazione e il lavoro)",
};

/** The benefits as the reports to ANPAL and INPS name them. */
export const PROGRAMME_LABELS: Record<Programme, string> = {
  NASPI: "NASpI",
  DISCOLL: "DIS-COLL",
  ADR: "Assegno di ricollocazione",
  RDC: "Reddito di Cittadinanza",
  ADI: "Assegno di inclusione",
  SFL: "Supporto per la formazione e il lavoro",
  GOL: "GOL",
  L68: "Collocamento mirato (L. 68/1999)",
};
