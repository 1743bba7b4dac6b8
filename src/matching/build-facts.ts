import { birthDateFromTaxCode } from "../candidates/birth-date.js";
import type { CandidateRecord } from "../candidates/candidate-repository.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import type { CandidateFacts, VacancyFacts } from "./match-types.js";

const day = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** What matching knows of a person: the store record reduced to the facts scoring and congrua use. */
export function candidateFacts(c: CandidateRecord): CandidateFacts {
  return {
    id: c.id,
    cpiCode: c.cpiCode,
    province: c.domicile.provinceAcronym,
    comune: c.domicile.name,
    lat: c.domicile.lat,
    lon: c.domicile.lon,
    availability: c.availability,
    tutorId: c.tutorId,
    birthDate: birthDateFromTaxCode(c.taxCode),
    profiles: (c.declaredProfiles as { title: string; code?: string }[]).map((p) => ({ title: p.title, code: p.code ?? null })),
    experiences: c.experiences.map((e) => ({ title: e.profileTitle, code: e.profileCode, sector: e.sector, from: day(e.fromDate)!, to: day(e.toDate) })),
    competences: c.competences as string[],
    trainings: c.trainings.map((t) => t.title),
    languages: c.languages as { code: string; level: string }[],
    licences: c.drivingLicences as string[],
    education: c.educationLevel,
    maxTravelKm: c.maxTravelKm,
    maxTravelMinutes: c.maxTravelMinutes,
    programmes: c.programmes.map((p) => ({ programme: p.programme, start: day(p.startDate)!, end: day(p.endDate), amount: p.monthlyAmount })),
    availabilityDeclaredAt: day(c.availabilityDeclaredAt),
    householdHasChildrenUnder14: c.householdHasChildrenUnder14,
    householdHasDisabledMember: c.householdHasDisabledMember,
    lastContractHoursPerWeek: c.lastContractHoursPerWeek,
  };
}

export function vacancyFacts(v: VacancyRecord): VacancyFacts {
  return {
    id: v.id,
    status: v.status,
    title: v.profileTitle,
    requestedProfile: v.requestedProfile,
    profileCode: v.profileCode,
    cpiCode: v.cpiCode,
    province: v.workplace?.provinceAcronym ?? null,
    comune: v.workplace?.name ?? null,
    lat: v.workplace?.lat ?? null,
    lon: v.workplace?.lon ?? null,
    companyName: v.companyName,
    atecoCode: v.atecoCode,
    mustHave: v.mustHaveCompetences as string[],
    niceToHave: v.niceToHaveCompetences as string[],
    competencesText: v.competencesText,
    education: v.requiredEducationLevel,
    languages: v.requiredLanguages as { code: string; level: string }[],
    licences: v.requiredLicences as string[],
    contractType: v.contractType,
    contractMonths: v.contractMonths,
    hoursPerWeek: v.hoursPerWeek,
    grossMonthlyPay: v.grossMonthlyPay,
    ccnl: v.ccnl,
    reservedL68: v.reservedL68,
    shortlistCap: v.shortlistCap,
    arrivalDate: day(v.arrivalDate)!,
    closingDate: day(v.closingDate),
  };
}
