import { z } from "../validation/zod-setup.js";
import { CONTACT_STATUSES, OUTCOMES } from "./shortlist-states.js";

const id = z.string().min(1).max(64);

const reason = z
  .string({ error: "Motivo obbligatorio" })
  .trim()
  .min(3, "Motivo obbligatorio: almeno 3 caratteri")
  .max(1000, "Motivo troppo lungo: al massimo 1000 caratteri");

const note = z.string().trim().max(1000, "Nota troppo lunga: al massimo 1000 caratteri").optional();

/** Build and send take no fields: anything sent is refused rather than silently ignored. */
export const shortlistNoBody = z.object({}).strict().openapi("ShortlistNoBody");

export const shortlistEntryParams = z.object({ id, candidateId: id }).strict();

/** A person a hard constraint excludes goes on a list only when the referent confirms, with a reason. */
export const exceptionFields = {
  confirmException: z.boolean().optional().describe("true per inserire comunque una persona esclusa da un vincolo (patente, distanza, L. 68)"),
  exceptionReason: reason.optional().describe("Motivo dell'eccezione (obbligatorio con confirmException)"),
};

/** confirmException and exceptionReason go together: one without the other is refused, naming the missing one. */
export function requireExceptionReason(body: { confirmException?: boolean | undefined; exceptionReason?: string | undefined }, ctx: z.RefinementCtx): void {
  if (body.confirmException === true && body.exceptionReason === undefined) {
    ctx.addIssue({ code: "custom", path: ["exceptionReason"], message: "Motivo dell'eccezione obbligatorio quando si conferma l'eccezione" });
  }
  if (body.confirmException !== true && body.exceptionReason !== undefined) {
    ctx.addIssue({ code: "custom", path: ["confirmException"], message: "Indicare confirmException: true per confermare l'eccezione" });
  }
}

export const shortlistAddSchema = z
  .object({
    candidateId: id.describe("La persona da inserire"),
    reason: reason.describe("Perché la si inserisce a mano (obbligatorio)"),
    ...exceptionFields,
  })
  .strict()
  .superRefine(requireExceptionReason)
  .openapi("ShortlistAdd");
export type ShortlistAddInput = z.infer<typeof shortlistAddSchema>;

export const shortlistDeclineSchema = z
  .object({ reason: reason.describe("Perché l'azienda rifiuta la rosa (resta nella storia; l'offerta torna in preselezione)") })
  .strict()
  .openapi("ShortlistDecline");

export const shortlistRemoveSchema = z
  .object({ reason: reason.describe("Perché la si toglie (resta nella storia)") })
  .strict()
  .openapi("ShortlistRemove");

export const shortlistContactSchema = z
  .object({
    status: z
      .enum(CONTACT_STATUSES, { error: `Esito del contatto: uno fra ${CONTACT_STATUSES.join(", ")}` })
      .describe("Esito del contatto; to_contact per riprovare"),
    note,
  })
  .strict()
  .openapi("ShortlistContact");

export const shortlistOutcomeSchema = z
  .object({
    outcome: z.enum(OUTCOMES, { error: `Esito: uno fra ${OUTCOMES.join(", ")}` }).describe("Esito comunicato dall'azienda"),
    note,
  })
  .strict()
  .openapi("ShortlistOutcome");

// What the routes answer with (checked against every answer under the tests).

export const declineResultSchema = z.strictObject({
  shortlistId: z.string(),
  status: z.literal("closed"),
  statusLabel: z.string(),
  declinedAt: z.string(),
  declinedReason: z.string(),
  vacancy: z.strictObject({ id: z.string(), status: z.string(), statusLabel: z.string() }),
});

export const entryContactSchema = z.union([
  z.strictObject({
    via: z.literal("candidate"),
    label: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  z.strictObject({
    via: z.literal("cpi_referent"),
    label: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    cpi: z.string(),
  }),
]);

export const exclusionSchema = z.strictObject({
  code: z.enum(["not_available", "already_hired", "already_on_list", "missing_licence", "missing_language", "beyond_travel", "reserved_l68", "under_age", "vacancy_closed"]),
  reason: z.string(),
});

export const exclusionGroupSchema = z.strictObject({
  label: z.string(),
  exclusions: z.array(exclusionSchema),
  reason: z.string().nullable(),
});

export const shortlistEventViewSchema = z.strictObject({
  id: z.string(),
  shortlistId: z.string(),
  at: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  candidateId: z.string().nullable(),
  from: z.string().nullable(),
  fromLabel: z.string().nullable(),
  to: z.string().nullable(),
  toLabel: z.string().nullable(),
  reason: z.string().nullable(),
  byUserId: z.string().nullable(),
  byUserName: z.string().nullable(),
});

export const getShortlistHistoryResponseSchema = z.array(shortlistEventViewSchema);

export const shortlistCountsSchema = z.strictObject({
  onList: z.number(),
  available: z.number(),
  sentToEmployer: z.number(),
  removed: z.number(),
});

/** What every entry of a list says; the variants differ in what the caller may see of the person. */
export const shortlistEntryBaseSchema = z.strictObject({
  shareContactsConsent: z.boolean(),
  availability: z.string(),
  availabilityLabel: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  score: z.number().nullable(),
  reasons: z.array(z.string()),
  reason: z.string().nullable(),
  exception: exclusionGroupSchema.nullable(),
  proposalId: z.string().nullable(),
  contactStatus: z.string(),
  contactStatusLabel: z.string(),
  sentToEmployer: z.boolean(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  removed: z.boolean(),
  removedAt: z.string().nullable(),
  removedReason: z.string().nullable(),
  addedAt: z.string(),
  addedById: z.string().nullable(),
  candidateId: z.string(),
  name: z.string(),
  comune: z.string(),
  cpiCode: z.string(),
  cpi: z.strictObject({ name: z.string(), code: z.string() }),
  tutor: z.strictObject({ name: z.string(), id: z.string() }).nullable(),
});

export const shortlistEntryViewSchema = z.union([
  shortlistEntryBaseSchema.extend({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    contactsWithheld: z.null(),
  }),
  shortlistEntryBaseSchema.extend({ contactsWithheld: z.string() }),
  shortlistEntryBaseSchema,
]);

export const shortlistViewSchema = z.strictObject({
  counts: shortlistCountsSchema,
  entries: z.array(shortlistEntryViewSchema),
  id: z.string(),
  vacancyId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  cap: z.number(),
  createdAt: z.string(),
  createdById: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentById: z.string().nullable(),
  outcomeCheckDue: z.string().nullable(),
  outcomeCheckOverdue: z.boolean(),
  declinedAt: z.string().nullable(),
  declinedReason: z.string().nullable(),
});
export const operatorShortlistReadSchema = shortlistViewSchema.extend({ history: z.array(shortlistEventViewSchema) });

export const getShortlistResponseSchema = z.union([
  z.strictObject({
    id: z.string(),
    vacancyId: z.string(),
    requestedProfile: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    sentAt: z.string().nullable(),
    outcomeCheckDue: z.string().nullable(),
    entries: z.array(z.strictObject({
      candidateId: z.string(),
      name: z.string(),
      comune: z.string(),
      contact: entryContactSchema,
      outcome: z.string().nullable(),
      outcomeLabel: z.string(),
    })),
  }),
  operatorShortlistReadSchema,
]);

export const outcomeResultSchema = z.strictObject({
  shortlistId: z.string(),
  candidateId: z.string(),
  outcome: z.enum(["interviewed", "hired", "not_selected", "withdrew", "no_show"]),
  outcomeLabel: z.string(),
  availability: z.string(),
});

export const referentContactSchema = z.strictObject({
  name: z.string().nullable(),
  email: z.string().nullable(),
  cpi: z.string(),
});

