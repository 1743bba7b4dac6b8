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
