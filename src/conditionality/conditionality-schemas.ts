import { z } from "../validation/zod-setup.js";
import { cpiCode, dateOnly, longText, pagination, queryBoolean } from "../validation/common-schemas.js";
import { isoDay } from "../congrua/months.js";
import { dayOf } from "../deadlines/calendar-day.js";
import { REFUSAL_REASONS } from "../congrua-offers/congrua-offer-states.js";
import { FACT_KINDS } from "./conditionality-kinds.js";

export const conditionalityListQuerySchema = z
  .object({
    cpi: cpiCode.optional().describe("CPI delle segnalazioni; senza, tutti quelli dell'operatore"),
    reported: queryBoolean.optional().describe("true: già segnalate ad ANPAL e INPS; false: da segnalare"),
    exported: queryBoolean.optional().describe("true: già in un'esportazione; false: non ancora esportate"),
    ...pagination,
  })
  .strict()
  .openapi("ConditionalityListQuery");
export type ConditionalityListQuery = z.infer<typeof conditionalityListQuerySchema>;

export const conditionalityExportSchema = z
  .object({ cpi: cpiCode.describe("CPI di cui esportare le segnalazioni non ancora esportate") })
  .strict()
  .openapi("ConditionalityExportCreate");

export const conditionalityExportListQuerySchema = z
  .object({ cpi: cpiCode.optional().describe("Solo le esportazioni di questo CPI"), ...pagination })
  .strict()
  .openapi("ConditionalityExportListQuery");
export type ConditionalityExportListQuery = z.infer<typeof conditionalityExportListQuerySchema>;

export const exportIdParams = z.object({ id: z.string().min(1).max(64) }).strict();

export const noBody = z.object({}).strict();

/** The day of the fact: a past or present Italian day, never a future one. */
const factDay = dateOnly.refine((d) => isoDay(d) <= dayOf(new Date()), "La data del fatto non può essere nel futuro");

export const recordFactSchema = z
  .object({
    kind: z.enum(FACT_KINDS).describe("appuntamento_mancato, misura_attiva_mancata (corso o altra misura di politica attiva), conferma_sfl_mancata (conferma ogni 90 giorni)"),
    occurredAt: factDay.describe("Giorno dell'appuntamento, della misura o della conferma dovuta"),
    justified: z
      .object({ reason: z.enum(REFUSAL_REASONS).describe("Giustificato motivo riconosciuto da ANPAL") })
      .strict()
      .optional()
      .describe("Assenza giustificata: registrata senza segnalazione"),
    note: longText.optional().describe("Nota dell'operatore (va nel file per ANPAL e INPS)"),
  })
  .strict()
  .openapi("ConditionalityFactCreate");
export type RecordFactInput = z.infer<typeof recordFactSchema>;

export const candidateFactsQuerySchema = z.object({ ...pagination }).strict().openapi("ConditionalityFactListQuery");
export type CandidateFactsQuery = z.infer<typeof candidateFactsQuerySchema>;

// What the routes answer with (checked against every answer under the tests).

export const conditionalityFactDetailsSchema = z.strictObject({
  justifiedReason: z.enum(["malattia_infortunio", "richiamo_servizio", "maternita", "gravi_motivi_familiari", "limiti_mobilita", "forza_maggiore"]).nullable(),
  justifiedReasonLabel: z.string().nullable(),
  notOpenedReason: z.string().nullable(),
  note: z.string().nullable(),
  recordedById: z.string().nullable(),
  recordedByName: z.string().nullable(),
});

export const offerMadeSchema = z.strictObject({
  channelLabel: z.string(),
  profile: z.string(),
  employerName: z.string(),
  offeredAt: z.string(),
  channel: z.string(),
});

/** What every conditionality event says, whether it comes from a fact or from a refused offer. */
export const conditionalityEventBaseSchema = z.strictObject({
  exportId: z.string().nullable(),
  reportedAt: z.string().nullable(),
  reportedById: z.string().nullable(),
  reportedByName: z.string().nullable(),
  id: z.string(),
  candidateId: z.string(),
  cpiCode: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  toReport: z.boolean(),
  programme: z.string().nullable(),
  programmeLabel: z.string().nullable(),
  occurredAt: z.string(),
  congruaOfferId: z.string().nullable(),
  ordinal: z.number().nullable(),
  sanction: z.string().nullable(),
  legalBasis: z.string().nullable(),
  toConfirm: z.boolean(),
});

const factEventSchema = conditionalityEventBaseSchema.extend({
  ruleSet: z.null(),
  outcome: z.null(),
  outcomeLabel: z.null(),
  offer: z.null(),
  fact: conditionalityFactDetailsSchema,
});

const offerEventSchema = conditionalityEventBaseSchema.extend({
  ruleSet: z.strictObject({ id: z.string(), version: z.number(), label: z.string() }),
  outcome: z.string(),
  outcomeLabel: z.string(),
  offer: offerMadeSchema,
  fact: z.null(),
});

export const conditionalityEventViewSchema = z.union([factEventSchema, offerEventSchema]);

export const conditionalityExportViewSchema = z.strictObject({
  id: z.string(),
  cpiCode: z.string(),
  createdAt: z.string(),
  createdById: z.string().nullable(),
  createdByName: z.string().nullable(),
  eventCount: z.number(),
  eventIds: z.array(z.string()),
  reported: z.boolean(),
  reportedAt: z.string().nullable(),
  reportedById: z.string().nullable(),
  reportedByName: z.string().nullable(),
  links: z.strictObject({ csv: z.string() }),
});

export const listCandidateConditionalityEventsResponseSchema = z.strictObject({
  candidateId: z.string(),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(conditionalityEventViewSchema),
});

export const reportedPersonSchema = z.strictObject({ taxCode: z.string(), firstName: z.string(), lastName: z.string() });

export const listConditionalityEventsResponseSchema = z.strictObject({
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  // The reporting list names the person each event is about.
  items: z.array(z.union([
    factEventSchema.extend({ person: reportedPersonSchema.nullable() }),
    offerEventSchema.extend({ person: reportedPersonSchema.nullable() }),
  ])),
});

export const listConditionalityExportsResponseSchema = z.strictObject({
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(conditionalityExportViewSchema),
});