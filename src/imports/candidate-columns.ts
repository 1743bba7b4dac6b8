import type { ColumnSpec } from "./table-columns.js";

/**
 * The job seekers file (docs/import-persone.md describes each column with examples). Import and
 * candidatesToCsv both read this list, so the file written is the file read.
 * Required: who the person is and where they live (tax code, names, domicile); without a CPI the person
 * goes to the CPI whose catchment holds the domicile.
 */
export const CANDIDATE_COLUMNS = [
  { key: "taxCode", header: "Codice fiscale", aliases: ["CF"], required: true },
  { key: "lastName", header: "Cognome", required: true },
  { key: "firstName", header: "Nome", required: true },
  { key: "email", header: "Email", aliases: ["E-mail", "Mail", "Posta elettronica"] },
  { key: "phone", header: "Telefono", aliases: ["Cellulare", "Tel"] },
  { key: "domicile", header: "Comune domicilio", aliases: ["Comune di domicilio", "Domicilio"], required: true },
  { key: "cpi", header: "Cpi", aliases: ["CPI competente", "Centro per l'impiego"] },
  { key: "didDate", header: "Data DID", aliases: ["DID", "Data disponibilità"] },
  { key: "programmes", header: "Programmi", aliases: ["Programma"] },
  { key: "profiles", header: "Profili", aliases: ["Profili professionali", "Profilo"] },
  { key: "competences", header: "Competenze" },
  { key: "languages", header: "Lingue" },
  { key: "licences", header: "Patenti", aliases: ["Patente", "Patenti di guida", "Patenti e abilitazioni", "Abilitazioni"] },
  { key: "education", header: "Titolo di studio", aliases: ["Titolo studio", "Livello di studio"] },
  { key: "experiences", header: "Esperienze", aliases: ["Esperienze lavorative"] },
  { key: "trainings", header: "Formazione" },
  { key: "maxKm", header: "Km massimi", aliases: ["Distanza massima km"] },
  { key: "maxMinutes", header: "Minuti massimi", aliases: ["Tempo di viaggio massimo"] },
  { key: "availability", header: "Disponibilità" },
  { key: "consent", header: "Consenso contatti", aliases: ["Consenso"] },
  // Facts some congrua rules depend on (ADI, RdC, NASpI); empty = not declared.
  { key: "childrenUnder14", header: "Figli under 14", aliases: ["Figli minori di 14 anni"] },
  { key: "disabledMember", header: "Disabile nel nucleo", aliases: ["Componente disabile"] },
  { key: "lastContractHours", header: "Ore ultimo contratto", aliases: ["Ore settimanali ultimo contratto"] },
  { key: "tutor", header: "Tutor" },
] as const satisfies readonly ColumnSpec[];

export type CandidateColumn = (typeof CANDIDATE_COLUMNS)[number]["key"];

export const CANDIDATE_HEADER: Record<CandidateColumn, string> = Object.fromEntries(
  CANDIDATE_COLUMNS.map((c) => [c.key, c.header]),
) as Record<CandidateColumn, string>;
