import { stringify } from "csv-stringify/sync";
import type { CandidateCreateInput } from "../candidates/candidate-schemas.js";
import { CANDIDATE_COLUMNS, type CandidateColumn } from "./candidate-columns.js";
import {
  numberText,
  writeAvailability,
  writeExperiences,
  writeLanguages,
  writeList,
  writeProfiles,
  writeProgrammes,
  writeTrainings,
} from "./candidate-cell-formats.js";

/**
 * Writes people in the import's own format (docs/import-persone.md): ";"-separated UTF-8 CSV with a
 * BOM (so Excel shows accents), the columns of CANDIDATE_COLUMNS in order, list cells in the formats
 * of candidate-cell-formats.ts. Used to produce test and benchmark files that the import reads back.
 */

export interface CandidatesCsvOptions {
  /** The tutor column: by default the id, which the import accepts as well as the e-mail. */
  tutorLabel?: (tutorId: string) => string;
  /** Without the BOM, for tools that would show it as a character. */
  bom?: boolean;
}

const dateText = (d: Date | string | undefined) => (d === undefined ? "" : typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function candidateCells(c: CandidateCreateInput, comuneLabel: (istatCode: string) => string, opts: CandidatesCsvOptions = {}): Record<CandidateColumn, string> {
  return {
    taxCode: c.taxCode,
    lastName: c.lastName,
    firstName: c.firstName,
    email: c.email ?? "",
    phone: c.phone ?? "",
    domicile: comuneLabel(c.domicileIstatCode),
    cpi: c.cpiCode ?? "",
    didDate: dateText(c.availabilityDeclaredAt),
    programmes: writeProgrammes(c.programmes ?? []),
    profiles: writeProfiles(c.declaredProfiles ?? []),
    competences: writeList(c.competences ?? []),
    languages: writeLanguages(c.languages ?? []),
    licences: writeList(c.drivingLicences ?? []),
    education: c.educationLevel ?? "",
    experiences: writeExperiences(c.experiences ?? []),
    trainings: writeTrainings(c.trainings ?? []),
    maxKm: c.maxTravelKm !== undefined ? numberText(c.maxTravelKm) : "",
    maxMinutes: c.maxTravelMinutes !== undefined ? String(c.maxTravelMinutes) : "",
    availability: c.availability ? writeAvailability(c.availability) : "",
    consent: yesNo(c.shareContactsConsent),
    childrenUnder14: yesNo(c.householdHasChildrenUnder14),
    disabledMember: yesNo(c.householdHasDisabledMember),
    lastContractHours: c.lastContractHoursPerWeek !== undefined ? numberText(c.lastContractHoursPerWeek) : "",
    tutor: c.tutorId ? (opts.tutorLabel ? opts.tutorLabel(c.tutorId) : c.tutorId) : "",
  };
}

/** The whole file as a string; `comuneLabel` turns an ISTAT code into "Moncalieri (TO)" (or returns the code). */
export function candidatesToCsv(inputs: readonly CandidateCreateInput[], comuneLabel: (istatCode: string) => string, opts: CandidatesCsvOptions = {}): string {
  const rows = inputs.map((c) => {
    const cells = candidateCells(c, comuneLabel, opts);
    return CANDIDATE_COLUMNS.map((col) => cells[col.key]);
  });
  const csv = stringify([CANDIDATE_COLUMNS.map((c) => c.header), ...rows], { delimiter: ";", record_delimiter: "\n" });
  return (opts.bom === false ? "" : "\uFEFF") + csv;
}

const yesNo = (value: boolean | undefined): string => (value === undefined ? "" : value ? "sì" : "no");
