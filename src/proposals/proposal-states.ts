import { stateMachine, type TransitionTable } from "../shortlists/shortlist-states.js";

/**
 * The life of a proposal ("segnalazione"), a transition table tested as a table: it waits for the
 * vacancy's referent, who accepts it (the person enters the list) or declines it with a reason; the
 * proposer may withdraw it while it waits. Every decision is final: a new thought is a new conversation
 * with the referent, and there is one proposal per person and vacancy.
 */
export const PROPOSAL_STATUSES = ["in_attesa", "accettata", "rifiutata", "ritirata"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  in_attesa: "In attesa del referente",
  accettata: "Accettata: la persona è nella rosa",
  rifiutata: "Rifiutata dal referente",
  ritirata: "Ritirata da chi l'ha proposta",
};

const PROPOSAL_TRANSITIONS: TransitionTable<ProposalStatus> = {
  in_attesa: ["accettata", "rifiutata", "ritirata"],
  accettata: [],
  rifiutata: [],
  ritirata: [],
};

export const proposalStatusMachine = stateMachine(PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, PROPOSAL_TRANSITIONS);

/** The states that are the referent's decision (told to the proposer by `proposal.decided`). */
export const DECISIONS: readonly ProposalStatus[] = ["accettata", "rifiutata"];
