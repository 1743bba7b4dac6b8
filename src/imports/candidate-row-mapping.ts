import { candidateCreateSchema, type CandidateCreateInput } from "../candidates/candidate-schemas.js";
import { CellError, cellText, isoDay, parseDate, parseInteger, parseNumber, parseYesNo, type Cell } from "./cell-values.js";
import { CANDIDATE_HEADER, type CandidateColumn } from "./candidate-columns.js";
import {
  readAvailability,
  readEducation,
  readExperiences,
  readLanguages,
  readList,
  readProfiles,
  readProgrammes,
  readTrainings,
} from "./candidate-cell-formats.js";
import { parseRow, RowIssues } from "./import-report.js";
import type { ComuneResolver, CpiResolver } from "./reference-resolvers.js";
import type { CpiDirectory } from "../cpis/competent-cpi.js";
import type { Comune } from "../generated/prisma/client.js";

/**
 * How one row of the people file becomes a candidate: cell by cell into the API's create schema.
 * An empty cell means "not said": a new person gets the schema's default, a known person keeps what
 * is stored. Comune domicilio: "Moncalieri (TO)", "Moncalieri" when unique, or the ISTAT code. Cpi:
 * as in the showcase (code, document or display name); empty, the CPI whose catchment holds the domicile.
 * Tutor: the user's e-mail (or id).
 */

export interface CandidateRowRefs {
  cpis: CpiResolver;
  comuni: ComuneResolver;
  tutorsByKey: Map<string, string>;
  directory: CpiDirectory;
}

export interface MappedCandidateRow {
  /** The CPI settled: the one written, or the one serving the domicile. */
  input: CandidateCreateInput & { cpiCode: string };
  /** Fields the file gave (schema defaults excluded): only these may update a stored person. */
  provided: (keyof CandidateCreateInput)[];
  label: string;
  /** The comune of domicile, as stored. */
  domicile: Comune;
}

export type CandidateRowResult = { ok: true; row: MappedCandidateRow; issues: RowIssues } | { ok: false; issues: RowIssues; label: string };

const FIELD_COLUMN: Record<string, CandidateColumn> = {
  taxCode: "taxCode",
  firstName: "firstName",
  lastName: "lastName",
  email: "email",
  phone: "phone",
  domicileIstatCode: "domicile",
  cpiCode: "cpi",
  availabilityDeclaredAt: "didDate",
  declaredProfiles: "profiles",
  competences: "competences",
  languages: "languages",
  drivingLicences: "licences",
  educationLevel: "education",
  maxTravelKm: "maxKm",
  maxTravelMinutes: "maxMinutes",
  availability: "availability",
  shareContactsConsent: "consent",
  householdHasChildrenUnder14: "childrenUnder14",
  householdHasDisabledMember: "disabledMember",
  lastContractHoursPerWeek: "lastContractHours",
  tutorId: "tutor",
  programmes: "programmes",
  experiences: "experiences",
  trainings: "trainings",
};

export function candidateColumnOf(field: string): string {
  const column = FIELD_COLUMN[field.split(".")[0] ?? ""];
  return column ? CANDIDATE_HEADER[column] : field;
}

export async function mapCandidateRow(get: (key: CandidateColumn) => Cell | undefined, refs: CandidateRowRefs): Promise<CandidateRowResult> {
  const issues = new RowIssues();
  const text = (key: CandidateColumn) => cellText(get(key));
  const raw: Record<string, unknown> = {};
  const label = [text("lastName"), text("firstName")].filter(Boolean).join(" ") || text("taxCode") || "";
  const set = (field: string, column: CandidateColumn, read: () => unknown) => {
    try {
      const value = read();
      if (value !== undefined) raw[field] = value;
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      issues.error(CANDIDATE_HEADER[column], err.message);
    }
  };
  const nonEmpty = <T>(items: T[]) => (items.length ? items : undefined);

  for (const key of ["taxCode", "lastName", "firstName", "domicile"] as const) {
    if (text(key) === undefined) issues.error(CANDIDATE_HEADER[key], "Campo obbligatorio");
  }
  set("taxCode", "taxCode", () => text("taxCode"));
  set("lastName", "lastName", () => text("lastName"));
  set("firstName", "firstName", () => text("firstName"));
  set("email", "email", () => text("email")?.replace(/^mailto:/i, "").toLowerCase());
  set("phone", "phone", () => text("phone"));

  const domicile = text("domicile");
  let domicileComune: Comune | undefined;
  if (domicile !== undefined) {
    const found = await refs.comuni.resolve(domicile);
    if ("comune" in found) {
      domicileComune = found.comune;
      raw.domicileIstatCode = found.comune.istatCode;
    } else issues.error(CANDIDATE_HEADER.domicile, found.error);
  }
  const cpiText = text("cpi");
  if (cpiText !== undefined) {
    const cpi = refs.cpis.resolve(cpiText);
    if (cpi) raw.cpiCode = cpi.code;
    else issues.error(CANDIDATE_HEADER.cpi, `CPI sconosciuto «${cpiText}»`);
  }

  set("availabilityDeclaredAt", "didDate", () => {
    const d = parseDate(get("didDate"));
    return d && isoDay(d);
  });
  set("programmes", "programmes", () => nonEmpty(readProgrammes(text("programmes"))));
  set("declaredProfiles", "profiles", () => nonEmpty(readProfiles(text("profiles"))));
  set("competences", "competences", () => nonEmpty(readList(text("competences"))));
  set("languages", "languages", () => nonEmpty(readLanguages(text("languages"))));
  set("drivingLicences", "licences", () => nonEmpty(readList(text("licences"), true)));
  set("educationLevel", "education", () => readEducation(text("education")));
  set("experiences", "experiences", () => nonEmpty(readExperiences(text("experiences"))));
  set("trainings", "trainings", () => nonEmpty(readTrainings(text("trainings"))));
  set("maxTravelKm", "maxKm", () => parseNumber(get("maxKm")));
  set("maxTravelMinutes", "maxMinutes", () => parseInteger(get("maxMinutes")));
  set("availability", "availability", () => readAvailability(text("availability")));
  set("shareContactsConsent", "consent", () => parseYesNo(get("consent")));
  set("householdHasChildrenUnder14", "childrenUnder14", () => parseYesNo(get("childrenUnder14")));
  set("householdHasDisabledMember", "disabledMember", () => parseYesNo(get("disabledMember")));
  set("lastContractHoursPerWeek", "lastContractHours", () => parseNumber(get("lastContractHours")));

  const tutor = text("tutor");
  if (tutor !== undefined) {
    const id = refs.tutorsByKey.get(tutor.toLowerCase()) ?? refs.tutorsByKey.get(tutor);
    if (id) raw.tutorId = id;
    else issues.error(CANDIDATE_HEADER.tutor, `Tutor sconosciuto «${tutor}»: indicare l'e-mail di un tutor, navigator o referente registrato`);
  }

  const input = parseRow(candidateCreateSchema, raw, issues, candidateColumnOf);
  if (!input) return { ok: false, issues, label };
  // Not among the provided fields: a stored person keeps their CPI when the cell is empty.
  const cpiCode = input.cpiCode ?? refs.directory.servingOrError(domicileComune!, "cpiCode");
  if (typeof cpiCode !== "string") {
    issues.error(CANDIDATE_HEADER.cpi, cpiCode.fields[0]!.message);
    return { ok: false, issues, label };
  }
  return { ok: true, issues, row: { input: { ...input, cpiCode }, provided: Object.keys(raw) as (keyof CandidateCreateInput)[], label, domicile: domicileComune! } };
}
