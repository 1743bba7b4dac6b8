import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import type {
  Candidate,
  CandidateProgramme,
  Employer,
  Training,
  User,
  Vacancy,
  VacancyStatusChange,
  WorkExperience,
} from "../generated/prisma/client.js";
import type { CandidateRecord } from "../candidates/candidate-repository.js";
import { candidateSearchDocument } from "../candidates/candidate-search-document.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import { vacancySearchDocument } from "../vacancies/vacancy-search-document.js";
import type { DemoBase } from "./demo-dataset.js";
import type { DemoEmployer } from "./employer-generator.js";
import type { DemoCandidate } from "./person-generator.js";
import type { DemoUser } from "./staff-generator.js";
import type { Territory } from "./territory.js";
import type { DemoVacancy } from "./vacancy-generator.js";

/**
 * Writes generated records with multi-row inserts (see insertRows), and indexes them in the same transaction. The search
 * documents are built by the same mapping functions the use-cases call, applied to the very records that
 * were inserted (with their comune and CPI), so index and store agree.
 */

/** A value as Prisma's SQLite adapter stores it: ISO dates with "+00:00", booleans 0/1, JSON as text. */
function sqlValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/** Stays well under SQLite's limit on bound parameters per statement. */
const MAX_PARAMS = 30_000;

/**
 * Multi-row INSERTs of whole rows (every column given): about ten times faster than createMany through
 * the driver adapter, which matters at 100,000 people. Table and column names come from the Prisma row
 * types above, never from input.
 */
export async function insertRows(tx: DbTx, table: string, rows: object[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    for (const row of chunk) for (const c of columns) params.push(sqlValue((row as Record<string, unknown>)[c]));
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`,
      ...params,
    );
  }
}

export function userRow(u: DemoUser): User {
  return { id: u.id, name: u.name, email: u.email, role: u.role, employerId: u.employerId, active: true, createdAt: u.createdAt };
}

export function employerRow(e: DemoEmployer): Employer {
  return {
    id: e.id,
    name: e.name,
    taxCode: e.taxCode,
    atecoCode: e.atecoCode,
    atecoLabel: e.atecoLabel,
    contactName: e.contactName,
    contactEmail: e.contactEmail,
    contactPhone: e.contactPhone,
    createdAt: e.createdAt,
    updatedAt: e.createdAt,
  };
}

/** Employers first (employer users point at them), then users and their CPIs. */
export async function writeBase(tx: DbTx, base: Pick<DemoBase, "employers" | "users">): Promise<void> {
  await insertRows(tx, "Employer", base.employers.map(employerRow));
  await insertRows(tx, "User", base.users.map(userRow));
  await insertRows(tx, "UserCpi", base.users.flatMap((u) => u.cpiCodes.map((cpiCode) => ({ userId: u.id, cpiCode }))));
}

export function vacancyRow(v: DemoVacancy): Vacancy {
  const i = v.input;
  return {
    id: v.id,
    status: v.status,
    arrivalDate: i.arrivalDate,
    requestedProfile: i.requestedProfile,
    positions: i.positions,
    companyName: i.companyName,
    companyTaxCode: i.companyTaxCode,
    sectorLabel: i.sectorLabel ?? null,
    contractOfferText: i.contractOfferText ?? null,
    competencesText: i.competencesText ?? null,
    cpiCode: i.cpiCode,
    referentName: i.referentName ?? null,
    referentEmail: i.referentEmail ?? null,
    notes: i.notes ?? null,
    profileTitle: i.profileTitle,
    profileCode: i.profileCode ?? null,
    mustHaveCompetences: i.mustHaveCompetences,
    niceToHaveCompetences: i.niceToHaveCompetences,
    requiredEducationLevel: i.requiredEducationLevel ?? null,
    requiredLanguages: i.requiredLanguages,
    requiredLicences: i.requiredLicences,
    contractType: i.contractType ?? null,
    contractMonths: i.contractMonths ?? null,
    hoursPerWeek: i.hoursPerWeek ?? null,
    grossMonthlyPay: i.grossMonthlyPay ?? null,
    workplaceIstatCode: i.workplaceIstatCode,
    sourceService: i.sourceService,
    shortlistCap: i.shortlistCap,
    reservedL68: i.reservedL68,
    publishedAt: i.publishedAt ?? null,
    closingDate: i.closingDate ?? null,
    atecoCode: i.atecoCode ?? null,
    employerId: i.employerId ?? null,
    showcaseKey: v.showcaseKey,
    createdById: v.createdById,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

export function statusRows(v: DemoVacancy): VacancyStatusChange[] {
  return v.history.map((h, n) => ({ id: `${v.id}s${n}`, vacancyId: v.id, fromState: h.fromState, toState: h.toState, reason: h.reason, byUserId: h.byUserId, at: h.at }));
}

/** The record as findVacancy would return it. */
export function vacancyRecord(v: DemoVacancy, territory: Territory): VacancyRecord {
  const row = vacancyRow(v);
  const area = territory.byCpi.get(row.cpiCode);
  if (!area) throw new Error(`CPI sconosciuto: ${row.cpiCode}`);
  return { ...row, workplace: row.workplaceIstatCode ? (territory.comuneByCode.get(row.workplaceIstatCode) ?? null) : null, cpi: area.cpi };
}

export async function writeVacancies(ctx: AppContext, tx: DbTx, vacancies: DemoVacancy[], territory: Territory): Promise<void> {
  if (vacancies.length === 0) return;
  const records = vacancies.map((v) => vacancyRecord(v, territory));
  await insertRows(tx, "Vacancy", records.map(({ workplace: _w, cpi: _c, ...row }) => row));
  await insertRows(tx, "VacancyStatusChange", vacancies.flatMap(statusRows));
  await ctx.index.upsert("vacancies", records.map(vacancySearchDocument), tx);
}

/** The record as findCandidate would return it (lists in the repository's order). */
export function candidateRecord(c: DemoCandidate, territory: Territory): CandidateRecord {
  const i = c.input;
  const domicile = territory.comuneByCode.get(i.domicileIstatCode);
  const area = territory.byCpi.get(i.cpiCode);
  if (!domicile || !area) throw new Error(`Comune o CPI sconosciuto per ${c.id}`);
  const row: Candidate = {
    id: c.id,
    taxCode: i.taxCode,
    firstName: i.firstName,
    lastName: i.lastName,
    email: i.email ?? null,
    phone: i.phone ?? null,
    domicileIstatCode: i.domicileIstatCode,
    cpiCode: i.cpiCode,
    availabilityDeclaredAt: i.availabilityDeclaredAt ?? null,
    declaredProfiles: i.declaredProfiles,
    competences: i.competences,
    languages: i.languages,
    drivingLicences: i.drivingLicences,
    educationLevel: i.educationLevel ?? null,
    maxTravelKm: i.maxTravelKm ?? null,
    maxTravelMinutes: i.maxTravelMinutes ?? null,
    availability: i.availability,
    shareContactsConsent: i.shareContactsConsent,
    tutorId: i.tutorId ?? null,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
  };
  const programmes: CandidateProgramme[] = i.programmes
    .map((p, n) => ({ id: `${c.id}p${n}`, candidateId: c.id, programme: p.programme, startDate: p.startDate, endDate: p.endDate ?? null, monthlyAmount: p.monthlyAmount ?? null }))
    .sort((a, b) => a.startDate.getTime() - b.startDate.getTime());
  const experiences: WorkExperience[] = i.experiences
    .map((e, n) => ({ id: `${c.id}e${n}`, candidateId: c.id, profileTitle: e.profileTitle, profileCode: e.profileCode ?? null, sector: e.sector ?? null, fromDate: e.fromDate, toDate: e.toDate ?? null }))
    .sort((a, b) => b.fromDate.getTime() - a.fromDate.getTime());
  const trainings: Training[] = i.trainings.map((t, n) => ({ id: `${c.id}t${n}`, candidateId: c.id, title: t.title, completedAt: t.completedAt ?? null, hours: t.hours ?? null }));
  return { ...row, domicile, cpi: area.cpi, programmes, experiences, trainings };
}

export async function writeCandidates(ctx: AppContext, tx: DbTx, candidates: DemoCandidate[], territory: Territory): Promise<void> {
  if (candidates.length === 0) return;
  const records = candidates.map((c) => candidateRecord(c, territory));
  await insertRows(tx, "Candidate", records.map(({ domicile: _d, cpi: _c, programmes: _p, experiences: _e, trainings: _t, ...row }) => row));
  await insertRows(tx, "CandidateProgramme", records.flatMap((r) => r.programmes));
  await insertRows(tx, "WorkExperience", records.flatMap((r) => r.experiences));
  await insertRows(tx, "Training", records.flatMap((r) => r.trainings));
  await ctx.index.upsert("candidates", records.map(candidateSearchDocument), tx);
}
