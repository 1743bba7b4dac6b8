import { atecoLabel, educationLevel } from "../reference/code-lists.js";
import { CPI_SEEDS } from "../reference/cpis.js";
import type { VacancyView } from "../vacancies/vacancy-repository.js";
import { VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import type { ShowcaseColumn } from "../imports/showcase-columns.js";
import type { ContractType } from "../imports/parse-contract-offer.js";
import { writeLanguages, writeList } from "../imports/candidate-cell-formats.js";

/**
 * A vacancy as a showcase row, the way regional agencies read it: status in Italian, dates
 * dd/mm/yyyy, the CPI as the documents name it; then Vetrina's own columns (id, workplace,
 * structured terms). The export writes these rows, and the import maps an existing vacancy through
 * this same row to tell "unchanged" from "updated" — so exporting and re-importing a file is a no-op
 * by construction.
 */

export type ShowcaseCell = string | number | null;
export type ShowcaseRow = Record<ShowcaseColumn, ShowcaseCell>;

const DOCUMENT_NAMES = new Map(CPI_SEEDS.map((s) => [s.code, s.documentName]));

const CONTRACT_LABELS: Record<ContractType, string> = {
  permanent: "Tempo indeterminato",
  fixed_term: "Tempo determinato",
  agency: "Somministrazione",
  apprenticeship: "Apprendistato",
  internship: "Tirocinio",
  occasional: "Lavoro occasionale",
  self_employed: "Partita IVA",
  collaboration: "Collaborazione",
};

const dayIt = (isoDay: string | null) => (isoDay ? isoDay.split("-").reverse().join("/") : null);
const listCell = (items: readonly string[]) => (items.length ? writeList(items) : null);

type ContractTerms = { contractType?: string | null | undefined; contractMonths?: number | null | undefined; hoursPerWeek?: number | null | undefined; grossMonthlyPay?: number | null | undefined };

/**
 * Offers published through the API have structured terms but no text: the column spells them out. The
 * import knows these texts (showcase-row-mapping.ts), so they do not become the offer's own text elsewhere.
 */
export function describeContract(v: ContractTerms): string | null {
  const parts = [
    v.contractType ? CONTRACT_LABELS[v.contractType as ContractType] : null,
    v.contractMonths ? `${v.contractMonths} mesi` : null,
    v.hoursPerWeek ? `${v.hoursPerWeek.toLocaleString("it-IT")} ore settimanali` : null,
    v.grossMonthlyPay ? `${v.grossMonthlyPay.toLocaleString("it-IT")} € lordi mensili` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

/** "52.10 - MAGAZZINAGGIO E CUSTODIA": the sector spelled out from its code, for an offer without a sector text. */
export function describeAteco(atecoCode: string): string {
  const label = atecoLabel(atecoCode);
  return label ? `${atecoCode} - ${label}` : atecoCode;
}

function describeSector(v: VacancyView): string | null {
  if (v.sectorLabel) return v.sectorLabel;
  return v.atecoCode ? describeAteco(v.atecoCode) : null;
}

/** "001272 - Torino (TO)": the ISTAT code first, which the import reads; the name for the reader. */
function describeWorkplace(v: VacancyView): string | null {
  const w = v.workplace;
  return w ? `${w.istatCode} - ${w.name}${w.provinceAcronym ? ` (${w.provinceAcronym})` : ""}` : null;
}

export function showcaseRowOf(v: VacancyView): ShowcaseRow {
  return {
    status: VACANCY_STATUS_LABELS[v.status as VacancyStatus] ?? v.status,
    arrivalDate: dayIt(v.arrivalDate),
    requestedProfile: v.requestedProfile,
    positions: v.positions,
    companyName: v.companyName,
    companyTaxCode: v.companyTaxCode,
    sector: describeSector(v),
    contractOffer: v.contractOfferText ?? describeContract(v),
    competences: v.competencesText ?? (v.mustHaveCompetences.length ? v.mustHaveCompetences.join("; ") : null),
    cpi: DOCUMENT_NAMES.get(v.cpi.code) ?? v.cpi.name,
    referentName: v.referentName,
    referentEmail: v.referentEmail,
    notes: v.notes,
    vetrinaId: v.id,
    workplace: describeWorkplace(v),
    profileTitle: v.profileTitle,
    profileCode: v.profileCode,
    atecoCode: v.atecoCode,
    mustHaveCompetences: listCell(v.mustHaveCompetences),
    niceToHaveCompetences: listCell(v.niceToHaveCompetences),
    requiredLicences: listCell(v.requiredLicences),
    requiredLanguages: v.requiredLanguages.length ? writeLanguages(v.requiredLanguages) : null,
    requiredEducationLevel: v.requiredEducationLevel ? (educationLevel(v.requiredEducationLevel)?.label ?? v.requiredEducationLevel) : null,
    contractType: v.contractType ? (CONTRACT_LABELS[v.contractType as ContractType] ?? v.contractType) : null,
    contractMonths: v.contractMonths,
    hoursPerWeek: v.hoursPerWeek,
    grossMonthlyPay: v.grossMonthlyPay,
    ccnl: v.ccnl,
    sourceService: v.sourceService,
    shortlistCap: v.shortlistCap,
    reservedL68: v.reservedL68 ? "sì" : "no",
    publishedAt: dayIt(v.publishedAt),
    closingDate: dayIt(v.closingDate),
  };
}
