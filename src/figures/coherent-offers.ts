import type { DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { dayOf, type Day } from "../deadlines/calendar-day.js";

/** The congrua verdict stored on an offer that the evaluator found congrua. */
const CONGRUA_VERDICT = "pass";

export interface CoherentOffer {
  candidateId: string;
  day: Day;
}

/**
 * The days on which people were offered a coherent vacancy, for instants in `instants`. A "coherent
 * vacancy" offered to a person is either
 * - a congrua offer recorded for them whose stored verdict is congrua (every criterion passed on the
 *   day it was made), on its offer day, whichever CPI made it; or
 * - being sent to an employer on a list for a vacancy (the person's availability checked, the list
 *   built from the matching or by the referent with a reason), on the day the list was sent.
 * Congrua offers are read for everyone (they are few); list entries only for the people `listed` matches.
 * The figures (src/figures) and the navigators' watch list (src/watch-list) both count by this.
 */
export async function loadCoherentOffers(db: DbTx, instants: { gte: Date; lt: Date }, listed?: Prisma.CandidateWhereInput): Promise<CoherentOffer[]> {
  const [offers, sentEntries] = await Promise.all([
    db.congruaOffer.findMany({ where: { verdict: CONGRUA_VERDICT, offeredAt: instants }, select: { candidateId: true, offeredAt: true } }),
    db.shortlistEntry.findMany({
      where: { sentToEmployer: true, shortlist: { sentAt: instants }, candidate: listed },
      select: { candidateId: true, shortlist: { select: { sentAt: true } } },
    }),
  ]);
  return [
    ...offers.map((o) => ({ candidateId: o.candidateId, day: dayOf(o.offeredAt) })),
    ...sentEntries.map((e) => ({ candidateId: e.candidateId, day: dayOf(e.shortlist.sentAt!) })),
  ];
}
