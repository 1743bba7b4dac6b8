import type { ColumnSpec } from "../imports/table-columns.js";

/**
 * The CPI list a region loads: one row per centre. "Bacino" lists the comuni it serves (names, "Nome (PR)"
 * or ISTAT codes, separated by ";" or new lines); an empty cell leaves a stored catchment as it is.
 */
export const CPI_COLUMNS = [
  { key: "code", header: "Codice", aliases: ["Codice CPI"], required: true },
  { key: "name", header: "Nome", aliases: ["Denominazione", "Nome CPI", "CPI"], required: true },
  { key: "province", header: "Provincia", aliases: ["Sigla provincia", "Prov"] },
  { key: "comune", header: "Comune sede", aliases: ["Comune", "Sede"], required: true },
  { key: "address", header: "Indirizzo", aliases: ["Sede indirizzo"] },
  { key: "email", header: "Email", aliases: ["E-mail", "Mail", "Posta elettronica", "PEC"] },
  { key: "catchment", header: "Bacino", aliases: ["Comuni del bacino", "Comuni serviti", "Bacino di utenza"] },
] as const satisfies readonly ColumnSpec[];

export type CpiColumn = (typeof CPI_COLUMNS)[number]["key"];

export const CPI_HEADER: Record<CpiColumn, string> = Object.fromEntries(CPI_COLUMNS.map((c) => [c.key, c.header])) as Record<CpiColumn, string>;
