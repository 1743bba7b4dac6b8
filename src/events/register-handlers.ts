import { followOfferOutcome } from "../conditionality/follow-offer-outcome.js";
import { registerEmailHandlers } from "../email/register-email-handlers.js";
import { registerFeedHandlers } from "../feed/register-feed-handlers.js";
import { applyEventsToEmbeddedIndex } from "../indexing/embedded-index-sync.js";
import { declineProposalsOfClosedVacancy } from "../proposals/decline-proposals-of-closed-vacancy.js";
import { closeListsOfClosedVacancy } from "../shortlists/close-lists-of-closed-vacancy.js";
import { followOutcomeRecorded, followShortlistBuilt, followShortlistDeclined, followShortlistSent } from "../vacancies/follow-shortlists.js";
import { onEvent, onEvents } from "./handler-registry.js";

let registered = false;

/**
 * The one place where capabilities subscribe to each other's events (in-transaction reactions), so
 * neither imports the other's use-cases. Idempotent; appendEvents calls it before the first handler runs.
 */
export function registerEventHandlers(): void {
  if (registered) return;
  registered = true;
  onEvent("vacancy.status_changed", closeListsOfClosedVacancy);
  onEvent("vacancy.status_changed", declineProposalsOfClosedVacancy);
  onEvent("shortlist.built", followShortlistBuilt);
  onEvent("shortlist.sent", followShortlistSent);
  onEvent("shortlist.declined", followShortlistDeclined);
  onEvent("shortlist.outcome_recorded", followOutcomeRecorded);
  onEvent("congrua_offer.outcome_recorded", followOfferOutcome);
  registerEmailHandlers();
  registerFeedHandlers();
  // Once per batch, after the reactions to each event have changed the store.
  onEvents(applyEventsToEmbeddedIndex);
}
