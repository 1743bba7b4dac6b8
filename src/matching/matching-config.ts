import { z } from "../validation/zod-setup.js";

/**
 * Every number matching uses, in one place. The weights say how much each component counts; a
 * component the vacancy does not ask for (no competences listed, no requirements) is left out and
 * the others share its weight, the same for every person of that vacancy.
 */
export const matchingConfigSchema = z
  .object({
    modelVersion: z.string().default("2026.11-1"),
    weights: z
      .object({
        profile: z.number().min(0).default(40),
        competences: z.number().min(0).default(25),
        territory: z.number().min(0).default(20),
        requirements: z.number().min(0).default(15),
      })
      .strict()
      .default({ profile: 40, competences: 25, territory: 20, requirements: 15 }),
    /** Points added for people the CPI must serve first; zero unless a region decides otherwise. */
    priorityBoost: z
      .object({
        ADR: z.number().min(0).max(20).default(0),
        RDC: z.number().min(0).max(20).default(0),
        ADI: z.number().min(0).max(20).default(0),
        SFL: z.number().min(0).max(20).default(0),
        longTermUnemployed: z.number().min(0).max(20).default(0),
      })
      .strict()
      .default({ ADR: 0, RDC: 0, ADI: 0, SFL: 0, longTermUnemployed: 0 }),
    /** Months since the declaration of availability after which a person counts as long-term unemployed. */
    longTermUnemployedMonths: z.number().int().min(1).default(12),
    /** Below this score a person is not proposed for a list (still visible in the ranking). */
    qualifyingScore: z.number().min(0).max(100).default(45),
    /** Within this many points two people are a near-tie: the one put on fewer recent lists goes first. */
    nearTieMargin: z.number().min(0).max(20).default(2),
    recentListsWeeks: z.number().int().min(1).max(52).default(8),
    territory: z
      .object({
        /** Distance that counts as "on the doorstep": full territory score. */
        fullScoreKm: z.number().min(0).default(5),
        /** Reference travel when a person declared none and no congrua band applies. */
        defaultMaxTravelKm: z.number().min(1).default(30),
        /** Public-transport minutes to km, to read a travel limit given in minutes (an estimate, said so). */
        kmPerMinute: z.number().positive().default(0.5),
        /**
         * The widest reference any congrua rule gives (RdC 2019, first offer: 100 km): how far the index
         * looks for people who declared no travel limit. Changing it needs a reindex.
         */
        maxReferenceKm: z.number().positive().default(100),
      })
      .strict()
      .default({ fullScoreKm: 5, defaultMaxTravelKm: 30, kmPerMinute: 0.5, maxReferenceKm: 100 }),
    retrieval: z
      .object({
        /**
         * Radii around the workplace, tried in turn while fewer than twice the list cap qualify; each
         * person is held to their own reach (declared travel or reference) within them.
         */
        radiiKm: z.array(z.number().positive()).min(1).default([60, 250]),
        /** Nearest people sharing an occupation key: at 1M people, 2,000 kept the full scan's top 15. */
        keyLimit: z.number().int().min(100).default(2_000),
        textLimit: z.number().int().min(100).default(1_000),
        /**
         * Words in more than this share of people (and more than minDocs) are too common to retrieve by;
         * of the others the rarest are kept while they match at most maxMatches people together (the
         * text hits are ranked one by one: ~6 µs each on the embedded index).
         */
        commonTerms: z
          .object({
            share: z.number().min(0).max(1).default(0.02),
            minDocs: z.number().int().min(0).default(5_000),
            maxMatches: z.number().int().min(100).default(10_000),
          })
          .strict()
          .default({ share: 0.02, minDocs: 5_000, maxMatches: 10_000 }),
      })
      .strict()
      .default({ radiiKm: [60, 250], keyLimit: 2_000, textLimit: 1_000, commonTerms: { share: 0.02, minDocs: 5_000, maxMatches: 10_000 } }),
  })
  .strict();

export type MatchingConfig = z.infer<typeof matchingConfigSchema>;

export const DEFAULT_MATCHING_CONFIG: MatchingConfig = matchingConfigSchema.parse({});
