/**
 * The labelled evaluation set of matching (eval/cases/*.json): validated with zod (a bad file stops the
 * evaluation with the file and the field at fault), then loaded into a context through the ordinary
 * use-cases (registerCandidate, publishVacancy), so the store and the search index agree exactly as
 * they do in the service.
 *
 * The people files (people.json, people-*.json) hold everyone once between them; every other file is
 * one vacancy with its pool of labelled people.
 * A person's codice fiscale is computed from the birth facts (personTaxCode), so every code is valid.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { SYSTEM_ACTOR } from "../src/auth/actor.js";
import { registerCandidate } from "../src/candidates/register-candidate.js";
import { candidateCreateSchema, type CandidateCreateInput } from "../src/candidates/candidate-schemas.js";
import type { AppContext } from "../src/context.js";
import { personTaxCode } from "../src/demo/tax-codes.js";
import { publishVacancy } from "../src/vacancies/publish-vacancy.js";
import type { VacancyRecord } from "../src/vacancies/vacancy-repository.js";
import { vacancyCreateSchema, type VacancyCreateInput } from "../src/vacancies/vacancy-schemas.js";

export const CASES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "cases");
export const PEOPLE_FILE = "people.json";
/** people.json and any people-*.json beside it (each added batch of cases brings its own). */
const isPeopleFile = (f: string): boolean => f === PEOPLE_FILE || /^people-[a-z0-9-]+\.json$/.test(f);

/** Hard constraints a label may say a pair breaks, by the facts (judged independently of the code). */
export const VIOLATIONS = [
  "not_available",
  "already_hired",
  "missing_licence",
  /** The language is missing, or two CEFR levels or more below the one asked (one level below is a weak grade, not a violation). */
  "missing_language",
  "beyond_travel",
  "reserved_l68",
  /** Under 18 for work the law keeps from minors (armed security, night work, work at height). */
  "under_age",
] as const;
export type Violation = (typeof VIOLATIONS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "data AAAA-MM-GG");

/**
 * One person as written in people.json: birth facts for the codice fiscale, a few short forms
 * (profiles, exp, training) and the other fields exactly as the candidate schema names them.
 */
const personFileSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/, "chiave: minuscole, cifre, trattini"),
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    birth: day,
    sex: z.enum(["M", "F"]),
    /** Belfiore code of the comune (or Z code of the country) of birth. */
    born: z.string().regex(/^[A-Z]\d{3}$/, "codice catastale del luogo di nascita"),
    comune: z.string().regex(/^\d{6}$/, "codice ISTAT del comune di domicilio"),
    cpi: z.string().min(1),
    profiles: z.array(z.string().min(1)).default([]),
    /** [job title, from, to or null (ongoing)] */
    exp: z.array(z.tuple([z.string().min(1), day, day.nullable()])).default([]),
    training: z.array(z.string().min(1)).default([]),
    competences: z.array(z.string()).optional(),
    drivingLicences: z.array(z.string()).optional(),
    languages: z.array(z.object({ code: z.string(), level: z.string() })).optional(),
    educationLevel: z.string().optional(),
    maxTravelKm: z.number().optional(),
    maxTravelMinutes: z.number().optional(),
    availability: z.string().optional(),
    availabilityDeclaredAt: day.optional(),
    lastContractHoursPerWeek: z.number().optional(),
    programmes: z
      .array(z.object({ programme: z.string(), startDate: day, endDate: day.optional(), monthlyAmount: z.number().optional() }).strict())
      .optional(),
  })
  .strict();

const peopleFileSchema = z.object({ people: z.array(personFileSchema).min(1) }).strict();

const labelSchema = z
  .object({
    person: z.string().min(1),
    grade: z.number().int().min(0).max(3),
    rationale: z.string().trim().min(5),
    case: z.string().regex(/^[a-z0-9_]+$/).optional(),
    violates: z.enum(VIOLATIONS).optional(),
    /** The person holds every must-have competence of the offer, in some wording (the referent's reading). */
    holdsMustHaves: z.boolean().optional(),
  })
  .strict()
  .refine((l) => !l.violates || l.grade === 0, { message: "una coppia che viola un vincolo ha grado 0", path: ["grade"] });

const vacancyFileSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    /** Which batch of cases the file belongs to; the report gives each batch its own means. */
    batch: z.string().regex(/^[a-z0-9-]+$/).default("base"),
    /** Occupation family, as a referent would file the offer. */
    family: z.string().min(1).optional(),
    vacancy: z.record(z.string(), z.unknown()),
    pool: z.array(labelSchema).min(1),
  })
  .strict();

export type EvalLabel = z.infer<typeof labelSchema>;

export interface EvalPerson {
  key: string;
  input: CandidateCreateInput;
}

export interface EvalVacancy {
  key: string;
  file: string;
  batch: string;
  family: string | null;
  input: VacancyCreateInput;
  pool: EvalLabel[];
}

export interface EvalSet {
  people: EvalPerson[];
  vacancies: EvalVacancy[];
  labelledPairs: number;
}

export class EvalSetError extends Error {}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `  - ${i.path.join(".") || "(radice)"}: ${i.message}`).join("\n");
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new EvalSetError(`${where}: dati non validi\n${describe(parsed.error)}`);
  return parsed.data;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new EvalSetError(`${file}: JSON non leggibile (${(e as Error).message})`);
  }
}

function toCandidateInput(p: z.infer<typeof personFileSchema>, where: string): CandidateCreateInput {
  const { key: _key, birth, sex, born, comune, cpi, profiles, exp, training, firstName, lastName, ...rest } = p;
  let taxCode: string;
  try {
    taxCode = personTaxCode({ firstName, lastName, birthDate: new Date(`${birth}T00:00:00Z`), sex, birthPlaceCode: born });
  } catch (e) {
    throw new EvalSetError(`${where}: ${(e as Error).message}`);
  }
  const raw = {
    taxCode,
    firstName,
    lastName,
    domicileIstatCode: comune,
    cpiCode: cpi,
    declaredProfiles: profiles.map((title) => ({ title })),
    experiences: exp.map(([profileTitle, fromDate, toDate]) => ({ profileTitle, fromDate, ...(toDate ? { toDate } : {}) })),
    trainings: training.map((title) => ({ title })),
    ...rest,
  };
  return parseOrThrow(candidateCreateSchema, raw, where);
}

/** Reads and validates every case file; throws EvalSetError naming the file and field at fault. */
export function readEvalSet(dir: string = CASES_DIR): EvalSet {
  const all = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  if (!all.includes(PEOPLE_FILE)) throw new EvalSetError(`${path.join(dir, PEOPLE_FILE)}: file delle persone mancante`);
  const people: EvalPerson[] = [];
  const keys = new Set<string>();
  const taxCodes = new Map<string, string>();
  for (const peopleFile of all.filter(isPeopleFile)) {
    const peopleDoc = parseOrThrow(peopleFileSchema, readJson(path.join(dir, peopleFile)), peopleFile);
    for (const p of peopleDoc.people) {
      const where = `${peopleFile} [${p.key}]`;
      if (keys.has(p.key)) throw new EvalSetError(`${where}: chiave ripetuta`);
      keys.add(p.key);
      const input = toCandidateInput(p, where);
      const other = taxCodes.get(input.taxCode);
      if (other) throw new EvalSetError(`${where}: stesso codice fiscale di ${other}`);
      taxCodes.set(input.taxCode, p.key);
      people.push({ key: p.key, input });
    }
  }

  const files = all.filter((f) => !isPeopleFile(f));
  if (files.length === 0) throw new EvalSetError(`${dir}: nessun file di offerta`);
  const vacancies: EvalVacancy[] = [];
  const vacancyKeys = new Set<string>();
  let labelledPairs = 0;
  for (const file of files) {
    const doc = parseOrThrow(vacancyFileSchema, readJson(path.join(dir, file)), file);
    if (vacancyKeys.has(doc.key)) throw new EvalSetError(`${file}: chiave di offerta ripetuta ${doc.key}`);
    vacancyKeys.add(doc.key);
    const input = parseOrThrow(vacancyCreateSchema, doc.vacancy, `${file} (vacancy)`);
    const seen = new Set<string>();
    for (const label of doc.pool) {
      if (!keys.has(label.person)) throw new EvalSetError(`${file}: persona sconosciuta ${label.person}`);
      if (seen.has(label.person)) throw new EvalSetError(`${file}: persona ${label.person} etichettata due volte`);
      seen.add(label.person);
    }
    labelledPairs += doc.pool.length;
    vacancies.push({ key: doc.key, file, batch: doc.batch, family: doc.family ?? null, input, pool: doc.pool });
  }
  return { people, vacancies, labelledPairs };
}

export interface LoadedEvalSet extends EvalSet {
  candidateIdByKey: Map<string, string>;
  keyByCandidateId: Map<string, string>;
  vacancyRecords: Map<string, VacancyRecord>;
}

/** Registers every person and publishes every vacancy of the set, as the system actor. */
export async function loadEvalSet(ctx: AppContext, set: EvalSet = readEvalSet()): Promise<LoadedEvalSet> {
  const candidateIdByKey = new Map<string, string>();
  const keyByCandidateId = new Map<string, string>();
  for (const p of set.people) {
    const record = await registerCandidate(ctx, SYSTEM_ACTOR, p.input, "eval");
    candidateIdByKey.set(p.key, record.id);
    keyByCandidateId.set(record.id, p.key);
  }
  const vacancyRecords = new Map<string, VacancyRecord>();
  for (const v of set.vacancies) {
    vacancyRecords.set(v.key, await publishVacancy(ctx, SYSTEM_ACTOR, v.input, { route: "eval" }));
  }
  return { ...set, candidateIdByKey, keyByCandidateId, vacancyRecords };
}
