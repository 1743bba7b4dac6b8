import { onEvent } from "../events/handler-registry.js";
import { emailDeadlineReminder, emailNewProposal, emailProposalDecision, emailShortlistSent } from "./email-handlers.js";

/** Subscribes the e-mails of the outbox to the events that cause them. */
export function registerEmailHandlers(): void {
  onEvent("proposal.created", emailNewProposal);
  onEvent("proposal.decided", emailProposalDecision);
  onEvent("shortlist.sent", emailShortlistSent);
  onEvent("deadline.reminder", emailDeadlineReminder);
}
