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

export async function findVacanciesByIds(db: Db, ids: string[]): Promise<VacancyRecord[]> {
  const rows = await db.vacancy.findMany({ where: { id: { in: ids } }, include: vacancyInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

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
