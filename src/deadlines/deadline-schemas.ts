import { z } from "../validation/zod-setup.js";
import { dateOnly, longText, pagination, queryBoolean, queryList } from "../validation/common-schemas.js";
import { ACTION_STAGES, DEADLINE_KINDS } from "./deadline-kinds.js";

export const deadlineListQuerySchema = z
  .object({
    cpi: queryList.optional().describe("Codici dei CPI; se assente tutti quelli dell'operatore (tutti per l'amministratore)"),
    referentUserId: z.string().min(1).max(64).optional().describe("Solo le offerte di questo referente"),
    mine: queryBoolean.optional().describe("Solo le offerte di cui si è referente"),
    stage: z.enum(ACTION_STAGES).optional().describe("in_scadenza o scaduta; entrambe se assente"),
    kind: z.enum(DEADLINE_KINDS).optional().describe("rosa, selezione o verifica_esito; tutte se assente"),
    ...pagination,
  })
  .strict()
  .refine((q) => !(q.mine && q.referentUserId), { path: ["mine"], message: "Indicare mine=true oppure referentUserId, non entrambi" })
  .openapi("DeadlineListQuery");
export type DeadlineListQuery = z.infer<typeof deadlineListQuerySchema>;

export const selectionRequestSchema = z
  .object({ requestedAt: dateOnly.optional().describe("Giorno in cui l'azienda ha chiesto la selezione; oggi se assente") })
  .strict()
  .openapi("SelectionRequest");

export const selectionStartSchema = z
  .object({ startedAt: dateOnly.optional().describe("Giorno di avvio della selezione; oggi se assente") })
  .strict()
  .openapi("SelectionStart");

export const outcomeCheckSchema = z
  .object({
    checkedAt: dateOnly.optional().describe("Giorno della verifica dell'esito con l'azienda; oggi se assente"),
    note: longText.min(1).optional().describe("Che cosa ha detto l'azienda"),
  })
  .strict()
  .openapi("OutcomeCheck");

// What the routes answer with (checked against every answer under the tests).

export const referentRefSchema = z.strictObject({ userId: z.string(), name: z.string(), email: z.string() });

/** Where a deadline stands on a day: its kind, its stage and the days it counts. */
export const deadlineStateSchema = z.strictObject({
  kind: z.enum(["rosa", "selezione", "verifica_esito"]),
  kindLabel: z.string(),
  stage: z.enum(["nei_termini", "in_scadenza", "scaduta", "rispettata", "rispettata_in_ritardo"]),
  stageLabel: z.string(),
  startsOn: z.string(),
  termDays: z.number(),
  dueOn: z.string(),
  daysLeft: z.number(),
  metOn: z.string().nullable(),
  description: z.string(),
});

export const deadlineItemSchema = deadlineStateSchema.extend({
  vacancyId: z.string(),
  requestedProfile: z.string(),
  companyName: z.string(),
  vacancyStatus: z.string(),
  vacancyStatusLabel: z.string(),
  cpi: z.strictObject({ code: z.string(), name: z.string() }),
  referent: z.union([
    referentRefSchema,
    z.strictObject({ userId: z.null(), name: z.string().nullable(), email: z.string().nullable() }),
  ]).nullable(),
});

export const deadlineSettingsSchema = z.strictObject({
  listDays: z.number(),
  selectionDays: z.number(),
  outcomeCheckDays: z.number(),
  dueSoonDays: z.number(),
});

export const stageCountsSchema = z.strictObject({ in_scadenza: z.number(), scaduta: z.number() });

export const listDeadlinesResponseSchema = z.strictObject({
  day: z.string(),
  settings: deadlineSettingsSchema,
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  byCpi: z.array(z.strictObject({ cpiCode: z.string(), cpiName: z.string(), counts: stageCountsSchema })),
  byReferent: z.array(z.strictObject({
    referentUserId: z.string().nullable(),
    referentName: z.string(),
    counts: stageCountsSchema,
  })),
  items: z.array(deadlineItemSchema),
});

export const vacancyDeadlinesSchema = z.strictObject({
  vacancyId: z.string(),
  day: z.string(),
  deadlines: z.array(deadlineStateSchema),
});
