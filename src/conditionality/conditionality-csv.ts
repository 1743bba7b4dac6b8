/**
 * The report of conditionality events for ANPAL and INPS as a CSV file: Italian columns, ";"-separated
 * UTF-8 with a BOM (so Excel shows accents), as the service's other CSV files. Written from the events
 * alone (pure): the same export gives the same bytes every time.
 */
import { stringify } from "csv-stringify/sync";
import type { ConditionalityEvent } from "../generated/prisma/client.js";
import type { Programme } from "../congrua/types.js";
import { OFFER_CHANNEL_LABELS, OFFER_OUTCOME_LABELS, type OfferChannel, type OfferOutcome } from "../congrua-offers/congrua-offer-states.js";
import { dayOf, italianDay } from "../deadlines/calendar-day.js";
import { CONDITIONALITY_KIND_LABELS, PROGRAMME_LABELS, type ConditionalityKind } from "./conditionality-kinds.js";
import { detailsOf, type ConditionalityDetails } from "./conditionality-details.js";

type Row = { event: ConditionalityEvent; d: ConditionalityDetails };

function notes({ event, d }: Row): string {
  const parts: string[] = [];
  if (d.toConfirm) parts.push("Congruità basata su valori da confermare (CONGRUA.md): verificare prima dell'invio");
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
  { header: "Profilo offerto", cell: ({ d }) => d.offer.profile },
  { header: "Azienda", cell: ({ d }) => d.offer.employerName },
  { header: "Data offerta", cell: ({ d }) => italianDay(d.offer.offeredAt) },
  { header: "Canale", cell: ({ d }) => OFFER_CHANNEL_LABELS[d.offer.channel as OfferChannel] },
  { header: "Esito", cell: ({ d }) => OFFER_OUTCOME_LABELS[d.outcome as OfferOutcome] },
  { header: "Motivo", cell: () => "Nessun giustificato motivo" },
  { header: "Sanzione prevista", cell: ({ d }) => d.sanction },
  { header: "Norma", cell: ({ d }) => d.legalBasis },
  { header: "Regole di congruità", cell: ({ d }) => `${d.ruleSetLabel} (versione ${d.ruleSetVersion})` },
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
