import { readCsv } from "../reference/read-csv.js";
import { referenceFile } from "../reference/reference-files.js";
import {
  FAMILY_SPECS,
  LONG_TAIL_EXCLUDE,
  LONG_TAIL_MAJOR_GROUPS,
  LONG_TAIL_SECTORS,
  LONG_TAIL_SHARE,
  type ContractType,
  type FamilySpec,
  type SkillLevel,
} from "./occupation-families.js";

/** A job title as stored: the CP2011 title (sentence case) and the code of its CP2011 unit. */
export interface Occupation {
  title: string;
  code: string;
}

export interface OccupationFamily {
  key: string;
  weight: number;
  keyword: string;
  skill: SkillLevel;
  longTail: boolean;
  /** Titles to draw most often (the family's pattern), then the rest of its units. */
  preferred: Occupation[];
  others: Occupation[];
  /** ESCO labels (masculine form) that an employer may write as "Profilo richiesto". */
  escoLabels: string[];
  /** ANPAL competences, linked to the family's profiles where a link exists. */
  competences: string[];
  /** True when the competences come from ANPAL profile links (not from a text match). */
  linkedCompetences: boolean;
  ateco: string[];
  businessWords: string[];
  licences: { code: string; p: number }[];
  languages: { code: string; level: string; p: number }[];
  education: string;
  pay: [number, number];
  ccnl: string;
  trainings: string[];
  contracts: Partial<Record<ContractType, number>>;
  requirements: string[];
}

export interface OccupationPool {
  families: OccupationFamily[];
  byKey: Map<string, OccupationFamily>;
  /** Words a showcase user types: family keywords and common titles. */
  vocabulary: string[];
}

const DEFAULT_CONTRACTS: Record<SkillLevel, Partial<Record<ContractType, number>>> = {
  low: { fixed_term: 45, permanent: 20, agency: 18, apprenticeship: 8, internship: 4, occasional: 5 },
  mid: { fixed_term: 40, permanent: 30, agency: 12, apprenticeship: 10, internship: 5, collaboration: 3 },
  high: { permanent: 50, fixed_term: 30, collaboration: 8, internship: 7, self_employed: 5 },
};

/** "MAGAZZINIERE CONSEGNATARIO" → "Magazziniere consegnatario". */
export function sentenceCase(text: string): string {
  const lower = text.trim().toLowerCase().replace(/\s+/g, " ");
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function cleanCompetence(text: string): string | null {
  const clean = text.replace(/[¿`]/g, "'").replace(/\s+/g, " ").trim().replace(/[.;]+$/, "");
  if (clean.length < 8 || clean.length > 200) return null;
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

interface RawReference {
  unitNames: Map<string, string>;
  titlesByUnit: Map<string, string[]>;
  /** ESCO preferred labels, masculine form. */
  escoLabels: Set<string>;
  profiles: { code: string; name: string; category: string }[];
  competenceText: Map<string, string>;
  competencesByProfile: Map<string, string[]>;
}

function readRaw(): RawReference {
  const unitNames = new Map<string, string>();
  for (const r of readCsv(referenceFile("occupations", "istat-cp2011-units.csv"), ["cp2011_code", "name"])) {
    unitNames.set((r.cp2011_code ?? "").trim(), (r.name ?? "").trim());
  }
  const titlesByUnit = new Map<string, string[]>();
  for (const r of readCsv(referenceFile("occupations", "istat-cp2011-job-titles.csv"), ["cp2011_code", "voce"])) {
    const unit = (r.cp2011_code ?? "").trim();
    const title = (r.voce ?? "").trim();
    if (!unit || !title) continue;
    titlesByUnit.set(unit, [...(titlesByUnit.get(unit) ?? []), title]);
  }
  const escoLabels = new Set(
    readCsv(referenceFile("occupations", "esco-1.0.8-occupations-it.csv"), ["preferredLabel"]).map(
      (r) => (r.preferredLabel ?? "").split("/")[0]?.trim() ?? "",
    ),
  );
  const profiles = readCsv(referenceFile("competences", "anpal-profiles.csv"), ["cod_profilo", "des_profilo", "cod_categoriaprofess"]).map(
    (r) => ({ code: (r.cod_profilo ?? "").trim(), name: (r.des_profilo ?? "").trim(), category: (r.cod_categoriaprofess ?? "").trim() }),
  );
  const competenceText = new Map<string, string>();
  for (const r of readCsv(referenceFile("competences", "anpal-competences.csv"), ["cod_competenza", "des_competenza"])) {
    const text = cleanCompetence(r.des_competenza ?? "");
    if (text) competenceText.set((r.cod_competenza ?? "").trim(), text);
  }
  const competencesByProfile = new Map<string, string[]>();
  for (const r of readCsv(referenceFile("competences", "anpal-profile-competences.csv"), ["cod_profilo", "cod_competenza"])) {
    const p = (r.cod_profilo ?? "").trim();
    competencesByProfile.set(p, [...(competencesByProfile.get(p) ?? []), (r.cod_competenza ?? "").trim()]);
  }
  return { unitNames, titlesByUnit, escoLabels, profiles, competenceText, competencesByProfile };
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

function linkedCompetences(raw: RawReference, profileCodes: string[]): string[] {
  return unique(
    profileCodes.flatMap((p) => (raw.competencesByProfile.get(p) ?? []).map((c) => raw.competenceText.get(c)).filter((t): t is string => !!t)),
  );
}

function textCompetences(raw: RawReference, pattern: RegExp, limit = 30): string[] {
  return [...raw.competenceText.values()].filter((t) => pattern.test(t)).slice(0, limit);
}

function curatedFamily(raw: RawReference, spec: FamilySpec, generic: string[]): OccupationFamily {
  const all: Occupation[] = [];
  for (const unit of spec.units) {
    const titles = raw.titlesByUnit.get(unit);
    if (!raw.unitNames.has(unit) || !titles?.length) throw new Error(`Demo: unità CP2011 ${unit} (famiglia ${spec.key}) assente dai file di riferimento`);
    for (const t of titles) all.push({ title: sentenceCase(t), code: unit });
  }
  const pattern = spec.titles;
  const preferred = pattern ? all.filter((o) => pattern.test(o.title.toUpperCase())) : all;
  const others = pattern ? all.filter((o) => !pattern.test(o.title.toUpperCase())) : [];
  const escoLabels = (spec.esco ?? []).map((label) => {
    if (!raw.escoLabels.has(label)) throw new Error(`Demo: occupazione ESCO "${label}" (famiglia ${spec.key}) assente dal file ESCO`);
    return sentenceCase(label);
  });
  const profilePattern = spec.anpalProfiles;
  const profileCodes = profilePattern ? raw.profiles.filter((p) => profilePattern.test(p.name.trim())).map((p) => p.code) : [];
  let competences = linkedCompetences(raw, profileCodes);
  const linked = competences.length > 0;
  if (spec.competenceText) competences = unique([...competences, ...textCompetences(raw, spec.competenceText)]);
  if (competences.length < 4) competences = unique([...competences, ...generic]);
  return {
    key: spec.key,
    weight: spec.weight,
    keyword: spec.keyword,
    skill: spec.skill,
    longTail: false,
    preferred: preferred.length > 0 ? preferred : all,
    others,
    escoLabels,
    competences,
    linkedCompetences: linked,
    ateco: spec.ateco,
    businessWords: spec.businessWords,
    licences: spec.licences ?? [],
    languages: spec.languages ?? [],
    education: spec.education,
    pay: spec.pay,
    ccnl: spec.ccnl,
    trainings: spec.trainings,
    contracts: spec.contracts ?? DEFAULT_CONTRACTS[spec.skill],
    requirements: spec.requirements,
  };
}

function longTailSector(code: string) {
  const parts = code.split(".");
  return LONG_TAIL_SECTORS[`${parts[0]}.${parts[1]}`] ?? LONG_TAIL_SECTORS[parts[0] ?? ""] ?? LONG_TAIL_SECTORS["8.1"]!;
}

function longTailFamilies(raw: RawReference, curatedUnits: Set<string>, generic: string[], weight: number): OccupationFamily[] {
  const units = [...raw.unitNames.entries()].filter(
    ([code, name]) =>
      LONG_TAIL_MAJOR_GROUPS.includes(code.split(".")[0] ?? "") &&
      !curatedUnits.has(code) &&
      !LONG_TAIL_EXCLUDE.test(name) &&
      (raw.titlesByUnit.get(code)?.length ?? 0) > 0,
  );
  const each = weight / Math.max(1, units.length);
  return units.map(([code, name]) => {
    const lvl4 = code.split(".").slice(0, 4).join(".");
    const profileCodes = raw.profiles.filter((p) => p.category === lvl4).map((p) => p.code);
    const linked = linkedCompetences(raw, profileCodes);
    const sector = longTailSector(code);
    const major = code[0] ?? "8";
    const skill: SkillLevel = major === "8" ? "low" : major === "4" ? "mid" : major === "5" || major === "7" ? "low" : "mid";
    const titles = (raw.titlesByUnit.get(code) ?? []).map((t) => ({ title: sentenceCase(t), code }));
    return {
      key: `cp2011-${code}`,
      weight: each,
      keyword: sentenceCase(titles[0]?.title ?? name).toLowerCase(),
      skill,
      longTail: true,
      preferred: titles,
      others: [],
      escoLabels: [],
      competences: linked.length >= 3 ? linked : unique([...linked, ...generic]),
      linkedCompetences: linked.length > 0,
      ateco: sector.ateco,
      businessWords: sector.words,
      licences: [],
      languages: [],
      education: major === "8" ? "2" : "3",
      pay: major === "8" ? [1300, 1550] : major === "4" ? [1450, 1750] : [1450, 1850],
      ccnl: sector.ccnl,
      trainings: [],
      contracts: DEFAULT_CONTRACTS[skill],
      requirements: ["Esperienza nella mansione", "Disponibilità immediata"],
    } satisfies OccupationFamily;
  });
}

let cached: OccupationPool | undefined;

/** Builds the occupation families from the reference files (read once per process). */
export function occupationPool(): OccupationPool {
  if (cached) return cached;
  const raw = readRaw();
  const generic = textCompetences(raw, /norme di sicurezza|sicurezza sul lavoro|igienic|qualità del (prodotto|servizio)/i, 25);
  const curated = FAMILY_SPECS.map((s) => curatedFamily(raw, s, generic));
  const curatedWeight = curated.reduce((s, f) => s + f.weight, 0);
  const tailWeight = (curatedWeight * LONG_TAIL_SHARE) / (1 - LONG_TAIL_SHARE);
  const tail = longTailFamilies(raw, new Set(FAMILY_SPECS.flatMap((s) => s.units)), generic, tailWeight);
  const families = [...curated, ...tail];
  const vocabulary = unique([
    ...curated.map((f) => f.keyword),
    ...curated.flatMap((f) => f.escoLabels.slice(0, 2).map((l) => l.toLowerCase())),
  ]).filter((w) => w.split(" ").length <= 3);
  cached = { families, byKey: new Map(families.map((f) => [f.key, f])), vocabulary };
  return cached;
}
