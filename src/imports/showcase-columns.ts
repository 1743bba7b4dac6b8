import type { ColumnSpec } from "./table-columns.js";

/**
 * The showcase's columns, in the order regional agencies keep them (DOMAIN.md). Import and export
 * both read this list, so the file written is the file read.
 *
 * Required: what identifies an offer (company, CPI, profile, arrival day — the showcaseKey). The
 * others may be missing from an older file; their fields are then left as they are.
 */
export const SHOWCASE_COLUMNS = [
  { key: "status", header: "Stato" },
  { key: "arrivalDate", header: "Data arrivo offerta", aliases: ["Data arrivo", "Data offerta"], required: true },
  { key: "requestedProfile", header: "Profilo richiesto", aliases: ["Profilo"], required: true },
  { key: "positions", header: "N. Posizioni", aliases: ["Numero posizioni", "N° posizioni", "Posizioni"] },
  { key: "companyName", header: "Nome azienda", aliases: ["Azienda", "Ragione sociale"], required: true },
  { key: "companyTaxCode", header: "Codice fiscale", aliases: ["Codice fiscale azienda", "Partita IVA", "CF/P.IVA"], required: true },
  { key: "sector", header: "Area economica", aliases: ["Settore", "ATECO"] },
  { key: "contractOffer", header: "Proposta contratto", aliases: ["Proposta contrattuale", "Contratto"] },
  { key: "competences", header: "Competenze – requisiti", aliases: ["Competenze", "Requisiti", "Competenze e requisiti"] },
  { key: "cpi", header: "Cpi", aliases: ["Centro per l'impiego"], required: true },
  { key: "referentName", header: "Referente offerta", aliases: ["Referente"] },
  { key: "referentEmail", header: "Mail referente", aliases: ["Email referente", "E-mail referente"] },
  { key: "notes", header: "Note" },
] as const satisfies readonly ColumnSpec[];

export type ShowcaseColumn = (typeof SHOWCASE_COLUMNS)[number]["key"];

export const SHOWCASE_HEADER: Record<ShowcaseColumn, string> = Object.fromEntries(
  SHOWCASE_COLUMNS.map((c) => [c.key, c.header]),
) as Record<ShowcaseColumn, string>;
