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

// What the routes answer with (checked against every answer under the tests).

export const trendRowSchema = z.strictObject({
  code: z.string(),
  label: z.string(),
  vacancies: z.number(),
  positions: z.number(),
  people: z.number(),
  meeting: z.enum(["incontro", "solo_offerte", "solo_persone"]),
  meetingLabel: z.string(),
});

export const trendDimensionSchema = z.strictObject({
  rows: z.array(trendRowSchema),
  unclassified: z.strictObject({ vacancies: z.number(), people: z.number() }),
});

export const trendReportSchema = z.strictObject({
  cpiCode: z.string(),
  cpiName: z.string(),
  half: z.string(),
  from: z.string(),
  to: z.string(),
  vacancies: z.number(),
  people: z.number(),
  occupations: trendDimensionSchema,
  sectors: trendDimensionSchema,
});