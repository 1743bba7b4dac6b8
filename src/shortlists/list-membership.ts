import type { Listing } from "../auth/policies.js";
import type { DbTx } from "../db/client.js";
import { listingOf } from "./shortlist-policies.js";
import { OPEN_SHORTLIST_STATUSES } from "./shortlist-states.js";

/**
 * What others need to know about lists: who is already on a vacancy's list (excluded from its matches),
 * how often each person was put forward recently (near-ties go to the less proposed), and where a person
 * stands on open lists (who may read them).
 */

/** People on any not-yet-closed list of the vacancy, not removed from it. */
export async function candidatesOnVacancyLists(db: DbTx, vacancyId: string): Promise<Set<string>> {
  const rows = await db.shortlistEntry.findMany({
    where: { removedAt: null, shortlist: { vacancyId, status: { in: ["draft", "sent"] } } },
    select: { candidateId: true },
  });
  return new Set(rows.map((r) => r.candidateId));
}

/** For each person, the lists sent to employers with them on it since the given day. */
export async function recentListCounts(db: DbTx, candidateIds: string[], since: Date): Promise<Map<string, number>> {
  if (candidateIds.length === 0) return new Map();
  const rows = await db.shortlistEntry.groupBy({
    by: ["candidateId"],
    where: { candidateId: { in: candidateIds }, sentToEmployer: true, shortlist: { sentAt: { gte: since } } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.candidateId, r._count._all]));
}

/** The person's places on open lists (not removed), as the access rules read them (GET /candidates/:id). */
export async function openListingsOf(db: DbTx, candidateId: string): Promise<Listing[]> {
  const rows = await db.shortlistEntry.findMany({
    where: { candidateId, removedAt: null, shortlist: { status: { in: [...OPEN_SHORTLIST_STATUSES] } } },
    select: { source: true, removedAt: true, shortlist: { select: { status: true, vacancy: { select: { cpiCode: true } } } } },
  });
  return rows.map((r) => listingOf(r.shortlist.vacancy, r.shortlist, r));
}
