import type { DbTx } from "../db/client.js";

/**
 * When a person is erased: the feed items about them (a match, a proposal, a beneficiary waiting for an offer)
 * speak of nobody any more and go with them. Returns how many.
 */
export async function eraseFeedItemsOf(tx: DbTx, candidateId: string): Promise<number> {
  return (await tx.feedItem.deleteMany({ where: { candidateId } })).count;
}
