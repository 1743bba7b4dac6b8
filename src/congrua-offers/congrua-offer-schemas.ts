import { z } from "../validation/zod-setup.js";
import { companyTaxCode, dateOnly, longText, pagination, shortText } from "../validation/common-schemas.js";
import { isoDay } from "../congrua/months.js";
import { dayOf } from "../deadlines/calendar-day.js";
import { parseContractOffer } from "../imports/parse-contract-offer.js";
import { CONTRACT_TYPES } from "../vacancies/vacancy-schemas.js";
import { vacancyTermsProblems } from "../vacancies/vacancy-terms.js";
import { ANSWERED_OUTCOMES, OFFER_CHANNELS, REFUSAL_REASONS } from "./congrua-offer-states.js";
import { conditionalityEventViewSchema } from "../conditionality/conditionality-schemas.js";

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

// What the routes answer with (checked against every answer under the tests).

export const evaluatedRuleSetSchema = z.strictObject({
  id: z.string(),
  version: z.number(),
  label: z.string(),
  legalSource: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});

export const criterionResultSchema = z.strictObject({
  criterion: z.enum(["distance", "hours", "profile_coherence", "contract", "pay_above_benefit", "pay_ccnl_minimum", "pay_minimum", "offer_statements", "congruity_removed", "l68_other_criteria"]),
  verdict: z.enum(["unknown", "pass", "fail"]),
  reason: z.string(),
  toConfirm: z.literal(true).optional(),
});

export const congruaEvaluationSchema = z.strictObject({
  ruleSet: evaluatedRuleSetSchema,
  programme: z.enum(["NASPI", "DISCOLL", "ADR", "RDC", "ADI", "SFL", "GOL", "L68"]),
  monthsUnemployed: z.number().nullable(),
  band: z.strictObject({ id: z.string(), label: z.string() }).nullable(),
  criteria: z.array(criterionResultSchema),
  verdict: z.enum(["unknown", "pass", "fail"]),
  refusalConsequence: z.string(),
  notes: z.array(z.string()),
  toConfirm: z.literal(true).optional(),
});

export const offerTermsSchema = z.strictObject({
  source: z.enum(["vetrina", "esterna"]),
  profile: z.string(),
  profileCode: z.string().nullable(),
  employerName: z.string(),
  companyTaxCode: z.string().nullable(),
  workplace: z.strictObject({ istatCode: z.string(), name: z.string(), provinceAcronym: z.string() }).nullable(),
  contractType: z.enum(["permanent", "fixed_term", "agency", "apprenticeship", "internship", "occasional", "self_employed", "collaboration"]).nullable(),
  contractMonths: z.number().nullable(),
  hoursPerWeek: z.number().nullable(),
  grossMonthlyPay: z.number().nullable(),
  ccnl: z.string().nullable(),
  competencesText: z.string().nullable(),
});

export const ruleSetVersionSchema = z.strictObject({ id: z.string(), version: z.number(), programme: z.string() });

export const congruaOfferViewSchema = z.strictObject({
  id: z.string(),
  candidateId: z.string(),
  cpiCode: z.string(),
  vacancyId: z.string().nullable(),
  shortlistEntryId: z.string().nullable(),
  terms: offerTermsSchema,
  offeredAt: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  offerNumber: z.number().nullable(),
  congrua: z.strictObject({
    ruleSets: z.array(ruleSetVersionSchema),
    verdict: z.enum(["unknown", "pass", "fail", "not_applicable"]),
    verdictLabel: z.string(),
    evaluatedOn: z.string(),
    evaluations: z.array(congruaEvaluationSchema),
    registeredL68: z.boolean(),
  }),
  outcome: z.enum(["in_attesa", "accettata", "rifiutata_giustificata", "rifiutata_senza_motivo", "non_presentata"]),
  outcomeLabel: z.string(),
  refusalReason: z.string().nullable(),
  refusalReasonLabel: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  nextOutcomes: z.array(z.strictObject({
    outcome: z.enum(["in_attesa", "accettata", "rifiutata_giustificata", "rifiutata_senza_motivo", "non_presentata"]),
    label: z.string(),
  })),
  history: z.array(z.strictObject({
    from: z.string().nullable(),
    fromLabel: z.string().nullable(),
    to: z.string(),
    toLabel: z.string(),
    reason: z.string().nullable(),
    reasonLabel: z.string().nullable(),
    note: z.string().nullable(),
    byUserId: z.string().nullable(),
    byUserName: z.string().nullable(),
    at: z.string(),
  })),
  conditionalityEvents: z.array(conditionalityEventViewSchema),
  createdById: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const listCandidateCongruaOffersResponseSchema = z.strictObject({
  candidateId: z.string(),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(congruaOfferViewSchema),
});