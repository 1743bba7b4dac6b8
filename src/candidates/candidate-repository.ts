import type { DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { notFound } from "../errors/app-error.js";

export const candidateInclude = {
  domicile: true,
  cpi: true,
  programmes: { orderBy: { startDate: "asc" } },
  experiences: { orderBy: { fromDate: "desc" } },
  trainings: true,
} satisfies Prisma.CandidateInclude;
export type CandidateRecord = Prisma.CandidateGetPayload<{ include: typeof candidateInclude }>;

export async function findCandidate(db: DbTx, id: string): Promise<CandidateRecord> {
  const candidate = await db.candidate.findUnique({ where: { id }, include: candidateInclude });
  if (!candidate) throw notFound("Persona");
  return candidate;
}

export async function findCandidatesByIds(db: DbTx, ids: string[]): Promise<CandidateRecord[]> {
  const rows = await db.candidate.findMany({ where: { id: { in: ids } }, include: candidateInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function toCandidateView(c: CandidateRecord) {
  return {
    id: c.id,
    taxCode: c.taxCode,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    domicile: { istatCode: c.domicile.istatCode, name: c.domicile.name, provinceAcronym: c.domicile.provinceAcronym },
    cpi: { code: c.cpi.code, name: c.cpi.name },
    availabilityDeclaredAt: day(c.availabilityDeclaredAt),
    declaredProfiles: c.declaredProfiles as { title: string; code?: string }[],
    competences: c.competences as string[],
    languages: c.languages as { code: string; level: string }[],
    drivingLicences: c.drivingLicences as string[],
    educationLevel: c.educationLevel,
    maxTravelKm: c.maxTravelKm,
    maxTravelMinutes: c.maxTravelMinutes,
    householdHasChildrenUnder14: c.householdHasChildrenUnder14,
    householdHasDisabledMember: c.householdHasDisabledMember,
    lastContractHoursPerWeek: c.lastContractHoursPerWeek,
    availability: c.availability,
    shareContactsConsent: c.shareContactsConsent,
    tutorId: c.tutorId,
    programmes: c.programmes.map((p) => ({
      programme: p.programme,
      startDate: day(p.startDate),
      endDate: day(p.endDate),
      monthlyAmount: p.monthlyAmount,
    })),
    experiences: c.experiences.map((e) => ({
      profileTitle: e.profileTitle,
      profileCode: e.profileCode,
      sector: e.sector,
      fromDate: day(e.fromDate),
      toDate: day(e.toDate),
    })),
    trainings: c.trainings.map((t) => ({ title: t.title, completedAt: day(t.completedAt), hours: t.hours })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type CandidateView = ReturnType<typeof toCandidateView>;
