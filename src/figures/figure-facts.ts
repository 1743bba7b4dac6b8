import type { DbTx } from "../db/client.js";
import { addDays, dayDate, dayOf } from "../deadlines/calendar-day.js";
import { loadCoherentOffers } from "./coherent-offers.js";
import type { FigureFacts, Period } from "./count-figures.js";

/** The programmes of the Emilia-Romagna target: minimum income (RdC) and its successors (ADI, SFL). */
export const INCOME_SUPPORT_PROGRAMMES = ["RDC", "ADI", "SFL"] as const;

/**
 * Reads the facts the figures of a period count, for the given CPIs or every CPI (null). Instants are
 * read over a day more on each side (Italian days start an hour or two before UTC ones) and turned into
 * Italian days; the exact period is applied by countFigures. What counts as a coherent vacancy offered
 * to a person: loadCoherentOffers. Live people only (the navigators' feed wants them alone); the figures add
 * the anonymous records of erased ones (erased-beneficiaries.ts).
 */
export async function loadFigureFacts(db: DbTx, cpiCodes: readonly string[] | null, period: Period): Promise<FigureFacts> {
  const cpi = cpiCodes ? { in: [...cpiCodes] } : undefined;
  const instants = { gte: dayDate(addDays(period.from, -1)), lt: dayDate(addDays(period.to, 2)) };
  const days = { gte: dayDate(period.from), lte: dayDate(period.to) };
  const inIncomeSupport = { programmes: { some: { programme: { in: [...INCOME_SUPPORT_PROGRAMMES] }, startDate: { lte: days.lte }, OR: [{ endDate: null }, { endDate: { gte: days.gte } }] } } };

  const [vacancies, lists, hires, offers, events, people, coherentOffers] = await Promise.all([
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
    loadCoherentOffers(db, instants, { cpiCode: cpi, ...inIncomeSupport }),
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
    coherentOffers,
  };
}
