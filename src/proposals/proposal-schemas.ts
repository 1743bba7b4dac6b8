import { z } from "../validation/zod-setup.js";
import { pagination, queryBoolean, queryList } from "../validation/common-schemas.js";
import { exceptionFields, requireExceptionReason } from "../shortlists/shortlist-schemas.js";
import { codeOrLabel } from "./code-or-label.js";
import { DECLINE_REASON_LABELS, DECLINE_REASONS, NOTE_REQUIRED } from "./decline-reasons.js";
import { PROPOSAL_STATUS_LABELS, PROPOSAL_STATUSES } from "./proposal-states.js";

const id = z.string().min(1).max(64);

const note = z.string().trim().max(1000, "Nota troppo lunga: al massimo 1000 caratteri");

export const proposalParams = z.object({ id }).strict();

export const proposalCreateSchema = z
  .object({
    candidateId: id.describe("La persona proposta: dei propri CPI o del proprio portafoglio"),
    note: note.min(3, "Nota obbligatoria: perché la persona è adatta (almeno 3 caratteri)").describe("Perché la persona è adatta all'offerta"),
  })
  .strict()
  .openapi("ProposalCreate");
export type ProposalCreateInput = z.infer<typeof proposalCreateSchema>;

export const proposalAcceptSchema = z
  .object({ note: note.optional().describe("Nota per chi ha proposto la persona"), ...exceptionFields })
  .strict()
  .superRefine(requireExceptionReason)
  .openapi("ProposalAccept");
export type ProposalAcceptInput = z.infer<typeof proposalAcceptSchema>;

export const proposalDeclineSchema = z
  .object({
    reason: codeOrLabel(DECLINE_REASONS, DECLINE_REASON_LABELS, "Motivo del rifiuto"),
    note: note.optional().describe("Spiegazione per chi ha proposto la persona (obbligatoria con «altro»)"),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (NOTE_REQUIRED.includes(body.reason) && !body.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Con il motivo «altro» la nota è obbligatoria" });
    }
  })
  .openapi("ProposalDecline");
export type ProposalDeclineInput = z.infer<typeof proposalDeclineSchema>;

export const proposalWithdrawSchema = z.object({ note: note.optional() }).strict().openapi("ProposalWithdraw");

const statusFilter = queryList
  .pipe(z.array(codeOrLabel(PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, "Stato della segnalazione")))
  .optional()
  .describe("Stati, codice o etichetta (in_attesa, accettata, rifiutata, ritirata)");

export const vacancyProposalsQuery = z.object({ status: statusFilter }).strict().openapi("VacancyProposalsQuery");

export const proposalsQuery = z
  .object({
    mine: queryBoolean.optional().describe("true: le segnalazioni fatte da me; altrimenti, per un referente, quelle da esaminare sulle sue offerte"),
    status: statusFilter,
    vacancyId: id.optional(),
    ...pagination,
  })
  .strict()
  .openapi("ProposalsQuery");
export type ProposalsQuery = z.infer<typeof proposalsQuery>;

// What the routes answer with (checked against every answer under the tests).

export const vacancyRefSchema = z.strictObject({
  id: z.string(),
  requestedProfile: z.string(),
  companyName: z.string(),
  cpiCode: z.string(),
  status: z.string(),
});

export const personRefSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  cpi: z.strictObject({ name: z.string(), code: z.string() }),
});

export const proposalSummarySchema = z.strictObject({
  id: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  statusLabel: z.string().nullable(),
  vacancy: vacancyRefSchema,
  candidate: personRefSchema,
  note: z.string().nullable(),
  proposedBy: z.strictObject({ id: z.string(), name: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  decidedBy: z.strictObject({ id: z.string(), name: z.string().nullable() }).nullable(),
  decidedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  declineReasonLabel: z.string().nullable(),
  declineNote: z.string().nullable(),
});

export const listProposalsResponseSchema = z.strictObject({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(proposalSummarySchema),
});

export const listVacancyProposalsResponseSchema = z.strictObject({
  items: z.array(proposalSummarySchema),
  total: z.number(),
});

export const proposalViewSchema = proposalSummarySchema.extend({
  history: z.array(z.strictObject({
    at: z.string(),
    from: z.string().nullable(),
    fromLabel: z.string().nullable(),
    to: z.string(),
    toLabel: z.string().nullable(),
    reason: z.string().nullable(),
    reasonLabel: z.string().nullable(),
    note: z.string().nullable(),
    byUserId: z.string().nullable(),
    byUserName: z.string().nullable(),
  })),
});