import { z } from "../validation/zod-setup.js";
import { dateOnly, queryList } from "../validation/common-schemas.js";
import { dayOf, daysBetween } from "../deadlines/calendar-day.js";

/** A period of at most a year (a leap year's 366 days): the figures read every row of the period at once. */
export const MAX_PERIOD_DAYS = 366;

const bothDates = (q: { from: unknown; to: unknown }) => q.from instanceof Date && q.to instanceof Date;

export const figuresQuerySchema = z
  .object({
    cpi: queryList.optional().describe("Codici dei CPI; se assente tutti quelli dell'operatore (tutti per l'amministratore)"),
    from: dateOnly.describe("Primo giorno del periodo (AAAA-MM-GG)"),
    to: dateOnly.describe("Ultimo giorno del periodo, compreso (AAAA-MM-GG)"),
  })
  .strict()
  // zod runs these even when a date failed: then the dates' own errors are enough.
  .refine((q) => !bothDates(q) || q.from <= q.to, { path: ["to"], message: "La fine del periodo precede l'inizio" })
  .refine((q) => !bothDates(q) || q.from > q.to || daysBetween(dayOf(q.from), dayOf(q.to)) + 1 <= MAX_PERIOD_DAYS, {
    path: ["to"],
    message: `Periodo troppo lungo: al massimo ${MAX_PERIOD_DAYS} giorni`,
  })
  .openapi("FiguresQuery");
export type FiguresQuery = z.infer<typeof figuresQuerySchema>;

// What the routes answer with (checked against every answer under the tests).

export const periodSchema = z.strictObject({ from: z.string(), to: z.string() });

export const shareSchema = z.strictObject({
  numerator: z.number(),
  denominator: z.number(),
  share: z.number().nullable(),
});

export const figuresSchema = z.strictObject({
  vacanciesReceived: z.number(),
  positionsRequested: z.number(),
  listsSent: z.number(),
  peopleHired: z.number(),
  congruaOffersMade: z.number(),
  congruaOffersRefusedJustified: z.number(),
  congruaOffersRefusedUnjustified: z.number(),
  conditionalityEventsOpened: z.number(),
  incomeSupportOffered: shareSchema,
});

export const figuresReportSchema = z.strictObject({
  period: periodSchema,
  rows: z.array(figuresSchema.extend({ cpiCode: z.string(), cpiName: z.string() })),
  total: figuresSchema,
});