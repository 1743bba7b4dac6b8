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
 * A "coherent vacancy" offered to a person is either
 * - a congrua offer recorded for them whose stored verdict is congrua (every criterion passed on the
 *   day it was made), on its offer day, whichever CPI made it; or
 * - being sent to an employer on a list for a vacancy (the person's availability checked, the list
 *   built from the matching or by the referent with a reason), on the day the list was sent.
 * The figures (src/figures), the navigators' watch list (src/watch-list) and the record an erasure keeps
 * for the figures (erased-beneficiaries.ts) all count by this.
 */
async function readCoherentOffers(db: DbTx, offers: Prisma.CongruaOfferWhereInput, entries: Prisma.ShortlistEntryWhereInput): Promise<CoherentOffer[]> {
  const [congrua, sentEntries] = await Promise.all([
    db.congruaOffer.findMany({ where: { ...offers, verdict: CONGRUA_VERDICT }, select: { candidateId: true, offeredAt: true } }),
    db.shortlistEntry.findMany({ where: { ...entries, sentToEmployer: true }, select: { candidateId: true, shortlist: { select: { sentAt: true } } } }),
  ]);
  return [
    ...congrua.map((o) => ({ candidateId: o.candidateId, day: dayOf(o.offeredAt) })),
    ...sentEntries.map((e) => ({ candidateId: e.candidateId, day: dayOf(e.shortlist.sentAt!) })),
  ];
}

/**
 * The days on which people were offered a coherent vacancy, for instants in `instants`. Congrua offers are
 * read for everyone (they are few); list entries only for the people `listed` matches.
 */
export const loadCoherentOffers = (db: DbTx, instants: { gte: Date; lt: Date }, listed?: Prisma.CandidateWhereInput): Promise<CoherentOffer[]> =>
  readCoherentOffers(db, { offeredAt: instants }, { shortlist: { sentAt: instants }, candidate: listed });

/** Every day on which one person was offered a coherent vacancy. */
export const coherentOffersOf = (db: DbTx, candidateId: string): Promise<CoherentOffer[]> =>
  readCoherentOffers(db, { candidateId }, { candidateId, shortlist: { sentAt: { not: null } } });
