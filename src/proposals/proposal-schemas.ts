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
