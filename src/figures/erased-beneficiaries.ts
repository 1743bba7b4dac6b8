import type { DbTx } from "../db/client.js";
import { dayDate, dayOf } from "../deadlines/calendar-day.js";
import { coherentOffersOf } from "./coherent-offers.js";
import { within, type FigureFacts, type Period } from "./count-figures.js";
import { INCOME_SUPPORT_PROGRAMMES } from "./figure-facts.js";

/**
 * Before a person is erased: when they were in RdC, ADI or SFL, keeps in an anonymous record (ErasedBeneficiary)
 * what the figures per CPI and period count them by: their CPI, the spans of those programmes and the days
 * within them on which they were offered a coherent vacancy. The person leaves the service today, so an open
 * span (or one ending later) ends today and one not yet begun is left out: the figures of every period up to
 * today stay as they were. Returns whether a record was kept.
 */
export async function keepForFigures(tx: DbTx, candidate: { id: string; cpiCode: string }, now: Date): Promise<boolean> {
  const today = dayOf(now);
  const programmes = await tx.candidateProgramme.findMany({
    where: { candidateId: candidate.id, programme: { in: [...INCOME_SUPPORT_PROGRAMMES] } },
    select: { programme: true, startDate: true, endDate: true },
  });
  const spans = programmes
    .filter((p) => dayOf(p.startDate) <= today)
    .map((p) => ({ programme: p.programme, startDate: p.startDate, endDate: p.endDate && dayOf(p.endDate) <= today ? p.endDate : dayDate(today) }));
  if (spans.length === 0) return false;
  const daySpans = spans.map((s) => ({ from: dayOf(s.startDate), to: dayOf(s.endDate) }));
  const offerDays = [...new Set((await coherentOffersOf(tx, candidate.id)).map((o) => o.day))].filter((day) => daySpans.some((s) => within(day, s)));
  await tx.erasedBeneficiary.create({ data: { cpiCode: candidate.cpiCode, spans: { create: spans }, offerDays: { create: offerDays.map((day) => ({ day })) } } });
  return true;
}

/**
 * The erased people's share of the figures' facts for a period, for the given CPIs or every CPI (null): the
 * records whose spans overlap the period (read as loadFigureFacts reads the live people's programmes), keyed
 * by the record's own id, with their coherent-offer days in the period.
 */
export async function loadErasedBeneficiaryFacts(db: DbTx, cpiCodes: readonly string[] | null, period: Period): Promise<Pick<FigureFacts, "incomeSupportPeople" | "coherentOffers">> {
  const records = await db.erasedBeneficiary.findMany({
    where: { cpiCode: cpiCodes ? { in: [...cpiCodes] } : undefined, spans: { some: { startDate: { lte: dayDate(period.to) }, endDate: { gte: dayDate(period.from) } } } },
    select: { id: true, cpiCode: true, spans: { select: { startDate: true, endDate: true } }, offerDays: { where: { day: { gte: period.from, lte: period.to } }, select: { day: true } } },
  });
  return {
    incomeSupportPeople: records.map((r) => ({ candidateId: r.id, cpiCode: r.cpiCode, spans: r.spans.map((s) => ({ from: dayOf(s.startDate), to: dayOf(s.endDate) })) })),
    coherentOffers: records.flatMap((r) => r.offerDays.map((d) => ({ candidateId: r.id, day: d.day }))),
  };
}
