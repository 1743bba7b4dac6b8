import { z } from "../validation/zod-setup.js";

/** What the routes answer with: documented in /api/openapi.json and checked against every answer under the tests. */

export const benefitViewSchema = z.strictObject({
  programme: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  monthlyAmount: z.number().nullable(),
});

export const experienceViewSchema = z.strictObject({
  profileTitle: z.string(),
  profileCode: z.string().nullable(),
  sector: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
});

export const trainingViewSchema = z.strictObject({
  title: z.string(),
  completedAt: z.string().nullable(),
  hours: z.number().nullable(),
});

export const candidateViewSchema = z.strictObject({
  id: z.string(),
  taxCode: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  domicile: z.strictObject({ istatCode: z.string(), name: z.string(), provinceAcronym: z.string() }),
  cpi: z.strictObject({ code: z.string(), name: z.string() }),
  availabilityDeclaredAt: z.string().nullable(),
  declaredProfiles: z.array(z.strictObject({ title: z.string(), code: z.string().optional() })),
  competences: z.array(z.string()),
  languages: z.array(z.strictObject({ code: z.string(), level: z.string() })),
  drivingLicences: z.array(z.string()),
  educationLevel: z.string().nullable(),
  maxTravelKm: z.number().nullable(),
  maxTravelMinutes: z.number().nullable(),
  householdHasChildrenUnder14: z.boolean().nullable(),
  householdHasDisabledMember: z.boolean().nullable(),
  lastContractHoursPerWeek: z.number().nullable(),
  availability: z.string(),
  shareContactsConsent: z.boolean(),
  tutorId: z.string().nullable(),
  programmes: z.array(benefitViewSchema),
  experiences: z.array(experienceViewSchema),
  trainings: z.array(trainingViewSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const facetValueSchema = z.strictObject({ code: z.string(), label: z.string(), count: z.number() });

export const labelledFacetsSchema = z.record(z.string(), z.array(facetValueSchema));

export const searchCandidatesResponseSchema = z.strictObject({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(candidateViewSchema.extend({ distanceKm: z.number().nullable() })),
  facets: labelledFacetsSchema,
});