import { z } from "../validation/zod-setup.js";
import { labelledFacetsSchema } from "../candidates/candidate-view-schemas.js";
import { VACANCY_STATUSES } from "./vacancy-status.js";

/** What the routes answer with: documented in /api/openapi.json and checked against every answer under the tests. */

export const vacancyHistoryItemSchema = z.strictObject({
  seq: z.number().nullable(),
  type: z.enum(["published", "changed", "status_changed"]),
  at: z.string(),
  byUserId: z.string().nullable(),
  byUserName: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.array(z.strictObject({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
  source: z.string().nullable(),
  importRunId: z.string().nullable(),
});

export const getVacancyHistoryResponseSchema = z.array(vacancyHistoryItemSchema);

export const vacancyDetailViewSchema = z.strictObject({
  referent: z.strictObject({ name: z.string(), id: z.string(), email: z.string() }).nullable(),
  positionsFilled: z.number(),
  id: z.string(),
  status: z.enum(VACANCY_STATUSES),
  statusLabel: z.string(),
  arrivalDate: z.string().nullable(),
  requestedProfile: z.string(),
  profileTitle: z.string(),
  profileCode: z.string().nullable(),
  positions: z.number(),
  companyName: z.string(),
  companyTaxCode: z.string(),
  employerId: z.string().nullable(),
  sectorLabel: z.string().nullable(),
  atecoCode: z.string().nullable(),
  contractOfferText: z.string().nullable(),
  competencesText: z.string().nullable(),
  mustHaveCompetences: z.array(z.string()),
  niceToHaveCompetences: z.array(z.string()),
  requiredEducationLevel: z.string().nullable(),
  requiredLanguages: z.array(z.strictObject({ code: z.string(), level: z.string() })),
  requiredLicences: z.array(z.string()),
  contractType: z.string().nullable(),
  contractMonths: z.number().nullable(),
  hoursPerWeek: z.number().nullable(),
  grossMonthlyPay: z.number().nullable(),
  ccnl: z.string().nullable(),
  workplace: z.strictObject({ istatCode: z.string(), name: z.string(), provinceAcronym: z.string() }).nullable(),
  cpi: z.strictObject({ code: z.string(), name: z.string() }),
  referentName: z.string().nullable(),
  referentEmail: z.string().nullable(),
  notes: z.string().nullable(),
  sourceService: z.string(),
  shortlistCap: z.number(),
  reservedL68: z.boolean(),
  publishedAt: z.string().nullable(),
  closingDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const searchVacanciesResponseSchema = z.strictObject({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(vacancyDetailViewSchema.extend({ distanceKm: z.number().nullable() })),
  facets: labelledFacetsSchema,
});