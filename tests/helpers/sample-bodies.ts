import { TORINO, VALID_VAT_NUMBERS } from "./valid-codes.js";
import { CPI_TORINO } from "./test-app.js";

let counter = 0;

/** A complete, valid vacancy body; each call differs in profile so the showcase key never collides. */
export function vacancyBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    requestedProfile: `Magazziniere ${counter}`,
    positions: 2,
    companyName: "Logistica Sabauda S.r.l.",
    companyTaxCode: VALID_VAT_NUMBERS[0],
    atecoCode: "52.10",
    contractType: "fixed_term",
    contractMonths: 6,
    hoursPerWeek: 40,
    mustHaveCompetences: ["Conduzione carrelli elevatori"],
    requiredLicences: ["B"],
    workplaceIstatCode: TORINO,
    cpiCode: CPI_TORINO,
    ...overrides,
  };
}

export function candidateBody(taxCode: string, overrides: Record<string, unknown> = {}) {
  return {
    taxCode,
    firstName: "Maria",
    lastName: "Rossi",
    email: "maria.rossi@example.it",
    domicileIstatCode: TORINO,
    cpiCode: CPI_TORINO,
    availabilityDeclaredAt: "2026-03-01",
    declaredProfiles: [{ title: "Magazziniera", code: "8.1.3.1.0" }],
    competences: ["Gestione del magazzino"],
    languages: [{ code: "INGLESE", level: "B1" }],
    drivingLicences: ["B"],
    educationLevel: "4",
    maxTravelKm: 30,
    programmes: [{ programme: "NASPI", startDate: "2026-03-01", monthlyAmount: 950 }],
    experiences: [{ profileTitle: "Magazziniere", fromDate: "2019-01-01", toDate: "2025-12-31" }],
    ...overrides,
  };
}

/** A warehouse worker the sample warehouse offers qualify: the profile, its must-have competences, years of it. */
export const WAREHOUSE_WORKER = {
  declaredProfiles: [{ title: "Magazziniere" }],
  competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
  experiences: [{ profileTitle: "Magazziniere", fromDate: "2018-01-01", toDate: "2025-12-31" }],
};
