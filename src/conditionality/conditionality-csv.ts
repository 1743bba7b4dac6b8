/**
 * The report of conditionality events for ANPAL and INPS as a CSV file: Italian columns, ";"-separated
 * UTF-8 with a BOM (so Excel shows accents), as the service's other CSV files. Written from the events
 * alone (pure): the same export gives the same bytes every time. Events of offers and recorded facts share
 * the file; a fact leaves the offer's columns empty.
 */
import { stringify } from "csv-stringify/sync";
import type { ConditionalityEvent } from "../generated/prisma/client.js";
import type { Programme } from "../congrua/types.js";
import { OFFER_CHANNEL_LABELS, OFFER_OUTCOME_LABELS, type OfferChannel, type OfferOutcome } from "../congrua-offers/congrua-offer-states.js";
import { dayOf, italianDay } from "../deadlines/calendar-day.js";
import { CONDITIONALITY_KIND_LABELS, PROGRAMME_LABELS, type ConditionalityKind } from "./conditionality-kinds.js";
import { detailsOf, isFactDetails, type ConditionalityDetails, type OfferEventDetails } from "./conditionality-details.js";

type Row = { event: ConditionalityEvent; d: ConditionalityDetails };

/** The columns about the offer stay empty for a recorded fact, which has none. */
const ofOffer = (d: ConditionalityDetails, cell: (o: OfferEventDetails) => string) => (isFactDetails(d) ? "" : cell(d));

function notes({ event, d }: Row): string {
  const parts: string[] = [];
  if (d.toConfirm) {
    parts.push(
      isFactDetails(d)
        ? "Conseguenza basata su valori da confermare (CONGRUA.md): verificare prima dell'invio"
        : "Congruità basata su valori da confermare (CONGRUA.md): verificare prima dell'invio",
    );
  }
  if (d.note) parts.push(`Nota dell'operatore: ${d.note}`);
  if (event.exportId && !d.person) parts.push("Persona cancellata su sua richiesta dopo la segnalazione");
  return parts.join(" · ");
}

export const CONDITIONALITY_CSV_COLUMNS: { header: string; cell: (r: Row) => string }[] = [
  { header: "Codice fiscale", cell: ({ d }) => d.person?.taxCode ?? "" },
  { header: "Nome", cell: ({ d }) => d.person?.firstName ?? "" },
  { header: "Cognome", cell: ({ d }) => d.person?.lastName ?? "" },
  { header: "Codice CPI", cell: ({ event }) => event.cpiCode },
  { header: "CPI", cell: ({ d }) => d.cpiName ?? "" },
  { header: "Programma", cell: ({ event }) => (event.programme ? PROGRAMME_LABELS[event.programme as Programme] : "") },
  { header: "Tipo evento", cell: ({ event }) => CONDITIONALITY_KIND_LABELS[event.kind as ConditionalityKind] },
  { header: "Data evento", cell: ({ event }) => italianDay(dayOf(event.occurredAt)) },
  { header: "Profilo offerto", cell: ({ d }) => ofOffer(d, (o) => o.offer.profile) },
  { header: "Azienda", cell: ({ d }) => ofOffer(d, (o) => o.offer.employerName) },
  { header: "Data offerta", cell: ({ d }) => ofOffer(d, (o) => italianDay(o.offer.offeredAt)) },
  { header: "Canale", cell: ({ d }) => ofOffer(d, (o) => OFFER_CHANNEL_LABELS[o.offer.channel as OfferChannel]) },
  { header: "Esito", cell: ({ d }) => ofOffer(d, (o) => OFFER_OUTCOME_LABELS[o.outcome as OfferOutcome]) },
  { header: "Motivo", cell: () => "Nessun giustificato motivo" },
  { header: "Sanzione prevista", cell: ({ d }) => d.sanction ?? "" },
  { header: "Norma", cell: ({ d }) => d.legalBasis ?? "" },
  { header: "Regole di congruità", cell: ({ d }) => ofOffer(d, (o) => `${o.ruleSetLabel} (versione ${o.ruleSetVersion})`) },
  { header: "Note", cell: notes },
  { header: "Id segnalazione", cell: ({ event }) => event.id },
];

export function conditionalityCsv(events: readonly ConditionalityEvent[]): string {
  const rows = events.map((event) => {
    const row = { event, d: detailsOf(event) };
    return CONDITIONALITY_CSV_COLUMNS.map((c) => c.cell(row));
  });
  return "\uFEFF" + stringify([CONDITIONALITY_CSV_COLUMNS.map((c) => c.header), ...rows], { delimiter: ";", record_delimiter: "\n" });
}
