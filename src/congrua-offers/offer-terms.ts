/**
 * What was offered, kept with the congrua offer as it stood that day: a copy of the showcase vacancy's
 * terms, or the terms of an external offer as the operator described them. The evaluator reads offers
 * as matching facts (VacancyFacts), so an external offer is turned into the same facts and goes through
 * the same congrua mapping as a showcase vacancy.
 */
import type { Comune } from "../generated/prisma/client.js";
import type { ContractType } from "../congrua/types.js";
import type { VacancyFacts } from "../matching/match-types.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import type { ExternalTermsInput } from "./congrua-offer-schemas.js";

export interface OfferTerms {
  source: "vetrina" | "esterna";
  profile: string;
  profileCode: string | null;
  employerName: string;
  companyTaxCode: string | null;
  workplace: { istatCode: string; name: string; provinceAcronym: string } | null;
  contractType: ContractType | null;
  contractMonths: number | null;
  hoursPerWeek: number | null;
  grossMonthlyPay: number | null;
  ccnl: string | null;
  /** Duties and requirements, as the showcase's "Competenze – requisiti". */
  competencesText: string | null;
}

const place = (c: Pick<Comune, "istatCode" | "name" | "provinceAcronym">) => ({ istatCode: c.istatCode, name: c.name, provinceAcronym: c.provinceAcronym });

export function termsOfVacancy(v: VacancyRecord): OfferTerms {
  return {
    source: "vetrina",
    profile: v.requestedProfile,
    profileCode: v.profileCode,
    employerName: v.companyName,
    companyTaxCode: v.companyTaxCode,
    workplace: v.workplace ? place(v.workplace) : null,
    contractType: v.contractType as ContractType | null,
    contractMonths: v.contractMonths,
    hoursPerWeek: v.hoursPerWeek,
    grossMonthlyPay: v.grossMonthlyPay,
    ccnl: v.ccnl,
    competencesText: v.competencesText,
  };
}

export function termsOfExternalOffer(input: ExternalTermsInput, workplace: Comune): OfferTerms {
  return {
    source: "esterna",
    profile: input.profile,
    profileCode: input.profileCode ?? null,
    employerName: input.employerName,
    companyTaxCode: input.companyTaxCode ?? null,
    workplace: place(workplace),
    contractType: input.contractType ?? null,
    contractMonths: input.contractMonths ?? null,
    hoursPerWeek: input.hoursPerWeek ?? null,
    grossMonthlyPay: input.grossMonthlyPay ?? null,
    ccnl: input.ccnl ?? null,
    competencesText: input.competencesText ?? null,
  };
}

/**
 * An external offer as the matching facts the congrua mapping reads. It has no showcase record: no id,
 * no list, no competence lists (its duties and requirements are the free text).
 */
export function externalOfferFacts(terms: OfferTerms, workplace: Comune, cpiCode: string, offeredOn: string): VacancyFacts {
  return {
    id: "",
    status: "open",
    title: terms.profile,
    requestedProfile: terms.profile,
    profileCode: terms.profileCode,
    cpiCode,
    province: workplace.provinceAcronym,
    comune: workplace.name,
    lat: workplace.lat,
    lon: workplace.lon,
    companyName: terms.employerName,
    atecoCode: null,
    mustHave: [],
    niceToHave: [],
    competencesText: terms.competencesText,
    education: null,
    languages: [],
    licences: [],
    contractType: terms.contractType,
    contractMonths: terms.contractMonths,
    hoursPerWeek: terms.hoursPerWeek,
    grossMonthlyPay: terms.grossMonthlyPay,
    ccnl: terms.ccnl,
    reservedL68: false,
    shortlistCap: 0,
    arrivalDate: offeredOn,
    closingDate: null,
  };
}
