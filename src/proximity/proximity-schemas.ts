import { z } from "../validation/zod-setup.js";
import { cpiCode } from "../validation/common-schemas.js";
import { offerGapSchema } from "../matching/match-schemas.js";

export const personProximityQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(50).default(10).describe("Quante professioni di prossimità mostrare") })
  .strict()
  .openapi("PersonProximityQuery");
export type PersonProximityQuery = z.infer<typeof personProximityQuerySchema>;

/** Most people one group answer covers: a company in crisis or a CPI's job seekers, computed in one request. */
export const GROUP_MAX_PEOPLE = 500;

export const groupProximityBodySchema = z
  .object({
    cpiCode: cpiCode.optional().describe("Le persone disponibili di questo CPI"),
    candidateIds: z.array(z.string().min(1).max(64)).min(1).max(GROUP_MAX_PEOPLE).optional().describe("Un elenco di persone (es. i lavoratori di un'azienda in crisi)"),
    limit: z.number().int().min(1).max(50).default(10).describe("Quante professioni e competenze mostrare"),
  })
  .strict()
  .refine((b) => (b.cpiCode === undefined) !== (b.candidateIds === undefined), {
    message: "Indicare il CPI (cpiCode) oppure l'elenco delle persone (candidateIds), non entrambi",
    path: ["cpiCode"],
  })
  .openapi("GroupProximityBody");
export type GroupProximityBody = z.infer<typeof groupProximityBodySchema>;

const relationLevel = z.enum(["same_occupation", "same_unit", "interchangeable", "same_group", "related_group", "text", "none"]);

const occupationRef = z
  .object({
    key: z.string().describe("«cp5:<unità CP2011>», o la chiave del concetto quando la tassonomia non dà un'unità"),
    code: z.string().nullable().describe("Unità professionale CP2011"),
    label: z.string(),
    vacancyTitles: z.array(z.string()).describe("Come le offerte raggiungibili chiamano la professione"),
  })
  .strict();

export const proximitySuggestionSchema = z
  .object({
    occupation: occupationRef,
    relation: z
      .object({ level: relationLevel, score: z.number(), from: z.string().nullable().describe("La professione della persona da cui parte la relazione"), reason: z.string() })
      .strict(),
    referenceOverlap: z.number().nullable().describe("Quota delle competenze ANPAL della professione condivise con la professione della persona"),
    vacancyCoverage: z.number().nullable().describe("Copertura media delle competenze indispensabili delle offerte raggiungibili"),
    vacanciesInReach: z.number().int().describe("Offerte aperte della professione entro la portata della persona, nessun vincolo la esclude"),
    excludedVacancies: z.number().int().describe("Offerte della professione escluse da un vincolo (patente, lingua, L. 68, distanza, età)"),
    qualifiedNow: z.number().int(),
    qualifiedOnceGapClosed: z.number().int().describe("Offerte per cui risulterebbe idonea/o colmando un divario piccolo"),
    smallGap: z.boolean().describe("Un divario piccolo (al più 2 competenze indispensabili, 3 in tutto) la/lo renderebbe idonea/o per qualche offerta"),
    have: z.array(z.string()).describe("Competenze della persona che servono alla professione"),
    lack: z.array(z.object({ competence: z.string(), mustHaveIn: z.number().int(), niceToHaveIn: z.number().int() }).strict()),
    training: z.array(z.object({ competence: z.string(), opens: z.number().int() }).strict()).describe("Le competenze da acquisire, e quante offerte aprirebbero"),
    vacancies: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          companyName: z.string(),
          comune: z.string().nullable(),
          distanceKm: z.number().nullable(),
          score: z.number(),
          qualified: z.boolean(),
          gap: offerGapSchema.nullable(),
          smallGap: z.boolean(),
        })
        .strict(),
    ),
    reasons: z.array(z.string()).describe("La spiegazione, in italiano: relazione, offerte, competenze possedute e mancanti, divario"),
  })
  .strict()
  .openapi("ProximitySuggestion");
export type ProximitySuggestion = z.infer<typeof proximitySuggestionSchema>;

export const personProximitySchema = z
  .object({
    candidateId: z.string(),
    modelVersion: z.string(),
    computedAt: z.string(),
    travel: z.object({ radiusKm: z.number(), basis: z.string() }).strict(),
    ownOccupations: z.array(z.object({ title: z.string(), code: z.string().nullable(), declared: z.boolean(), label: z.string() }).strict()),
    ownOccupationVacancies: z.object({ inReach: z.number().int(), qualified: z.number().int() }).strict(),
    total: z.number().int(),
    withVacancies: z.number().int(),
    occupations: z.array(proximitySuggestionSchema),
    ruledOut: z.array(z.object({ occupation: occupationRef, reason: z.string() }).strict()).describe("Professioni vicine escluse da un vincolo, con il motivo"),
    summary: z.string(),
  })
  .strict()
  .openapi("PersonProximity");
export type PersonProximity = z.infer<typeof personProximitySchema>;

export const groupProximitySchema = z
  .object({
    computedAt: z.string(),
    scope: z.object({ cpiCode: z.string().nullable(), people: z.number().int() }).strict(),
    peopleWithoutOwnVacancies: z.number().int().describe("Persone senza offerte aperte raggiungibili per le proprie professioni"),
    peopleWithSuggestion: z.number().int().describe("Persone con almeno una professione di prossimità con offerte raggiungibili"),
    occupations: z.array(
      z
        .object({
          occupation: occupationRef,
          vacanciesInReach: z.number().int().describe("Offerte distinte della professione raggiungibili da almeno una persona del gruppo"),
          people: z.number().int().describe("Persone per cui è di prossimità con offerte raggiungibili"),
          peopleQualifiedNow: z.number().int(),
          peopleQualifiedOnceGapClosed: z.number().int(),
          reasons: z.array(z.string()),
        })
        .strict(),
    ),
    competences: z.array(
      z
        .object({
          competence: z.string(),
          people: z.number().int().describe("Persone che acquisendola (con al più un'altra) risulterebbero idonee per qualche offerta"),
          peopleByItself: z.number().int().describe("Persone per cui basta questa sola"),
          vacancies: z.number().int().describe("Offerte distinte che aprirebbe"),
          occupations: z.array(z.string()),
          reason: z.string(),
        })
        .strict(),
    ),
    summary: z.string(),
  })
  .strict()
  .openapi("GroupProximity");
export type GroupProximity = z.infer<typeof groupProximitySchema>;
