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

// What the routes answer with (checked against every answer under the tests).

export const coverageSchema = z.strictObject({
  beneficiaries: z.number(),
  covered: z.number(),
  share: z.number().nullable(),
  target: z.number(),
  targetMet: z.boolean().nullable(),
});

export const getWatchListResponseSchema = z.strictObject({
  cpiCode: z.string(),
  days: z.number(),
  from: z.string(),
  to: z.string(),
  coverage: coverageSchema,
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.strictObject({
    candidateId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    tutorId: z.string().nullable(),
    programmes: z.array(z.string()),
    vacancies: z.array(z.strictObject({
      vacancyId: z.string(),
      profileTitle: z.string(),
      profileCode: z.string().nullable(),
      requestedProfile: z.string(),
      companyName: z.string(),
      cpiCode: z.string(),
      score: z.number(),
      congrua: z.string(),
      computedAt: z.string(),
    })),
    reasons: z.array(z.strictObject({
      code: z.enum(["profilo_mancante", "non_disponibile", "did_mancante", "nessun_abbinamento_idoneo"]),
      label: z.string(),
    })),
  })),
});