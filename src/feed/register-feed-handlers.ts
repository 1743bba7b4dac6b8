import { onEvent } from "../events/handler-registry.js";
import { feedDeadlineReminder, feedNewProposal, feedProposalDecision } from "./feed-handlers.js";

/** Subscribes the users' feeds to the events that write items in them. */
export function registerFeedHandlers(): void {
  onEvent("proposal.created", feedNewProposal);
  onEvent("proposal.decided", feedProposalDecision);
  onEvent("deadline.reminder", feedDeadlineReminder);
}
