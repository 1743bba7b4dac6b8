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

export const shortlistAddSchema = z
  .object({
    candidateId: id.describe("La persona da inserire"),
    reason: reason.describe("Perché la si inserisce a mano (obbligatorio)"),
  })
  .strict()
  .openapi("ShortlistAdd");
export type ShortlistAddInput = z.infer<typeof shortlistAddSchema>;

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
