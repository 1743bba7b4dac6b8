import { z } from "../validation/zod-setup.js";
import { partialUpdateShape } from "../validation/partial-update.js";
import {
  atecoCode,
  comuneRef,
  educationLevelCode,
  licenceCode,
  companyTaxCode,
  competenceList,
  cpiCode,
  dateOnly,
  email,
  languageRequirement,
  longText,
  pagination,
  queryBoolean,
  queryList,
  shortText,
} from "../validation/common-schemas.js";
import { vacancyContractType } from "../reference/code-lists.js";
import { VACANCY_STATUSES } from "./vacancy-status.js";

export const SOURCE_SERVICES = ["cpi", "alte_professionalita", "grandi_reclutamenti", "eures"] as const;
export const CONTRACT_TYPES = [
  "permanent",
  "fixed_term",
  "agency",
  "apprenticeship",
  "internship",
  "occasional",
  "self_employed",
  "collaboration",
] as const;
type ContractType = (typeof CONTRACT_TYPES)[number];

/** The code ("fixed_term") or what operators write ("tempo determinato", "somministrazione", "A01"). */
const contractTypeCode = z
  .string()
  .transform((value, ctx): ContractType => {
    const code = vacancyContractType(value)?.code;
    if (code && (CONTRACT_TYPES as readonly string[]).includes(code)) return code as ContractType;
    ctx.addIssue({ code: "custom", message: `Tipo di contratto sconosciuto «${value}» (es. tempo indeterminato, tempo determinato, apprendistato, somministrazione, tirocinio)` });
    return z.NEVER;
  })
  .openapi({ type: "string", example: "tempo determinato", description: `Codice (${CONTRACT_TYPES.join(", ")}) o etichetta italiana` });

const vacancyFields = {
  arrivalDate: dateOnly.optional().describe("Data arrivo offerta; oggi se assente"),
  requestedProfile: shortText.describe("Profilo richiesto, come scritto dall'azienda"),
  profileTitle: shortText.optional().describe("Titolo normalizzato del profilo; se assente, il profilo richiesto"),
  profileCode: z.string().regex(/^[\d.]+$/, "Codice CP2011/ISCO: cifre e punti").max(20).optional(),
  positions: z.number().int().min(1).max(9999).default(1),
  companyName: shortText,
  companyTaxCode: companyTaxCode,
  employerId: z.string().min(1).optional(),
  sectorLabel: shortText.optional().describe("Area economica"),
  atecoCode: atecoCode.optional(),
  contractOfferText: longText.optional().describe("Proposta contratto, testo libero"),
  competencesText: longText.optional().describe("Competenze – requisiti, testo libero"),
  mustHaveCompetences: competenceList,
  niceToHaveCompetences: competenceList,
  requiredEducationLevel: educationLevelCode.optional().describe("Codice del livello di studio minimo"),
  requiredLanguages: z.array(languageRequirement).max(10).default([]),
  requiredLicences: z.array(licenceCode).max(10).default([]),
  contractType: contractTypeCode.optional(),
  contractMonths: z.number().int().min(1).max(120).optional(),
  hoursPerWeek: z.number().min(1).max(60).optional(),
  grossMonthlyPay: z.number().min(0).max(100000).optional(),
  ccnl: shortText.optional().describe("Contratto collettivo applicato (CCNL), se l'offerta lo indica"),
  workplaceIstatCode: comuneRef.describe("Comune della sede di lavoro: codice ISTAT o nome"),
  cpiCode: cpiCode.optional().describe("CPI dell'offerta; se assente, quello del referente (referentUserId o chi pubblica), altrimenti quello del cui bacino fa parte la sede di lavoro"),
  referentName: shortText.optional(),
  referentEmail: email.optional(),
  notes: longText.optional(),
  sourceService: z.enum(SOURCE_SERVICES).default("cpi"),
  shortlistCap: z.number().int().min(1).max(200).default(15).describe("Tetto della rosa: 15 salvo diversa richiesta dell'azienda"),
  reservedL68: z.boolean().default(false).describe("Riservata L. 68/1999"),
  publishedAt: dateOnly.optional(),
  closingDate: dateOnly.optional(),
};

export const vacancyCreateSchema = z
  .object({
    ...vacancyFields,
    // Only on publish: afterwards the referent changes through POST /vacancies/:id/referent, with history.
    referentUserId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("Il referente dell'offerta (un referente attivo del CPI); se assente, quello con l'e-mail referentEmail, altrimenti chi pubblica"),
  })
  .strict()
  .openapi("VacancyCreate");
export type VacancyCreateInput = z.infer<typeof vacancyCreateSchema>;

/**
 * Partial update: only the fields sent change; status changes go through their own route. A duration
 * sent as null is removed (an offer that becomes permanent has none).
 */
export const vacancyUpdateSchema = z
  .object({
    ...partialUpdateShape(vacancyFields),
    contractMonths: vacancyFields.contractMonths.unwrap().nullable().optional().describe("Durata in mesi; null la toglie"),
  })
  .strict()
  .openapi("VacancyUpdate");
export type VacancyUpdateInput = z.infer<typeof vacancyUpdateSchema>;

export const vacancyStatusChangeSchema = z
  .object({ to: z.enum(VACANCY_STATUSES), reason: z.string().trim().max(1000).optional() })
  .strict()
  .openapi("VacancyStatusChange");

export const vacancyReferentSchema = z
  .object({
    referentUserId: z.string().min(1).max(64).describe("Il nuovo referente: un referente attivo del CPI dell'offerta"),
    reason: z.string().trim().min(3, "Motivo: almeno 3 caratteri").max(1000).optional().describe("Perché (resta nella storia dell'offerta)"),
  })
  .strict()
  .openapi("VacancyReferent");

export const vacancyCloseSchema = z
  .object({ outcome: z.enum(["filled", "cancelled", "expired"]), reason: z.string().trim().max(1000).optional() })
  .strict()
  .openapi("VacancyClose");

export const VACANCY_FACETS = ["status", "cpi", "province", "sector", "contractType", "sourceService", "reservedL68"] as const;

export const vacancySearchSchema = z
  .object({
    q: z.string().max(200).optional(),
    status: queryList.pipe(z.array(z.enum(VACANCY_STATUSES))).optional(),
    cpi: queryList.optional(),
    province: queryList.optional().describe("Sigla della provincia della sede di lavoro"),
    sector: queryList.optional().describe("Sezione ATECO (lettera) o codice"),
    contractType: queryList.pipe(z.array(contractTypeCode)).optional(),
    sourceService: queryList.pipe(z.array(z.enum(SOURCE_SERVICES))).optional(),
    reservedL68: queryBoolean.optional(),
    nearComune: comuneRef.optional().describe("Vicino al comune (codice ISTAT o nome)…"),
    withinKm: z.coerce.number().min(1).max(500).default(30).describe("…entro K km"),
    sort: z.enum(["relevance", "date", "date_asc", "distance"]).default("relevance"),
    ...pagination,
  })
  .strict()
  .openapi("VacancySearchQuery");
export type VacancySearchInput = z.infer<typeof vacancySearchSchema>;
