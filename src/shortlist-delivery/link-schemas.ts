import { z } from "../validation/zod-setup.js";
import { email } from "../validation/common-schemas.js";
import { LINK_OUTCOMES } from "./act-through-link.js";

const id = z.string().min(1).max(64);
/** Any string up to the length of a token: a malformed one is as unknown as a wrong one (same 404). */
const token = z.string().min(1).max(200);

export const linkIdParams = z.object({ id }).strict();
export const linkTokenParams = z.object({ token }).strict();
export const linkEntryParams = z.object({ token, entryId: id }).strict();

export const linkIssueSchema = z
  .object({ recipientEmail: email.describe("A chi si dà il collegamento (il referente aziendale)") })
  .strict()
  .openapi("ShortlistLinkIssue");

export const linkRevokeSchema = z.object({}).strict().openapi("ShortlistLinkRevoke");

export const linkOutcomeSchema = z
  .object({
    outcome: z.enum(LINK_OUTCOMES, { error: `Esito: uno fra ${LINK_OUTCOMES.join(", ")}` }).describe("Colloquio svolto, assunta/o, non selezionata/o, ritirata/o"),
    note: z.string().trim().max(1000, "Nota troppo lunga: al massimo 1000 caratteri").optional(),
  })
  .strict()
  .openapi("ShortlistLinkOutcome");
