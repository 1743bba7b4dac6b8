import { z } from "../validation/zod-setup.js";
import { cpiCode } from "../validation/common-schemas.js";
import { HALF_YEAR } from "./half-year.js";

export const trendsQuerySchema = z
  .object({
    cpi: cpiCode.describe("Codice del CPI"),
    half: z.string().regex(HALF_YEAR, "Semestre nella forma AAAA-H1 (gennaio–giugno) o AAAA-H2 (luglio–dicembre)").optional().describe("Semestre (AAAA-H1 o AAAA-H2); se assente quello in corso"),
  })
  .strict()
  .openapi("TrendsQuery");
export type TrendsQuery = z.infer<typeof trendsQuerySchema>;
