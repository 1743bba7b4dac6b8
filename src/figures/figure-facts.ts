import type { DbTx } from "../db/client.js";
import { addDays, dayDate, dayOf } from "../deadlines/calendar-day.js";
import type { FigureFacts, Period } from "./count-figures.js";

/** The programmes of the Emilia-Romagna target: minimum income (RdC) and its successors (ADI, SFL). */
export const INCOME_SUPPORT_PROGRAMMES = ["RDC", "ADI", "SFL"] as const;

/** The congrua verdict stored on an offer that the evaluator found congrua. */
const CONGRUA_VERDICT = "pass";

/**
 * Reads the facts the figures of a period count, for the given CPIs or every CPI (null). Instants are
 * read over a day more on each side (Italian days start an hour or two before UTC ones) and turned into
 * Italian days; the exact period is applied by countFigures.
 *
 * A "coherent vacancy" offered to a person is either
 * - a congrua offer recorded for them whose stored verdict is congrua (every criterion passed on the
 *   day it was made), on its offer day, whichever CPI made it; or
 * - being sent to an employer on a list for a vacancy (the person's availability checked, the list
 *   built from the matching or by the referent with a reason), on the day the list was sent.
 */
export async function loadFigureFacts(db: DbTx, cpiCodes: readonly string[] | null, period: Period): Promise<FigureFacts> {
  const cpi = cpiCodes ? { in: [...cpiCodes] } : undefined;
  const instants = { gte: dayDate(addDays(period.from, -1)), lt: dayDate(addDays(period.to, 2)) };
  const days = { gte: dayDate(period.from), lte: dayDate(period.to) };
  const inIncomeSupport = { programmes: { some: { programme: { in: [...INCOME_SUPPORT_PROGRAMMES] }, startDate: { lte: days.lte }, OR: [{ endDate: null }, { endDate: { gte: days.gte } }] } } };

  const [vacancies, lists, hires, offers, events, people, coherentOffers, sentEntries] = await Promise.all([
    db.vacancy.findMany({ where: { cpiCode: cpi, arrivalDate: days }, select: { cpiCode: true, arrivalDate: true, positions: true } }),
    db.shortlist.findMany({ where: { sentAt: instants, vacancy: { cpiCode: cpi } }, select: { id: true, sentAt: true, vacancy: { select: { cpiCode: true } } } }),
    // The list's own record of each hire: it names the person by id, so a hire still counts after an erasure.
    db.shortlistEvent.findMany({ where: { type: "outcome", toValue: "hired", shortlist: { sentAt: instants, vacancy: { cpiCode: cpi } } }, select: { shortlistId: true, candidateId: true } }),
    db.congruaOffer.findMany({ where: { cpiCode: cpi, offeredAt: instants }, select: { cpiCode: true, offeredAt: true, outcome: true } }),
    db.conditionalityEvent.findMany({ where: { cpiCode: cpi, occurredAt: instants }, select: { cpiCode: true, occurredAt: true } }),
    db.candidate.findMany({
      where: { cpiCode: cpi, ...inIncomeSupport },
      select: { id: true, cpiCode: true, programmes: { where: { programme: { in: [...INCOME_SUPPORT_PROGRAMMES] } }, select: { startDate: true, endDate: true } } },
    }),
    db.congruaOffer.findMany({ where: { verdict: CONGRUA_VERDICT, offeredAt: instants }, select: { candidateId: true, offeredAt: true } }),
    db.shortlistEntry.findMany({
      where: { sentToEmployer: true, shortlist: { sentAt: instants }, candidate: { cpiCode: cpi, ...inIncomeSupport } },
      select: { candidateId: true, shortlist: { select: { sentAt: true } } },
    }),
  ]);

  const hiredOn = new Map<string, string[]>();
  for (const h of hires) if (h.candidateId) hiredOn.set(h.shortlistId, [...(hiredOn.get(h.shortlistId) ?? []), h.candidateId]);
  return {
    vacancies: vacancies.map((v) => ({ cpiCode: v.cpiCode, arrivalDay: dayOf(v.arrivalDate), positions: v.positions })),
    sentLists: lists.map((l) => ({ cpiCode: l.vacancy.cpiCode, sentDay: dayOf(l.sentAt!), hiredCandidateIds: hiredOn.get(l.id) ?? [] })),
    congruaOffers: offers.map((o) => ({ cpiCode: o.cpiCode, offeredDay: dayOf(o.offeredAt), outcome: o.outcome })),
    conditionalityEvents: events.map((e) => ({ cpiCode: e.cpiCode, occurredDay: dayOf(e.occurredAt) })),
    incomeSupportPeople: people.map((p) => ({
      candidateId: p.id,
      cpiCode: p.cpiCode,
      spans: p.programmes.map((s) => ({ from: dayOf(s.startDate), to: s.endDate ? dayOf(s.endDate) : null })),
    })),
    coherentOffers: [
      ...coherentOffers.map((o) => ({ candidateId: o.candidateId, day: dayOf(o.offeredAt) })),
      ...sentEntries.map((e) => ({ candidateId: e.candidateId, day: dayOf(e.shortlist.sentAt!) })),
    ],
  };
}
