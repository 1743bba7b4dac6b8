import { foldName } from "./fold-name.js";
import { readCsv } from "./read-csv.js";
import { referenceFile } from "./reference-files.js";

/**
 * National code lists of the labour information system (ANPAL) and ATECO 2007, read once on first use.
 * Lookups accept the code or the label as people write it ("02", "PATENTE B", "patente b"), because
 * spreadsheets and forms carry either; they return the canonical entry so callers store the code.
 */

export interface CodeEntry {
  code: string;
  label: string;
  /** False when the list marks the entry as ended (dat_fine): still recognised in old records, not offered. */
  current: boolean;
}

export interface EducationLevel extends CodeEntry {
  /** The 8-digit study code; its numeric order is the order of the levels (none → doctorate). */
  studyCode: string;
}

export type AtecoLevel = 0 | 1 | 2 | 3 | 4;

export interface AtecoEntry {
  /** "G" (section), "47" (division), "47.1" (group), "47.11" (class), "47.11.10" (category). */
  code: string;
  label: string;
  section: string;
  level: AtecoLevel;
}

class CodeList<T extends CodeEntry> {
  private readonly byCode = new Map<string, T>();
  private readonly byLabel = new Map<string, T>();

  constructor(readonly entries: readonly T[]) {
    for (const e of entries) {
      this.byCode.set(e.code.toUpperCase(), e);
      this.byLabel.set(foldName(e.label), e);
    }
  }

  find(value: string): T | undefined {
    const trimmed = value.trim();
    return this.byCode.get(trimmed.toUpperCase()) ?? this.byLabel.get(foldName(trimmed));
  }

  listCurrent(): T[] {
    return this.entries.filter((e) => e.current);
  }
}

interface CodeLists {
  contractTypes: CodeList<CodeEntry>;
  educationLevels: CodeList<EducationLevel>;
  drivingLicences: CodeList<CodeEntry>;
  languages: CodeList<CodeEntry>;
  ateco: Map<string, AtecoEntry>;
}

function simpleList(file: string, codeColumn: string, labelColumn: string): CodeList<CodeEntry> {
  const records = readCsv(referenceFile("classifications", file), [codeColumn, labelColumn]);
  return new CodeList(
    records.map((r) => ({ code: (r[codeColumn] ?? "").trim(), label: (r[labelColumn] ?? "").trim(), current: !r.dat_fine?.trim() })),
  );
}

function educationLevels(): CodeList<EducationLevel> {
  const columns = ["cod_livellostudio", "des_livellostudio", "cod_studio"];
  const records = readCsv(referenceFile("classifications", "education-levels.csv"), columns);
  const entries = records.map((r) => ({
    code: (r.cod_livellostudio ?? "").trim(),
    // Labels carry stray double and trailing spaces in the source.
    label: (r.des_livellostudio ?? "").replace(/\s+/g, " ").trim(),
    studyCode: (r.cod_studio ?? "").trim(),
    current: !r.dat_fine?.trim(),
  }));
  entries.sort((a, b) => Number(a.studyCode) - Number(b.studyCode));
  return new CodeList(entries);
}

function atecoLevel(code: string): AtecoLevel {
  if (/^[A-Z]$/.test(code)) return 0;
  if (/^\d{2}$/.test(code)) return 1;
  if (/^\d{2}\.\d$/.test(code)) return 2;
  if (/^\d{2}\.\d{2}$/.test(code)) return 3;
  return 4;
}

function atecoCodes(): Map<string, AtecoEntry> {
  const records = readCsv(referenceFile("classifications", "ateco2007-all-levels.csv"), ["cod_ateco", "descrizione", "sezione"]);
  const map = new Map<string, AtecoEntry>();
  for (const r of records) {
    const code = (r.cod_ateco ?? "").trim().toUpperCase();
    if (!code) continue;
    map.set(code, { code, label: (r.descrizione ?? "").trim(), section: (r.sezione ?? "").trim(), level: atecoLevel(code) });
  }
  return map;
}

let loaded: CodeLists | undefined;

function codeLists(): CodeLists {
  return (loaded ??= {
    contractTypes: simpleList("contract-types.csv", "cod_tipologiacontr", "des_tipologiacontr"),
    educationLevels: educationLevels(),
    drivingLicences: simpleList("driving-licences.csv", "cod_tipo_patenteguida", "des_tipo_patenteguida"),
    languages: simpleList("languages.csv", "cod_lingua", "des_lingua"),
    ateco: atecoCodes(),
  });
}

// Contract types ("A01", "LAVORO A TEMPO DETERMINATO").
export const contractType = (value: string): CodeEntry | undefined => codeLists().contractTypes.find(value);
export const isKnownContractType = (value: string): boolean => contractType(value) !== undefined;
export const listContractTypes = (): CodeEntry[] => codeLists().contractTypes.listCurrent();

// Education levels ("7", "LAUREA - Vecchio o nuovo ordinamento"), listed from lowest to highest.
export const educationLevel = (value: string): EducationLevel | undefined => codeLists().educationLevels.find(value);
export const isKnownEducationLevel = (value: string): boolean => educationLevel(value) !== undefined;
export const listEducationLevels = (): EducationLevel[] => codeLists().educationLevels.listCurrent();

/** Driving licences: "02", "PATENTE B", or just "B" as CVs write it. */
export function drivingLicence(value: string): CodeEntry | undefined {
  const list = codeLists().drivingLicences;
  return list.find(value) ?? list.find(`PATENTE ${value}`);
}
export const isKnownLicence = (value: string): boolean => drivingLicence(value) !== undefined;
export const listDrivingLicences = (): CodeEntry[] => codeLists().drivingLicences.listCurrent();

// Languages ("001", "INGLESE", "inglese").
export const language = (value: string): CodeEntry | undefined => codeLists().languages.find(value);
export const isKnownLanguage = (value: string): boolean => language(value) !== undefined;
export const listLanguages = (): CodeEntry[] => codeLists().languages.listCurrent();

/**
 * ATECO code in its dotted form; undotted digits as some registries export them ("4711", "471110") are
 * dotted first.
 */
export function normalizeAtecoCode(value: string): string {
  const code = value.trim().toUpperCase();
  const digits = /^\d+$/.test(code) ? code : undefined;
  if (!digits) return code;
  if (digits.length === 3) return `${digits.slice(0, 2)}.${digits.slice(2)}`;
  if (digits.length === 4) return `${digits.slice(0, 2)}.${digits.slice(2)}`;
  if (digits.length === 6) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
  return code;
}

export const atecoEntry = (code: string): AtecoEntry | undefined => codeLists().ateco.get(normalizeAtecoCode(code));
export const atecoLabel = (code: string): string | undefined => atecoEntry(code)?.label;
export const isKnownAteco = (code: string): boolean => atecoEntry(code) !== undefined;
export function listAteco(level?: AtecoLevel): AtecoEntry[] {
  const all = [...codeLists().ateco.values()];
  return level === undefined ? all : all.filter((e) => e.level === level);
}
