/**
 * The conditionality events Vetrina opens, one kind per benefit family: one refusal may cost two benefits
 * (NASpI and RdC were paid together), and each is reported, and applied by INPS, on its own. The store
 * keeps one event per offer and kind (unique key), so a benefit is never reported twice for one offer.
 */
import type { Programme } from "../congrua/types.js";

export const CONDITIONALITY_KINDS = ["rifiuto_naspi", "mancata_presentazione_naspi", "rifiuto_rdc", "rifiuto_adi", "rifiuto_sfl"] as const;
export type ConditionalityKind = (typeof CONDITIONALITY_KINDS)[number];

export const CONDITIONALITY_KIND_LABELS: Record<ConditionalityKind, string> = {
  rifiuto_naspi: "Rifiuto di un'offerta congrua senza giustificato motivo (NASpI / DIS-COLL)",
  mancata_presentazione_naspi: "Mancata presentazione senza giustificato motivo (NASpI / DIS-COLL)",
  rifiuto_rdc: "Rifiuto di un'offerta congrua senza giustificato motivo (Reddito di Cittadinanza)",
  rifiuto_adi: "Rifiuto di un'offerta di lavoro senza giustificato motivo (Assegno di inclusione)",
  rifiuto_sfl: "Rifiuto di un'offerta di lavoro senza giustificato motivo (Supporto per la formazione e il lavoro)",
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
