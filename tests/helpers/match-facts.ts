import type { CandidateFacts, VacancyFacts } from "../../src/matching/match-types.js";
import { resolveOccupation } from "../../src/taxonomy/occupation-taxonomy.js";
import type { PreparedOffer } from "../../src/matching/evaluate-match.js";

/** A complete person as matching sees them, living in Moncalieri, overridable field by field. */
export function person(overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    id: "p1",
    cpiCode: "TO-MONCALIERI",
    province: "TO",
    comune: "Moncalieri",
    lat: 44.9996,
    lon: 7.6826,
    availability: "available",
    tutorId: null,
    profiles: [{ title: "Magazziniere", code: null }],
    experiences: [{ title: "Magazziniere", code: null, sector: "Logistica", from: "2021-01-01", to: null }],
    competences: ["Conduzione di carrelli elevatori", "Gestione del magazzino"],
    trainings: [],
    languages: [{ code: "001", level: "B1" }],
    licences: ["B"],
    education: "4",
    maxTravelKm: 30,
    maxTravelMinutes: null,
    programmes: [],
    availabilityDeclaredAt: "2026-03-01",
    householdHasChildrenUnder14: null,
    householdHasDisabledMember: null,
    lastContractHoursPerWeek: null,
    ...overrides,
  };
}

/** A warehouse vacancy in Torino. */
export function vacancy(overrides: Partial<VacancyFacts> = {}): VacancyFacts {
  return {
    id: "v1",
    status: "open",
    title: "Magazziniere",
    requestedProfile: "Magazziniere",
    profileCode: null,
    cpiCode: "TO-TORINO-VIA-BOLOGNA",
    province: "TO",
    comune: "Torino",
    lat: 45.0703,
    lon: 7.6869,
    companyName: "Logistica Sabauda",
    atecoCode: "52.10",
    mustHave: ["Conduzione carrelli elevatori"],
    niceToHave: [],
    competencesText: null,
    education: null,
    languages: [],
    licences: ["B"],
    contractType: "fixed_term",
    contractMonths: 6,
    hoursPerWeek: 40,
    grossMonthlyPay: 1500,
    ccnl: "CCNL Logistica, trasporto merci e spedizione",
    reservedL68: false,
    shortlistCap: 15,
    arrivalDate: "2026-11-01",
    closingDate: null,
    ...overrides,
  };
}

export function prepared(v: VacancyFacts = vacancy()): PreparedOffer {
  return { facts: v, occupation: resolveOccupation(v.title, v.profileCode) };
}
