import type { DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { TO_REPORT } from "../conditionality/reportable-events.js";
import { INCOME_SUPPORT_PROGRAMMES } from "../figures/figure-facts.js";
import { OPEN_SHORTLIST_STATUSES } from "../shortlists/shortlist-states.js";
import { retentionCutoffs, type RetentionRules } from "./retention-rules.js";

/** What a retention run would remove, by kind and count; the ids stay in memory and out of every report. */
export interface RetentionPlan {
  peopleIds: string[];
  counts: {
    /** People whose period ended and who are erased. */
    people: number;
    /** Of those, people in RdC, ADI or SFL: their erasure keeps an anonymous record for the figures. */
    peopleWithFigureRecords: number;
    /** Past their period but kept: a conditionality event still to report to ANPAL and INPS (erasure waits for it). */
    peopleKeptForReporting: number;
    auditEntries: number;
    deliveryLinks: number;
  };
}

/**
 * People past their period: registered, changed and declared available before the cut-off, no programme open
 * or ended since, no place on an open list nor one added since, no proposal, congrua offer or conditionality
 * event since.
 */
function inactiveSince(cutoff: Date): Prisma.CandidateWhereInput {
  return {
    createdAt: { lt: cutoff },
    updatedAt: { lt: cutoff },
    OR: [{ availabilityDeclaredAt: null }, { availabilityDeclaredAt: { lt: cutoff } }],
    programmes: { none: { OR: [{ endDate: null }, { endDate: { gte: cutoff } }, { startDate: { gte: cutoff } }] } },
    shortlistEntries: { none: { OR: [{ shortlist: { status: { in: [...OPEN_SHORTLIST_STATUSES] } } }, { addedAt: { gte: cutoff } }] } },
    proposals: { none: { updatedAt: { gte: cutoff } } },
  };
}

/** People read per page: Prisma loads their programmes, and this their offers and events, with IN lists of their ids. */
const PAGE = 500;

interface ExpiredPerson {
  id: string;
  incomeSupport: boolean;
  /** A conditionality event still to report to ANPAL and INPS: the erasure waits. */
  awaitingReport: boolean;
}

/** The people whose period ended, page by page (by id), each with what decides how they are erased. */
async function expiredPeople(db: DbTx, cutoff: Date): Promise<ExpiredPerson[]> {
  const expired: ExpiredPerson[] = [];
  for (let afterId: string | undefined; ; ) {
    const page = await db.candidate.findMany({
      where: { ...inactiveSince(cutoff), ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true, programmes: { where: { programme: { in: [...INCOME_SUPPORT_PROGRAMMES] } }, select: { id: true }, take: 1 } },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    const ids = page.map((c) => c.id);
    // Facts that name the person by id without a relation: read for this page's people only.
    const [recentOffers, events] = await Promise.all([
      db.congruaOffer.findMany({ where: { candidateId: { in: ids }, OR: [{ offeredAt: { gte: cutoff } }, { updatedAt: { gte: cutoff } }] }, select: { candidateId: true } }),
      db.conditionalityEvent.findMany({ where: { candidateId: { in: ids }, OR: [{ occurredAt: { gte: cutoff } }, { ...TO_REPORT, reportedAt: null }] }, select: { candidateId: true, occurredAt: true, reportedAt: true, programme: true } }),
    ]);
    const active = new Set([...recentOffers.map((o) => o.candidateId), ...events.filter((e) => e.occurredAt >= cutoff).map((e) => e.candidateId)]);
    const awaitingReport = new Set(events.filter((e) => e.programme !== null && e.reportedAt === null).map((e) => e.candidateId));
    for (const c of page) if (!active.has(c.id)) expired.push({ id: c.id, incomeSupport: c.programmes.length > 0, awaitingReport: awaitingReport.has(c.id) });
    if (page.length < PAGE) return expired;
    afterId = page.at(-1)!.id;
  }
}

export async function planRetention(db: DbTx, rules: RetentionRules, now: Date): Promise<RetentionPlan> {
  const cutoff = retentionCutoffs(rules, now);
  const expired = await expiredPeople(db, cutoff.people);
  const erased = expired.filter((c) => !c.awaitingReport);
  const [auditEntries, deliveryLinks] = await Promise.all([
    db.auditLog.count({ where: { at: { lt: cutoff.audit } } }),
    db.shortlistLink.count({ where: { expiresAt: { lt: cutoff.links } } }),
  ]);
  return {
    peopleIds: erased.map((c) => c.id),
    counts: {
      people: erased.length,
      peopleWithFigureRecords: erased.filter((c) => c.incomeSupport).length,
      peopleKeptForReporting: expired.length - erased.length,
      auditEntries,
      deliveryLinks,
    },
  };
}
