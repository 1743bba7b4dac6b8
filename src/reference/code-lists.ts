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

/** Folded, with punctuation as spaces: "co.co.co." and "Co Co Co" compare equal. */
export const codeKey = (value: string): string =>
  foldName(value)
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

class CodeList<T extends CodeEntry> {
  private readonly byCode = new Map<string, T>();
  private readonly byLabel = new Map<string, T>();

  /** `aliases`: what operators write for an entry ("diploma", "terza media"), keyed by codeKey, to the code. */
  constructor(readonly entries: readonly T[], aliases: ReadonlyMap<string, string> = new Map()) {
    for (const e of entries) {
      this.byCode.set(e.code.toUpperCase(), e);
      this.byLabel.set(codeKey(e.label), e);
    }
    for (const [alias, code] of aliases) {
      const entry = this.byCode.get(code.toUpperCase());
      if (!entry) throw new Error(`code-aliases.csv: ${alias} → ${code}, codice inesistente`);
      if (!this.byLabel.has(alias)) this.byLabel.set(alias, entry);
    }
  }

  find(value: string): T | undefined {
    const trimmed = value.trim();
    return this.byCode.get(trimmed.toUpperCase()) ?? this.byLabel.get(codeKey(trimmed));
  }

  listCurrent(): T[] {
    return this.entries.filter((e) => e.current);
  }
}

type AliasList = "education_level" | "contract_type" | "language" | "language_level";

interface Alias {
  list: AliasList;
  code: string;
  alias: string;
  preferred: boolean;
}

/** data/reference/classifications/code-aliases.csv: the labels operators write, to the code they mean. */
function readAliases(): Alias[] {
  return readCsv(referenceFile("classifications", "code-aliases.csv"), ["list", "code", "alias", "preferred"]).map((r) => ({
    list: (r.list ?? "").trim() as AliasList,
    code: (r.code ?? "").trim(),
    alias: (r.alias ?? "").trim(),
    preferred: r.preferred?.trim() === "1",
  }));
}

const aliasMap = (aliases: Alias[], list: AliasList) => new Map(aliases.filter((a) => a.list === list).map((a) => [codeKey(a.alias), a.code]));

interface CodeLists {
  contractTypes: CodeList<CodeEntry>;
  vacancyContractTypes: CodeList<CodeEntry>;
  educationLevels: CodeList<EducationLevel>;
  languages: CodeList<CodeEntry>;
  languageLevels: CodeList<CodeEntry>;
  ateco: Map<string, AtecoEntry>;
}

function simpleList(file: string, codeColumn: string, labelColumn: string, aliases?: ReadonlyMap<string, string>): CodeList<CodeEntry> {
  const records = readCsv(referenceFile("classifications", file), [codeColumn, labelColumn]);
  return new CodeList(
    records.map((r) => ({ code: (r[codeColumn] ?? "").trim(), label: (r[labelColumn] ?? "").trim(), current: !r.dat_fine?.trim() })),
    aliases,
  );
}

/** Vetrina's own contract types (the vacancy's contractType), labelled by their preferred alias. */
function vacancyContractTypes(aliases: Alias[]): CodeList<CodeEntry> {
  const own = aliases.filter((a) => a.list === "contract_type");
  const entries = own.filter((a) => a.preferred).map((a) => ({ code: a.code, label: a.alias, current: true }));
  return new CodeList(entries, aliasMap(own, "contract_type"));
}

export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;

/** How many CEFR levels `held` falls short of `required` (0 or less when it meets it). */
export const cefrGap = (required: string, held: string): number =>
  CEFR_LEVELS.indexOf(required as (typeof CEFR_LEVELS)[number]) - CEFR_LEVELS.indexOf(held as (typeof CEFR_LEVELS)[number]);

function languageLevels(aliases: Alias[]): CodeList<CodeEntry> {
  return new CodeList(
    CEFR_LEVELS.map((code) => ({ code, label: code, current: true })),
    aliasMap(aliases, "language_level"),
  );
}

function educationLevels(aliases: ReadonlyMap<string, string>): CodeList<EducationLevel> {
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
  return new CodeList(entries, aliases);
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
  if (loaded) return loaded;
  const aliases = readAliases();
  return (loaded = {
    contractTypes: simpleList("contract-types.csv", "cod_tipologiacontr", "des_tipologiacontr"),
    vacancyContractTypes: vacancyContractTypes(aliases),
    educationLevels: educationLevels(aliasMap(aliases, "education_level")),
    languages: simpleList("languages.csv", "cod_lingua", "des_lingua", aliasMap(aliases, "language")),
    languageLevels: languageLevels(aliases),
    ateco: atecoCodes(),
  });
}

// Contract types ("A01", "LAVORO A TEMPO DETERMINATO").
export const contractType = (value: string): CodeEntry | undefined => codeLists().contractTypes.find(value);
export const isKnownContractType = (value: string): boolean => contractType(value) !== undefined;
export const listContractTypes = (): CodeEntry[] => codeLists().contractTypes.listCurrent();

/**
 * A vacancy's contract type: Vetrina's code ("fixed_term") or what operators write ("tempo determinato",
 * "somministrazione", the national code "A01").
 */
export const vacancyContractType = (value: string): CodeEntry | undefined => codeLists().vacancyContractTypes.find(value);
export const listVacancyContractTypes = (): CodeEntry[] => codeLists().vacancyContractTypes.listCurrent();

// Education levels ("7", "LAUREA - Vecchio o nuovo ordinamento", "laurea triennale"), listed from lowest to highest.
export const educationLevel = (value: string): EducationLevel | undefined => codeLists().educationLevels.find(value);
export const isKnownEducationLevel = (value: string): boolean => educationLevel(value) !== undefined;
export const listEducationLevels = (): EducationLevel[] => codeLists().educationLevels.listCurrent();

// Languages ("001", "INGLESE", "inglese", "english"); driving licences are in driving-licences.ts.
export const language = (value: string): CodeEntry | undefined => codeLists().languages.find(value);
export const isKnownLanguage = (value: string): boolean => language(value) !== undefined;
export const listLanguages = (): CodeEntry[] => codeLists().languages.listCurrent();
/** How a reason or a cell names a language: "inglese"; the code itself when the list does not know it. */
export const languageName = (code: string): string => language(code)?.label.toLowerCase() ?? code;

/** A CEFR level as written: "b2", "C1", or a word ("madrelingua" → C2, "intermedio" → B1). */
export const languageLevel = (value: string): string | undefined => codeLists().languageLevels.find(value)?.code;

/**
 * "inglese B2", "Inglese - C1", "francese madrelingua": a language and its level in one text; undefined when
 * either part is not recognised.
 */
export function languageWithLevel(text: string): { code: string; level: string } | undefined {
  const words = codeKey(text).split(" ");
  for (let cut = words.length - 1; cut >= 1; cut--) {
    const name = language(words.slice(0, cut).join(" "));
    const level = languageLevel(words.slice(cut).join(" "));
    if (name && level) return { code: name.code, level };
  }
  return undefined;
}

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
