import { refreshNavigatorItems } from "../../feed/refresh-navigator-items.js";
import type { JobHandler } from "../job-handler.js";
import { sendDigests } from "./send-digests.js";

/**
 * The daily run (18:00 Italian time): first the navigators' state items are brought up to date, so the
 * digest that follows lists the states found today; then one digest per tutor and navigator.
 */
export const digestsJob: JobHandler = async (ctx) => {
  const states = await refreshNavigatorItems(ctx);
  const digests = await sendDigests(ctx);
  return {
    counts: {
      stateItems: states.current,
      stateItemsAdded: states.added,
      stateItemsRemoved: states.removed,
      users: digests.users,
      digestsQueued: digests.queued,
      nothingNew: digests.nothingNew,
      alreadyQueued: digests.alreadyQueued,
      itemsListed: digests.items,
    },
  };
};
