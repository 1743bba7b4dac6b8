import { z } from "../validation/zod-setup.js";
import { partialUpdateShape } from "../validation/partial-update.js";
import {
  competenceList,
  comuneRef,
  educationLevelCode,
  licenceCode,
  cpiCode,
  dateOnly,
  email,
  languageRequirement,
  pagination,
  personTaxCode,
  queryList,
  shortText,
} from "../validation/common-schemas.js";
import { licencesSatisfying } from "../reference/driving-licences.js";
import { isValidPersonTaxCode } from "../validation/tax-code.js";
import { taxCodeDisagreements } from "./tax-code-consistency.js";

export const PROGRAMMES = ["NASPI", "DISCOLL", "ADR", "RDC", "ADI", "SFL", "GOL", "L68"] as const;
export const AVAILABILITY = ["available", "not_available", "employed"] as const;

const programmeSchema = z
  .object({
    programme: z.enum(PROGRAMMES),
    startDate: dateOnly,
    endDate: dateOnly.optional(),
    monthlyAmount: z.number().min(0).max(20000).optional().describe("Importo mensile (NASpI, ADI…)"),
  })
  .strict()
  .refine((p) => !p.endDate || p.endDate >= p.startDate, { message: "La fine precede l'inizio", path: ["endDate"] });

const experienceSchema = z
  .object({
    profileTitle: shortText,
    profileCode: z.string().regex(/^[\d.]+$/).max(20).optional(),
    sector: shortText.optional(),
    fromDate: dateOnly,
    toDate: dateOnly.optional(),
  })
  .strict()
  .refine((e) => !e.toDate || e.toDate >= e.fromDate, { message: "La fine precede l'inizio", path: ["toDate"] });

const trainingSchema = z
  .object({ title: shortText, completedAt: dateOnly.optional(), hours: z.number().int().min(1).max(10000).optional() })
  .strict();

const declaredProfile = z
  .object({ title: shortText, code: z.string().regex(/^[\d.]+$/).max(20).optional() })
  .strict();

const candidateFields = {
  taxCode: personTaxCode,
  firstName: shortText,
  lastName: shortText,
  email: email.optional(),
  phone: z.string().regex(/^\+?[\d\s./-]{6,20}$/, "Numero di telefono non valido").optional(),
  domicileIstatCode: comuneRef.describe("Comune di domicilio: codice ISTAT o nome"),
  cpiCode: cpiCode.optional().describe("CPI competente; se assente, il CPI il cui bacino comprende il comune di domicilio"),
  availabilityDeclaredAt: dateOnly.optional().describe("Data della DID"),
  declaredProfiles: z.array(declaredProfile).max(20).default([]),
  competences: competenceList,
  languages: z.array(languageRequirement).max(20).default([]),
  drivingLicences: z.array(licenceCode).max(10).default([]),
  educationLevel: educationLevelCode.optional(),
  maxTravelKm: z.number().min(0).max(2000).optional(),
  maxTravelMinutes: z.number().int().min(0).max(600).optional(),
  householdHasChildrenUnder14: z.boolean().optional().describe("Figli minori di 14 anni nel nucleo (regole ADI)"),
  householdHasDisabledMember: z.boolean().optional().describe("Componente con disabilità nel nucleo (regole RdC)"),
  lastContractHoursPerWeek: z.number().min(1).max(60).optional().describe("Ore settimanali dell'ultimo contratto (regole NASpI)"),
  availability: z.enum(AVAILABILITY).default("available"),
  shareContactsConsent: z.boolean().default(false).describe("Consenso a condividere i contatti con le aziende"),
  tutorId: z.string().min(1).optional(),
  programmes: z.array(programmeSchema).max(20).default([]),
  experiences: z.array(experienceSchema).max(50).default([]),
  trainings: z.array(trainingSchema).max(50).default([]),
};

/** The tax code must agree with the names registered with it (the same rule for the API and for imports). */
export const candidateCreateSchema = z
  .object(candidateFields)
  .strict()
  .superRefine((c, ctx) => {
    if (!isValidPersonTaxCode(c.taxCode)) return;
    for (const { field, message } of taxCodeDisagreements(c.taxCode, c)) ctx.addIssue({ code: "custom", path: [field], message });
  })
  .openapi("CandidateCreate");
/** A registration as sent: without cpiCode the CPI serving the domicile is taken (competentCpiOf). */
export type CandidateCreateInput = z.infer<typeof candidateCreateSchema>;

/**
 * Partial update; a list that is sent (programmes, experiences…) replaces the stored one. The tax code
 * is checked against the names once merged with the stored person (update-candidate).
 */
export const candidateUpdateSchema = z.object(partialUpdateShape(candidateFields)).strict().openapi("CandidateUpdate");
export type CandidateUpdateInput = z.infer<typeof candidateUpdateSchema>;

export const CANDIDATE_FACETS = ["cpi", "province", "programme", "availability", "licence", "educationLevel"] as const;

export const candidateSearchSchema = z
  .object({
    q: z.string().max(200).optional(),
    cpi: queryList.optional(),
    province: queryList.optional(),
    programme: queryList.pipe(z.array(z.enum(PROGRAMMES))).optional(),
    availability: queryList.pipe(z.array(z.enum(AVAILABILITY))).optional(),
    licence: queryList
      .pipe(z.array(licenceCode))
      .transform((codes) => [...new Set(codes.flatMap(licencesSatisfying))])
      .optional()
      .describe("Patente o abilitazione (B, C, CE, CQC merci…): trova anche chi ne ha una che la comprende (CE per C)"),
    educationLevel: queryList.pipe(z.array(educationLevelCode)).optional(),
    tutor: z.string().optional().describe("Id del tutor, oppure «me»"),
    nearComune: comuneRef.optional().describe("Vicino al comune (codice ISTAT o nome)…"),
    withinKm: z.coerce.number().min(1).max(500).default(30),
    sort: z.enum(["relevance", "date", "date_asc", "distance"]).default("relevance"),
    ...pagination,
  })
  .strict()
  .openapi("CandidateSearchQuery");
export type CandidateSearchInput = z.infer<typeof candidateSearchSchema>;
