import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import type { DbTx } from "../db/client.js";

/**
 * A person's congrua offers are seen and changed by the operators who may read the person. The offer
 * outlives the person's erasure: then the operators of the offer's CPI (the person's CPI when it was made).
 * Returns whether the person still exists.
 */
export async function assertCanReachOfferPerson(db: DbTx, actor: Actor, offer: { candidateId: string; cpiCode: string }): Promise<boolean> {
  const person = await db.candidate.findUnique({ where: { id: offer.candidateId }, select: { cpiCode: true, tutorId: true } });
  assertAllowed(canReadCandidate(actor, person ?? { cpiCode: offer.cpiCode, tutorId: null }));
  return person !== null;
}
