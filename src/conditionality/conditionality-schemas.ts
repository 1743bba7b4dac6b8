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
