import { z } from "../validation/zod-setup.js";
import { cpiCode, pagination, queryBoolean } from "../validation/common-schemas.js";

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
