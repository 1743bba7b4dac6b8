import { stringify } from "csv-stringify/sync";
import { italianDay } from "../deadlines/calendar-day.js";
import { numberText } from "../imports/candidate-cell-formats.js";
import type { Figures } from "./count-figures.js";
import type { FiguresReport } from "./compute-figures.js";

/** The CSV's columns, in order, with their Italian headers. */
const COLUMNS: { header: string; value: (f: Figures) => number | null }[] = [
  { header: "Offerte ricevute", value: (f) => f.vacanciesReceived },
  { header: "Posizioni richieste", value: (f) => f.positionsRequested },
  { header: "Rose inviate", value: (f) => f.listsSent },
  { header: "Persone assunte", value: (f) => f.peopleHired },
  { header: "Offerte congrue proposte", value: (f) => f.congruaOffersMade },
  { header: "Offerte congrue rifiutate con giustificato motivo", value: (f) => f.congruaOffersRefusedJustified },
  { header: "Offerte congrue rifiutate senza giustificato motivo", value: (f) => f.congruaOffersRefusedUnjustified },
  { header: "Eventi di condizionalità aperti", value: (f) => f.conditionalityEventsOpened },
  { header: "Persone RdC/ADI/SFL", value: (f) => f.incomeSupportOffered.denominator },
  { header: "Persone RdC/ADI/SFL con almeno un'offerta coerente", value: (f) => f.incomeSupportOffered.numerator },
  { header: "Quota con offerta coerente (%)", value: (f) => (f.incomeSupportOffered.share === null ? null : Math.round(f.incomeSupportOffered.share * 10_000) / 100) },
];

const cell = (n: number | null) => (n === null ? "" : numberText(n));

/**
 * The report as the regional agency opens it in Excel: ";"-separated UTF-8 with a BOM, decimal commas,
 * one row per CPI and a last row "Totale", each with the period.
 */
export function figuresCsv(report: FiguresReport): string {
  const period = [italianDay(report.period.from), italianDay(report.period.to)];
  const rows = [
    ...report.rows.map((r) => [r.cpiCode, r.cpiName, ...period, ...COLUMNS.map((c) => cell(c.value(r)))]),
    ["", "Totale", ...period, ...COLUMNS.map((c) => cell(c.value(report.total)))],
  ];
  return `\uFEFF${stringify([["Codice CPI", "CPI", "Dal", "Al", ...COLUMNS.map((c) => c.header)], ...rows], { delimiter: ";", record_delimiter: "\n" })}`;
}
