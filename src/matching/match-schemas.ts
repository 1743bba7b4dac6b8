import { z } from "../validation/zod-setup.js";
import { PROGRAMMES } from "../candidates/candidate-schemas.js";
import { pagination, queryList } from "../validation/common-schemas.js";
import { invalidNarrowing, NARROWING_PARAMETERS, type NarrowingFilter, type NarrowingParameter } from "./narrow-pool.js";

// "patente:CE,distanza:20" splits before each parameter, so a competence with a comma stays whole.
const NARROWING_SEPARATOR = new RegExp(`,(?=\\s*(?:${NARROWING_PARAMETERS.join("|")}):)`);

function parseNarrowing(item: string): NarrowingFilter | string {
  const colon = item.indexOf(":");
  const parameter = item.slice(0, colon).trim();
  const value = item.slice(colon + 1).trim();
  if (colon < 0 || !(NARROWING_PARAMETERS as readonly string[]).includes(parameter)) {
    return `«${item}»: atteso parametro:valore, con parametro fra ${NARROWING_PARAMETERS.join(", ")}`;
  }
  const filter = { parameter: parameter as NarrowingParameter, value };
  return invalidNarrowing(filter) ?? filter;
}

/**
 * Narrowing parameters as the ranking proposes them (`pool.narrowing[].filter`): "patente:CE",
 * "distanza:20", "lingua:inglese"; repeated, or separated by commas. Every one must hold.
 */
export const narrowingList = z
  .union([z.string().max(2000), z.array(z.string().max(500)).max(10)])
  .transform((v) => (Array.isArray(v) ? v : v.split(NARROWING_SEPARATOR)).map((s) => s.trim()).filter(Boolean))
  .transform((items, ctx) => {
    const parsed = items.map(parseNarrowing);
    for (const p of parsed) if (typeof p === "string") ctx.addIssue({ code: "custom", message: p });
    return parsed.filter((p): p is NarrowingFilter => typeof p !== "string");
  })
  .describe("Parametri che restringono la rosa, come li propone pool.narrowing[].filter («patente:CE», «distanza:20»); devono valere tutti");

export const vacancyMatchesQuerySchema = z
  .object({
    programme: queryList.pipe(z.array(z.enum(PROGRAMMES))).optional().describe("Solo persone in questi programmi"),
    cpi: queryList.optional().describe("Solo persone di questi CPI"),
    maxDistanceKm: z.coerce.number().min(1).max(1000).optional(),
    onlyQualified: z.enum(["true", "false"]).transform((v) => v === "true").default(false),
    narrow: narrowingList.optional(),
    ...pagination,
  })
  .strict()
  .openapi("VacancyMatchesQuery");
export type VacancyMatchesQuery = z.infer<typeof vacancyMatchesQuerySchema>;

export const candidateMatchesQuerySchema = z.object({ ...pagination }).strict().openapi("CandidateMatchesQuery");
export type CandidateMatchesQuery = z.infer<typeof candidateMatchesQuerySchema>;

/** Building a list takes the same narrowing as the matches: the list is drawn from the narrowed pool. */
export const buildShortlistBodySchema = z.object({ narrow: narrowingList.optional() }).strict().openapi("BuildShortlistBody");
export type BuildShortlistBody = z.infer<typeof buildShortlistBodySchema>;

/** What an offer the person does not qualify for lacks (match-gap.ts), as the person's matches show it. */
export const offerGapSchema = z
  .object({
    missing: z.array(z.object({ competence: z.string(), mustHave: z.boolean() }).strict()).describe("Competenze chieste dall'offerta che la persona non ha (le indispensabili prima)"),
    scoreOnceClosed: z.number().describe("Punteggio che la persona avrebbe acquisendole"),
    qualifiesOnceClosed: z.boolean().describe("Acquisendole la persona risulterebbe idonea"),
    summary: z.string().describe("In italiano: «Manca: «Patentino F-gas»; una volta acquisita la persona risulterebbe idonea…»"),
  })
  .strict()
  .openapi("OfferGap");
