import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { insertRows } from "../db/insert-rows.js";
import { cpiRow } from "../reference/cpis.js";
import { candidateRecordOf, insertCandidates } from "../candidates/insert-candidates.js";
import type {
  Employer,
  User,
  Vacancy,
  VacancyStatusChange,
} from "../generated/prisma/client.js";
import type { CandidateRecord } from "../candidates/candidate-repository.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
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

export function userRow(u: DemoUser): User {
  return { id: u.id, name: u.name, email: u.email, role: u.role, employerId: u.employerId, active: true, createdAt: u.createdAt, deactivatedAt: null };
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
    referentUserId: v.referentUserId,
    selectionRequestedAt: null,
    selectionStartedAt: null,
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
    ccnl: i.ccnl ?? null,
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
  return v.history.map((h, n) => ({ id: `${v.id}s${n}`, vacancyId: v.id, fromState: h.fromState, toState: h.toState, reason: h.reason, byUserId: h.byUserId, source: null, importRunId: null, at: h.at }));
}

/** The record as findVacancy would return it. */
export function vacancyRecord(v: DemoVacancy, territory: Territory): VacancyRecord {
  const row = vacancyRow(v);
  const area = territory.byCpi.get(row.cpiCode);
  if (!area) throw new Error(`CPI sconosciuto: ${row.cpiCode}`);
  return { ...row, workplace: row.workplaceIstatCode ? (territory.comuneByCode.get(row.workplaceIstatCode) ?? null) : null, cpi: cpiRow(area.cpi) };
}

/** Demo offers append no events (their history is their status rows): the seed rebuilds their index once it commits. */
export async function writeVacancies(tx: DbTx, vacancies: DemoVacancy[], territory: Territory): Promise<void> {
  if (vacancies.length === 0) return;
  const records = vacancies.map((v) => vacancyRecord(v, territory));
  await insertRows(tx, "Vacancy", records.map(({ workplace: _w, cpi: _c, ...row }) => row));
  await insertRows(tx, "VacancyStatusChange", vacancies.flatMap(statusRows));
}

/** The record as findCandidate would return it. */
export function candidateRecord(c: DemoCandidate, territory: Territory): CandidateRecord {
  const domicile = territory.comuneByCode.get(c.input.domicileIstatCode);
  const area = territory.byCpi.get(c.input.cpiCode);
  if (!domicile || !area) throw new Error(`Comune o CPI sconosciuto per ${c.id}`);
  return candidateRecordOf(c.id, c.input, c.createdAt, domicile, cpiRow(area.cpi));
}

export async function writeCandidates(ctx: AppContext, tx: DbTx, candidates: DemoCandidate[], territory: Territory): Promise<void> {
  await insertCandidates(ctx, tx, candidates.map((c) => candidateRecord(c, territory)));
}
