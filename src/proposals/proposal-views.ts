import { DECLINE_REASON_LABELS, type DeclineReason } from "./decline-reasons.js";
import type { ProposalRecord } from "./proposal-repository.js";
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from "./proposal-states.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const statusLabel = (s: string | null) => (s ? (PROPOSAL_STATUS_LABELS[s as ProposalStatus] ?? s) : null);
const reasonLabel = (r: string | null) => (r ? (DECLINE_REASON_LABELS[r as DeclineReason] ?? r) : null);
const user = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? null } : null);

/** A proposal as the proposer and the referent read it: the decision and its reason, in Italian too. */
export function toProposalView(p: ProposalRecord, names: Map<string, string>) {
  return {
    id: p.id,
    status: p.status,
    statusLabel: statusLabel(p.status),
    vacancy: { id: p.vacancy.id, requestedProfile: p.vacancy.requestedProfile, companyName: p.vacancy.companyName, cpiCode: p.vacancy.cpiCode, status: p.vacancy.status },
    candidate: { id: p.candidate.id, name: `${p.candidate.firstName} ${p.candidate.lastName}`, cpi: p.candidate.cpi },
    note: p.note,
    proposedBy: user(p.proposedById, names),
    createdAt: p.createdAt.toISOString(),
    decidedBy: user(p.decidedById, names),
    decidedAt: iso(p.decidedAt),
    declineReason: p.declineReason,
    declineReasonLabel: reasonLabel(p.declineReason),
    declineNote: p.declineNote,
  };
}
export type ProposalView = ReturnType<typeof toProposalView>;

/** With its history: every change of state, who, when, why. */
export function toProposalDetailView(p: ProposalRecord, names: Map<string, string>) {
  return {
    ...toProposalView(p, names),
    history: p.history.map((h) => ({
      at: h.at.toISOString(),
      from: h.fromState,
      fromLabel: statusLabel(h.fromState),
      to: h.toState,
      toLabel: statusLabel(h.toState),
      reason: h.reason,
      reasonLabel: reasonLabel(h.reason),
      note: h.note,
      byUserId: h.byUserId,
      byUserName: h.byUserId ? (names.get(h.byUserId) ?? null) : "Vetrina (sistema)",
    })),
  };
}
export type ProposalDetailView = ReturnType<typeof toProposalDetailView>;
