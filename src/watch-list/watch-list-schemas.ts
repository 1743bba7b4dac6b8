import { z } from "../validation/zod-setup.js";
import { cpiCode, pagination } from "../validation/common-schemas.js";

export const watchListQuerySchema = z
  .object({
    cpi: cpiCode.describe("Codice del CPI"),
    days: z.coerce.number().int().min(1).max(366).optional().describe("Giorni senza offerta coerente (predefinito WATCH_LIST_DAYS, 60)"),
    ...pagination,
  })
  .strict()
  .openapi("WatchListQuery");
export type WatchListQuery = z.infer<typeof watchListQuerySchema>;
