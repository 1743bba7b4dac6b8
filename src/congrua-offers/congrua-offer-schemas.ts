import { z } from "../validation/zod-setup.js";
import { companyTaxCode, dateOnly, longText, pagination, shortText } from "../validation/common-schemas.js";
import { isoDay } from "../congrua/months.js";
import { dayOf } from "../deadlines/calendar-day.js";
import { parseContractOffer } from "../imports/parse-contract-offer.js";
import { CONTRACT_TYPES } from "../vacancies/vacancy-schemas.js";
import { vacancyTermsProblems } from "../vacancies/vacancy-terms.js";
import { ANSWERED_OUTCOMES, OFFER_CHANNELS, REFUSAL_REASONS } from "./congrua-offer-states.js";

/** The day the offer was made: a past or present day, never a future one. */
const offerDay = dateOnly.refine((d) => isoDay(d) <= dayOf(new Date()), "La data dell'offerta non può essere nel futuro");

/** A contract type by code ("fixed_term") or as people write it ("tempo determinato", "somministrazione"). */
const contractType = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .transform((text, ctx) => {
    const code = (CONTRACT_TYPES as readonly string[]).includes(text) ? (text as (typeof CONTRACT_TYPES)[number]) : parseContractOffer(text).contractType;
    if (code) return code;
    ctx.addIssue({ code: "custom", message: `Tipo di contratto sconosciuto: un codice (${CONTRACT_TYPES.join(", ")}) o una dicitura come «tempo determinato»` });
    return z.NEVER;
  })
  .openapi({ type: "string", example: "tempo determinato" });

export const externalTermsSchema = z
  .object({
    profile: shortText.describe("Profilo offerto (mansione)"),
    profileCode: z.string().regex(/^[\d.]+$/, "Codice CP2011/ISCO: cifre e punti").max(20).optional(),
    employerName: shortText.describe("Nome dell'azienda"),
    companyTaxCode: companyTaxCode.optional(),
    workplaceComune: z.string().trim().min(1).max(120).describe("Comune della sede di lavoro: nome («Moncalieri», «Calliano (TN)») o codice ISTAT"),
    contractType: contractType.optional().describe("Tipo di contratto: codice o dicitura («tempo determinato»)"),
    contractMonths: z.number().int().min(1).max(120).optional(),
    hoursPerWeek: z.number().min(1).max(60).optional(),
    grossMonthlyPay: z.number().min(0).max(100000).optional().describe("Retribuzione lorda mensile"),
    ccnl: shortText.optional().describe("Contratto collettivo applicato"),
    competencesText: longText.optional().describe("Mansioni e requisiti, come la colonna «Competenze – requisiti»"),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const p of vacancyTermsProblems({ arrivalDate: new Date(0), contractType: t.contractType, contractMonths: t.contractMonths })) {
      ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
    }
  })
  .openapi("ExternalOfferTerms");
export type ExternalTermsInput = z.infer<typeof externalTermsSchema>;

const offerNumber = z.number().int().min(1).max(99).optional().describe("1ª, 2ª, 3ª… offerta fatta alla persona per lo stesso beneficio (regole RdC)");
const channel = z.enum(OFFER_CHANNELS).describe("Canale con cui l'offerta è stata fatta");

export const recordOfferSchema = z
  .object({
    vacancyId: z.string().min(1).max(64).optional().describe("Offerta della vetrina"),
    terms: externalTermsSchema.optional().describe("Offerta esterna alla vetrina, descritta dalle sue condizioni"),
    offeredAt: offerDay.describe("Giorno dell'offerta"),
    channel,
    offerNumber,
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.vacancyId === undefined) === (b.terms === undefined)) {
      ctx.addIssue({ code: "custom", path: ["vacancyId"], message: "Indicare l'offerta della vetrina (vacancyId) oppure le condizioni di un'offerta esterna (terms), non entrambe" });
    }
  })
  .openapi("CongruaOfferRecord");
export type RecordOfferInput = z.infer<typeof recordOfferSchema>;

export const offerFromListEntrySchema = z
  .object({ offeredAt: offerDay.optional().describe("Giorno dell'offerta; oggi se assente"), channel, offerNumber })
  .strict()
  .openapi("CongruaOfferFromListEntry");
export type OfferFromListEntryInput = z.infer<typeof offerFromListEntrySchema>;

export const offerOutcomeSchema = z
  .object({
    outcome: z.enum(ANSWERED_OUTCOMES).describe("Esito: ogni offerta parte «in attesa»"),
    refusalReason: z.enum(REFUSAL_REASONS).optional().describe("Giustificato motivo riconosciuto (solo per rifiutata_giustificata)"),
    note: longText.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.outcome === "rifiutata_giustificata" && !b.refusalReason) {
      ctx.addIssue({ code: "custom", path: ["refusalReason"], message: "Per un rifiuto giustificato indicare il motivo riconosciuto" });
    }
    if (b.outcome !== "rifiutata_giustificata" && b.refusalReason) {
      ctx.addIssue({ code: "custom", path: ["refusalReason"], message: "Il motivo si indica solo per un rifiuto giustificato" });
    }
  })
  .openapi("CongruaOfferOutcome");
export type OfferOutcomeInput = z.infer<typeof offerOutcomeSchema>;

export const offerListQuerySchema = z.object({ ...pagination }).strict().openapi("CongruaOfferListQuery");
export type OfferListQuery = z.infer<typeof offerListQuerySchema>;
