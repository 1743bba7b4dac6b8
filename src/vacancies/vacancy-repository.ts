import type { Db, DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { notFound } from "../errors/app-error.js";
import { VACANCY_STATUS_LABELS, type VacancyStatus } from "./vacancy-status.js";

export const vacancyInclude = { workplace: true, cpi: true } satisfies Prisma.VacancyInclude;
export type VacancyRecord = Prisma.VacancyGetPayload<{ include: typeof vacancyInclude }>;

export async function findVacancy(db: DbTx, id: string): Promise<VacancyRecord> {
  const vacancy = await db.vacancy.findUnique({ where: { id }, include: vacancyInclude });
  if (!vacancy) throw notFound("Offerta");
  return vacancy;
}

/** What the API shows besides the stored columns: the referent as a user, and the people hired through the lists. */
export const vacancyViewInclude = {
  ...vacancyInclude,
  referent: { select: { id: true, name: true, email: true } },
  shortlists: { select: { entries: { where: { outcome: "hired" }, select: { candidateId: true } } } },
} satisfies Prisma.VacancyInclude;
export type VacancyViewRecord = Prisma.VacancyGetPayload<{ include: typeof vacancyViewInclude }>;

export async function findVacancyForView(db: DbTx, id: string): Promise<VacancyViewRecord> {
  const vacancy = await db.vacancy.findUnique({ where: { id }, include: vacancyViewInclude });
  if (!vacancy) throw notFound("Offerta");
  return vacancy;
}

export async function findVacanciesByIds(db: Db, ids: string[]): Promise<VacancyViewRecord[]> {
  const rows = await db.vacancy.findMany({ where: { id: { in: ids } }, include: vacancyViewInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Positions filled: the people hired across the vacancy's lists, each once. */
export const positionsFilledOf = (v: Pick<VacancyViewRecord, "shortlists">): number =>
  new Set(v.shortlists.flatMap((l) => l.entries.map((e) => e.candidateId))).size;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The API's view of a vacancy: English fields, dates as days, the status with its showcase label. */
export function toVacancyView(v: VacancyRecord) {
  return {
    id: v.id,
    status: v.status,
    statusLabel: VACANCY_STATUS_LABELS[v.status as VacancyStatus],
    arrivalDate: day(v.arrivalDate),
    requestedProfile: v.requestedProfile,
    profileTitle: v.profileTitle,
    profileCode: v.profileCode,
    positions: v.positions,
    companyName: v.companyName,
    companyTaxCode: v.companyTaxCode,
    employerId: v.employerId,
    sectorLabel: v.sectorLabel,
    atecoCode: v.atecoCode,
    contractOfferText: v.contractOfferText,
    competencesText: v.competencesText,
    mustHaveCompetences: v.mustHaveCompetences as string[],
    niceToHaveCompetences: v.niceToHaveCompetences as string[],
    requiredEducationLevel: v.requiredEducationLevel,
    requiredLanguages: v.requiredLanguages as { code: string; level: string }[],
    requiredLicences: v.requiredLicences as string[],
    contractType: v.contractType,
    contractMonths: v.contractMonths,
    hoursPerWeek: v.hoursPerWeek,
    grossMonthlyPay: v.grossMonthlyPay,
    ccnl: v.ccnl,
    workplace: v.workplace
      ? { istatCode: v.workplace.istatCode, name: v.workplace.name, provinceAcronym: v.workplace.provinceAcronym }
      : null,
    cpi: { code: v.cpi.code, name: v.cpi.name },
    referentName: v.referentName,
    referentEmail: v.referentEmail,
    notes: v.notes,
    sourceService: v.sourceService,
    shortlistCap: v.shortlistCap,
    reservedL68: v.reservedL68,
    publishedAt: day(v.publishedAt),
    closingDate: day(v.closingDate),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}
export type VacancyView = ReturnType<typeof toVacancyView>;

/** The vacancy as the API shows it: the stored view, its referent user and the positions filled of those asked ("2 of 3"). */
export function toVacancyDetailView(v: VacancyViewRecord) {
  return { ...toVacancyView(v), referent: v.referent, positionsFilled: positionsFilledOf(v) };
}
export type VacancyDetailView = ReturnType<typeof toVacancyDetailView>;
