import { z } from "../validation/zod-setup.js";
import { PROGRAMMES } from "../candidates/candidate-schemas.js";
import { pagination, queryList } from "../validation/common-schemas.js";

export const vacancyMatchesQuerySchema = z
  .object({
    programme: queryList.pipe(z.array(z.enum(PROGRAMMES))).optional().describe("Solo persone in questi programmi"),
    cpi: queryList.optional().describe("Solo persone di questi CPI"),
    maxDistanceKm: z.coerce.number().min(1).max(1000).optional(),
    onlyQualified: z.enum(["true", "false"]).transform((v) => v === "true").default(false),
    ...pagination,
  })
  .strict()
  .openapi("VacancyMatchesQuery");
export type VacancyMatchesQuery = z.infer<typeof vacancyMatchesQuerySchema>;

export const candidateMatchesQuerySchema = z.object({ ...pagination }).strict().openapi("CandidateMatchesQuery");
export type CandidateMatchesQuery = z.infer<typeof candidateMatchesQuerySchema>;
