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
