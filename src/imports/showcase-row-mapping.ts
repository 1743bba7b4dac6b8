import { atecoEntry, listAteco, normalizeAtecoCode } from "../reference/code-lists.js";
import { licencesOfRequirement } from "../reference/driving-licences.js";
import { foldName } from "../reference/fold-name.js";
import { normalizeTaxCode } from "../validation/tax-code.js";
import { vacancyCreateSchema, type VacancyCreateInput } from "../vacancies/vacancy-schemas.js";
import { VACANCY_STATUS_LABELS, VACANCY_STATUSES, type VacancyStatus } from "../vacancies/vacancy-status.js";
import { vacancyTermsProblems } from "../vacancies/vacancy-terms.js";
import { describeAteco, describeContract } from "../exports/showcase-row.js";
import { readEducation, readLanguages } from "./candidate-cell-formats.js";
import { CellError, cellText, isoDay, parseDate, parseInteger, parseNumber, parseYesNo, splitList, type Cell } from "./cell-values.js";
import { parseRow, RowIssues } from "./import-report.js";
import { parseContractOffer } from "./parse-contract-offer.js";
import type { ComuneResolver, CpiResolver } from "./reference-resolvers.js";
import { SHOWCASE_HEADER, type ShowcaseColumn, type ShowcaseExtraColumn } from "./showcase-columns.js";

/**
 * How one showcase row becomes a vacancy: every mapping rule of the showcase import lives here.
 *
 * - Stato: the Italian label ("Aperta", "In preselezione", "Rosa inviata", "Coperta", "Annullata",
 *   "Scaduta", a few synonyms, or the code). Empty: a new offer is open, an existing one keeps its state.
 * - Data arrivo offerta: dd/mm/yyyy, yyyy-mm-dd or an Excel date. Required here although the API
 *   defaults it to today: it is part of the natural key, and "today" would make the same file
 *   create the offer again tomorrow.
 * - Codice fiscale: partita IVA (leading zeros restored when Excel stored it as a number) or a
 *   sole trader's codice fiscale; a registered employer with that code is linked to the offer.
 * - Area economica: kept as written in sectorLabel; an ATECO code at its start ("47.11", "H 49",
 *   "52.10 - Magazzinaggio") or an exact ATECO label also fills atecoCode. A code that ATECO 2007
 *   does not have rejects the row, naming the column and the value.
 * - With Vetrina's columns, an "Area economica" or "Proposta contratto" exactly as the export spells
 *   them out for an offer that has no such text ("52.10 - MAGAZZINAGGIO E CUSTODIA", "Tempo determinato,
 *   12 mesi, 38 ore settimanali") is not stored as the offer's text: the structured columns hold it.
 * - Proposta contratto: kept in contractOfferText; contract type, months, weekly hours and gross
 *   monthly pay are read from it when written plainly (parse-contract-offer.ts).
 * - Competenze – requisiti: kept whole in competencesText and split on ";", new lines and commas
 *   into mustHaveCompetences (the showcase does not tell must-have from nice-to-have); an item that only
 *   names licences or qualifications ("Patente C e E", "patente CE", "CQC merci", "ADR") goes to
 *   requiredLicences instead, where it is checked against the licences people hold.
 * - Cpi: code, document name ("CPI CIRIE'") or display name ("CPI Ciriè"), case and accents folded.
 * - Sede di lavoro: the showcase has no such column. "Comune sede di lavoro" (Vetrina's column:
 *   "001272 - Torino (TO)", a code or a name) gives it; else "sede: <comune>" (or "sede di lavoro:",
 *   "luogo di lavoro:") in Note; otherwise the CPI's comune is used and the row says so.
 * - Vetrina's columns (showcase-columns.ts), when the file has them, give their field as written and
 *   replace what would be read from the free text above: an empty cell then means "none", not
 *   "read it from the text". "Id Vetrina" identifies the offer (import-vacancies.ts).
 */

export interface ShowcaseRowRefs {
  cpis: CpiResolver;
  comuni: ComuneResolver;
  employersByTaxCode: Map<string, string>;
}

/** A showcase row always names its CPI and arrival day: they are part of what identifies the offer. */
export type ShowcaseInput = VacancyCreateInput & { cpiCode: string; arrivalDate: Date };

export interface MappedShowcaseRow {
  input: ShowcaseInput;
  /** Undefined when the cell is empty. */
  status: VacancyStatus | undefined;
  /** The «Id Vetrina» cell, when the file has one. */
  vetrinaId: string | undefined;
  workplaceFromCpi: boolean;
  label: string;
  /** The fields the file actually gave (schema defaults excluded): only these may update a stored offer. */
  provided: (keyof VacancyCreateInput)[];
}

export type ShowcaseRowResult = { ok: true; row: MappedShowcaseRow; issues: RowIssues } | { ok: false; issues: RowIssues; label: string };

/** Which column a schema field comes from, to name it in the report (Vetrina's own column when the file has it). */
const FIELD_COLUMN: Record<string, ShowcaseColumn> = {
  arrivalDate: "arrivalDate",
  requestedProfile: "requestedProfile",
  profileTitle: "requestedProfile",
  positions: "positions",
  companyName: "companyName",
  companyTaxCode: "companyTaxCode",
  employerId: "companyTaxCode",
  sectorLabel: "sector",
  atecoCode: "sector",
  contractOfferText: "contractOffer",
  contractType: "contractOffer",
  contractMonths: "contractOffer",
  hoursPerWeek: "contractOffer",
  grossMonthlyPay: "contractOffer",
  ccnl: "contractOffer",
  competencesText: "competences",
  mustHaveCompetences: "competences",
  requiredLicences: "competences",
  cpiCode: "cpi",
  workplaceIstatCode: "notes",
  referentName: "referentName",
  referentEmail: "referentEmail",
  notes: "notes",
  status: "status",
};

/** Vetrina's columns, each giving one field of the vacancy. */
const EXTRA_FIELD: Record<Exclude<ShowcaseExtraColumn, "vetrinaId">, keyof VacancyCreateInput> = {
  workplace: "workplaceIstatCode",
  profileTitle: "profileTitle",
  profileCode: "profileCode",
  atecoCode: "atecoCode",
  mustHaveCompetences: "mustHaveCompetences",
  niceToHaveCompetences: "niceToHaveCompetences",
  requiredLicences: "requiredLicences",
  requiredLanguages: "requiredLanguages",
  requiredEducationLevel: "requiredEducationLevel",
  contractType: "contractType",
  contractMonths: "contractMonths",
  hoursPerWeek: "hoursPerWeek",
  grossMonthlyPay: "grossMonthlyPay",
  ccnl: "ccnl",
  sourceService: "sourceService",
  shortlistCap: "shortlistCap",
  reservedL68: "reservedL68",
  publishedAt: "publishedAt",
  closingDate: "closingDate",
};
const COLUMN_OF_EXTRA_FIELD = new Map(Object.entries(EXTRA_FIELD).map(([column, field]) => [field as string, column as ShowcaseColumn]));

/** The column to name for a field: Vetrina's own when the file has it, else the showcase column it is read from. */
export function showcaseColumnOf(field: string, has: (key: ShowcaseColumn) => boolean = () => false): string {
  const name = field.split(".")[0] ?? "";
  const extra = COLUMN_OF_EXTRA_FIELD.get(name);
  const column = extra && has(extra) ? extra : FIELD_COLUMN[name];
  return column ? SHOWCASE_HEADER[column] : field;
}

const STATUS_BY_LABEL = new Map<string, VacancyStatus>([
  ...VACANCY_STATUSES.map((s) => [foldName(VACANCY_STATUS_LABELS[s]), s] as const),
  ...VACANCY_STATUSES.map((s) => [foldName(s), s] as const),
  ["attiva", "open"],
  ["pubblicata", "open"],
  ["aperto", "open"],
  ["preselezione", "in_preselection"],
  ["in corso", "in_preselection"],
  ["candidati inviati", "list_sent"],
  ["rosa", "list_sent"],
  ["coperto", "filled"],
  ["chiusa coperta", "filled"],
  ["annullato", "cancelled"],
  ["ritirata", "cancelled"],
  ["scaduto", "expired"],
]);

export function parseStatus(text: string | undefined): VacancyStatus | undefined {
  if (text === undefined) return undefined;
  const status = STATUS_BY_LABEL.get(foldName(text));
  if (!status) {
    throw new CellError(`Stato sconosciuto «${text}»: ammessi ${VACANCY_STATUSES.map((s) => VACANCY_STATUS_LABELS[s]).join(", ")}`);
  }
  return status;
}

let atecoByLabel: Map<string, string> | undefined;

/**
 * "47.11", "4711", "H", "52.10 - Magazzinaggio", "H - Trasporto…", or an ATECO label written out;
 * undefined for a text that names no code. A code ATECO 2007 does not have is an error.
 */
export function atecoFromSector(text: string): string | undefined {
  const value = text.trim();
  // A digit code may be followed by its label; a section letter only alone or before a dash,
  // so that a label starting with a one-letter word is not read as a section.
  const lead = /^(\d{2}(?:\.\d{1,2}){0,2}|\d{4}|\d{6})(?:$|[\s\-–—:|])/.exec(value) ?? /^([A-Ua-u])(?:$|\s*[-–—:|])/.exec(value);
  if (lead?.[1]) {
    const entry = atecoEntry(normalizeAtecoCode(lead[1]));
    if (!entry) throw new CellError(`Codice ATECO 2007 sconosciuto «${lead[1]}» in «${value}»`);
    return entry.code;
  }
  atecoByLabel ??= new Map(listAteco().map((e) => [foldName(e.label), e.code]));
  return atecoByLabel.get(foldName(value));
}

const SEDE = /\b(?:sede(?: di lavoro)?|luogo di lavoro)\s*[:=]\s*([^;\n.,]+(?:\([A-Za-z]{2}\))?)/i;

const MAX_COMPETENCES = 50;

/** "001272 - Torino (TO)" as the export writes it: the code; anything else is a code or a name to resolve. */
const LEADING_ISTAT_CODE = /^(\d{6})\s*(?:[-–—]|$)/;

/**
 * Maps one row. `has` says which columns the file has: Vetrina's columns replace what the showcase's
 * free text would give only when present (a file of the thirteen columns imports as it always did).
 */
export async function mapShowcaseRow(
  get: (key: ShowcaseColumn) => Cell | undefined,
  refs: ShowcaseRowRefs,
  has: (key: ShowcaseColumn) => boolean = () => false,
): Promise<ShowcaseRowResult> {
  const issues = new RowIssues();
  const text = (key: ShowcaseColumn) => cellText(get(key));
  const raw: Record<string, unknown> = {};
  const label = [text("requestedProfile"), text("companyName")].filter(Boolean).join(" – ");
  const read = <T>(column: ShowcaseColumn, f: () => T): T | undefined => {
    try {
      return f();
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      issues.error(SHOWCASE_HEADER[column], err.message);
      return undefined;
    }
  };

  for (const key of ["requestedProfile", "companyName", "companyTaxCode", "cpi"] as const) {
    if (text(key) === undefined) issues.error(SHOWCASE_HEADER[key], "Campo obbligatorio");
  }

  const status = read("status", () => parseStatus(text("status")));
  const arrivalDate = read("arrivalDate", () => parseDate(get("arrivalDate")));
  if (arrivalDate) raw.arrivalDate = isoDay(arrivalDate);
  else if (text("arrivalDate") === undefined) {
    issues.error(SHOWCASE_HEADER.arrivalDate, "Campo obbligatorio nell'importazione: con la data si riconosce l'offerta a ogni nuova importazione");
  }

  raw.requestedProfile = text("requestedProfile");
  raw.companyName = text("companyName");
  const positions = read("positions", () => parseInteger(get("positions")));
  if (positions !== undefined) raw.positions = positions;

  const taxCell = get("companyTaxCode");
  // Excel turns a partita IVA typed into a number cell into 743110157: the leading zeros are part of it.
  const taxCode = typeof taxCell === "number" ? String(taxCell).padStart(11, "0") : text("companyTaxCode");
  if (taxCode !== undefined) {
    raw.companyTaxCode = taxCode;
    const employerId = refs.employersByTaxCode.get(normalizeTaxCode(taxCode));
    if (employerId) raw.employerId = employerId;
  }

  // With Vetrina's columns, a sector or contract text in the form the export spells out for an offer
  // without one is that spelling, not the offer's text: the structured columns say the same, or newer.
  const sector = text("sector");
  if (sector !== undefined) {
    const ateco = read("sector", () => atecoFromSector(sector));
    if (ateco) raw.atecoCode = ateco;
    if (!(has("atecoCode") && ateco && sector === describeAteco(ateco))) raw.sectorLabel = sector;
  }

  const contract = text("contractOffer");
  if (contract !== undefined) {
    const terms = parseContractOffer(contract);
    Object.assign(raw, terms);
    if (!(has("contractType") && contract === describeContract(terms))) raw.contractOfferText = contract;
  }

  const competences = text("competences");
  if (competences !== undefined) {
    raw.competencesText = competences;
    const licences = new Set<string>();
    const items: string[] = [];
    for (const item of splitList(competences, true)) {
      const stated = licencesOfRequirement(item);
      if (stated) stated.forEach((l) => licences.add(l));
      else items.push(item.slice(0, 200));
    }
    if (items.length > MAX_COMPETENCES) issues.warn(SHOWCASE_HEADER.competences, `Oltre ${MAX_COMPETENCES} competenze: considerate le prime ${MAX_COMPETENCES}`);
    raw.mustHaveCompetences = items.slice(0, MAX_COMPETENCES);
    if (licences.size > 0) raw.requiredLicences = [...licences];
  }

  const cpiText = text("cpi");
  const cpi = cpiText === undefined ? undefined : refs.cpis.resolve(cpiText);
  if (cpiText !== undefined && !cpi) issues.error(SHOWCASE_HEADER.cpi, `CPI sconosciuto «${cpiText}»: indicare il codice (es. TO-CIRIE) o il nome (es. CPI CIRIE')`);
  if (cpi) raw.cpiCode = cpi.code;

  const referentName = text("referentName");
  if (referentName !== undefined) raw.referentName = referentName;
  const referentEmail = text("referentEmail");
  if (referentEmail !== undefined) raw.referentEmail = referentEmail.replace(/^mailto:/i, "").toLowerCase();
  const notes = text("notes");
  if (notes !== undefined) raw.notes = notes;

  const workplace = has("workplace") ? text("workplace") : undefined;
  const sede = notes ? SEDE.exec(notes)?.[1]?.trim() : undefined;
  if (workplace !== undefined) {
    const found = await refs.comuni.resolve(LEADING_ISTAT_CODE.exec(workplace)?.[1] ?? workplace);
    if ("comune" in found) raw.workplaceIstatCode = found.comune.istatCode;
    else issues.error(SHOWCASE_HEADER.workplace, `${found.error}: «${workplace}»`);
  } else if (sede) {
    const found = await refs.comuni.resolve(sede);
    if ("comune" in found) raw.workplaceIstatCode = found.comune.istatCode;
    else issues.warn(SHOWCASE_HEADER.notes, `Sede di lavoro non riconosciuta (${found.error}): usato il comune del CPI`);
  }

  readExtraColumns(get, has, raw, read);

  let workplaceFromCpi = false;
  const workplaceRefused = workplace !== undefined && raw.workplaceIstatCode === undefined;
  if (raw.workplaceIstatCode === undefined && cpi && !workplaceRefused) {
    raw.workplaceIstatCode = cpi.comuneIstatCode;
    workplaceFromCpi = true;
  }

  // A workplace missing because the CPI it would come from is unknown is the CPI's error, said once.
  const columnOf = (field: string) =>
    field === "workplaceIstatCode" && raw.workplaceIstatCode === undefined && !workplaceRefused ? SHOWCASE_HEADER.cpi : showcaseColumnOf(field, has);
  const input = parseRow(vacancyCreateSchema, raw, issues, columnOf);
  // Dates out of order or a permanent contract with a duration: said here with the rest, not at the first write.
  if (input?.arrivalDate) for (const p of vacancyTermsProblems({ ...input, arrivalDate: input.arrivalDate })) issues.error(columnOf(p.field), p.message);
  // Both are required cells, so a row without them has an error already.
  if (!input?.cpiCode || !input.arrivalDate || !issues.ok) return { ok: false, issues, label };
  const row: MappedShowcaseRow = {
    input: { ...input, cpiCode: input.cpiCode, arrivalDate: input.arrivalDate },
    status,
    vetrinaId: text("vetrinaId"),
    workplaceFromCpi,
    label,
    provided: Object.keys(raw) as (keyof VacancyCreateInput)[],
  };
  return { ok: true, issues, row };
}

type CellReader = <T>(column: ShowcaseColumn, f: () => T) => T | undefined;

/** Vetrina's columns but the workplace: each one present replaces what the showcase's text gave for its field. */
function readExtraColumns(get: (key: ShowcaseColumn) => Cell | undefined, has: (key: ShowcaseColumn) => boolean, raw: Record<string, unknown>, read: CellReader) {
  const text = (key: ShowcaseColumn) => cellText(get(key));
  const list = (key: ShowcaseColumn, commas = false) => {
    const items = splitList(text(key), commas);
    return items.length ? items : undefined;
  };
  const day = (key: ShowcaseColumn) => {
    const d = parseDate(get(key));
    return d && isoDay(d);
  };
  const readers: Record<Exclude<ShowcaseExtraColumn, "vetrinaId" | "workplace">, () => unknown> = {
    profileTitle: () => text("profileTitle"),
    profileCode: () => text("profileCode"),
    atecoCode: () => {
      const code = text("atecoCode");
      if (code === undefined) return undefined;
      const entry = atecoEntry(normalizeAtecoCode(code));
      if (!entry) throw new CellError(`Codice ATECO 2007 sconosciuto «${code}»`);
      return entry.code;
    },
    mustHaveCompetences: () => list("mustHaveCompetences"),
    niceToHaveCompetences: () => list("niceToHaveCompetences"),
    requiredLicences: () => list("requiredLicences", true),
    requiredLanguages: () => {
      const items = readLanguages(text("requiredLanguages"));
      return items.length ? items : undefined;
    },
    requiredEducationLevel: () => readEducation(text("requiredEducationLevel")),
    contractType: () => text("contractType"),
    contractMonths: () => parseInteger(get("contractMonths")),
    hoursPerWeek: () => parseNumber(get("hoursPerWeek")),
    grossMonthlyPay: () => parseNumber(get("grossMonthlyPay")),
    ccnl: () => text("ccnl"),
    // The code as exported, or the service's name: "Alte professionalità" → alte_professionalita.
    sourceService: () => {
      const service = text("sourceService");
      return service && foldName(service).replace(/ /g, "_");
    },
    shortlistCap: () => parseInteger(get("shortlistCap")),
    reservedL68: () => parseYesNo(get("reservedL68")),
    publishedAt: () => day("publishedAt"),
    closingDate: () => day("closingDate"),
  };
  for (const [column, reader] of Object.entries(readers) as [keyof typeof readers, () => unknown][]) {
    if (!has(column)) continue;
    const field = EXTRA_FIELD[column];
    delete raw[field];
    const value = read(column, reader);
    if (value !== undefined) raw[field] = value;
  }
}
