import type { Listing } from "../auth/policies.js";
import type { DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { listingOf } from "./shortlist-policies.js";
import { OPEN_SHORTLIST_STATUSES } from "./shortlist-states.js";

/**
 * What others need to know about lists: who is already on a vacancy's list (excluded from its matches),
 * how often each person was put forward recently (near-ties go to the less proposed), and where a person
 * stands on open lists (who may read them).
 */

/** People on any not-yet-closed list of the vacancy, not removed from it. */
export async function candidatesOnVacancyLists(db: DbTx, vacancyId: string): Promise<Set<string>> {
  return (await candidatesOnListsOf(db, { vacancyId })).get(vacancyId) ?? new Set();
}

/**
 * The same for the vacancies of the lists `lists` selects (one vacancy, or every open one: a rematch
 * prepares thousands of offers), in one query, by vacancy id; a vacancy with nobody listed is absent.
 */
export async function candidatesOnListsOf(db: DbTx, lists: Prisma.ShortlistWhereInput): Promise<Map<string, Set<string>>> {
  const rows = await db.shortlistEntry.findMany({
    where: { removedAt: null, shortlist: { ...lists, status: { in: [...OPEN_SHORTLIST_STATUSES] } } },
    select: { candidateId: true, shortlist: { select: { vacancyId: true } } },
  });
  const byVacancy = new Map<string, Set<string>>();
  for (const r of rows) {
    const listed = byVacancy.get(r.shortlist.vacancyId) ?? new Set<string>();
    byVacancy.set(r.shortlist.vacancyId, listed.add(r.candidateId));
  }
  return byVacancy;
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
