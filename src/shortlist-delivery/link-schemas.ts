import { z } from "../validation/zod-setup.js";
import { email } from "../validation/common-schemas.js";
import { LINK_OUTCOMES } from "./act-through-link.js";
import { entryContactSchema, referentContactSchema } from "../shortlists/shortlist-schemas.js";

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

// What the routes answer with (checked against every answer under the tests).

export const shortlistLinkViewSchema = z.strictObject({
  id: z.string(),
  shortlistId: z.string(),
  recipientEmail: z.string().nullable(),
  state: z.enum(["attivo", "scaduto", "revocato"]),
  stateLabel: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdById: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedById: z.string().nullable(),
  lastOpenedAt: z.string().nullable(),
});

export const issuedLinkSchema = z.strictObject({ link: shortlistLinkViewSchema, url: z.string() });

export const linkListViewSchema = z.strictObject({
  shortlistId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  readOnly: z.boolean(),
  readOnlyMessage: z.string().nullable(),
  sentAt: z.string().nullable(),
  outcomeCheckDue: z.string().nullable(),
  declinedReason: z.string().nullable(),
  vacancy: z.strictObject({
    requestedProfile: z.string(),
    companyName: z.string(),
    positions: z.number(),
    workplace: z.string().nullable(),
    contractOffer: z.string().nullable(),
    cpi: z.string(),
  }),
  referent: referentContactSchema,
  people: z.array(z.strictObject({
    entryId: z.string(),
    name: z.string(),
    profile: z.strictObject({ availableFor: z.array(z.string()), education: z.string().nullable() }),
    experiences: z.array(z.strictObject({
      profileTitle: z.string(),
      sector: z.string().nullable(),
      from: z.string(),
      to: z.string().nullable(),
      relevant: z.boolean(),
    })),
    competences: z.array(z.string()),
    distanceBand: z.enum(["entro_10_km", "10_25_km", "25_50_km", "oltre_50_km"]).nullable(),
    distanceBandLabel: z.string().nullable(),
    contact: entryContactSchema,
    outcome: z.string().nullable(),
    outcomeLabel: z.string(),
  })),
  link: z.strictObject({ expiresAt: z.string() }),
});

export const listShortlistLinksResponseSchema = z.array(shortlistLinkViewSchema);