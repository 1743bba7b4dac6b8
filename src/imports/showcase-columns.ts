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

/**
 * Vetrina's own columns, written after the thirteen of the showcase so that a sheet keeps its layout
 * for those who read only those. They carry what the thirteen cannot (the offer's id, the workplace,
 * the structured terms matching reads) so that a file exported and imported elsewhere loses nothing.
 * When a file has one of them, its cell is what the import reads for that field instead of what it
 * would derive from the showcase's free text; a file without them imports as the showcase always did.
 * No aliases: a column of another file that happens to look alike stays ignored, as it always was.
 */
export const SHOWCASE_EXTRA_COLUMNS = [
  { key: "vetrinaId", header: "Id Vetrina" },
  { key: "workplace", header: "Comune sede di lavoro" },
  { key: "profileTitle", header: "Titolo profilo" },
  { key: "profileCode", header: "Codice profilo" },
  { key: "atecoCode", header: "Codice ATECO" },
  { key: "mustHaveCompetences", header: "Competenze indispensabili" },
  { key: "niceToHaveCompetences", header: "Competenze gradite" },
  { key: "requiredLicences", header: "Patenti e abilitazioni" },
  { key: "requiredLanguages", header: "Lingue richieste" },
  { key: "requiredEducationLevel", header: "Titolo di studio" },
  { key: "contractType", header: "Tipo contratto" },
  { key: "contractMonths", header: "Durata contratto (mesi)" },
  { key: "hoursPerWeek", header: "Ore settimanali" },
  { key: "grossMonthlyPay", header: "Retribuzione lorda mensile" },
  { key: "ccnl", header: "CCNL" },
  { key: "sourceService", header: "Servizio" },
  { key: "shortlistCap", header: "Tetto rosa" },
  { key: "reservedL68", header: "Riservata L. 68/1999" },
  { key: "publishedAt", header: "Data pubblicazione" },
  { key: "closingDate", header: "Data chiusura" },
] as const satisfies readonly ColumnSpec[];

/** What the export writes and the import reads: the showcase's thirteen, then Vetrina's own. */
export const SHOWCASE_ALL_COLUMNS = [...SHOWCASE_COLUMNS, ...SHOWCASE_EXTRA_COLUMNS] as const;

export type ShowcaseColumn = (typeof SHOWCASE_ALL_COLUMNS)[number]["key"];
export type ShowcaseExtraColumn = (typeof SHOWCASE_EXTRA_COLUMNS)[number]["key"];

export const SHOWCASE_HEADER: Record<ShowcaseColumn, string> = Object.fromEntries(
  SHOWCASE_ALL_COLUMNS.map((c) => [c.key, c.header]),
) as Record<ShowcaseColumn, string>;
