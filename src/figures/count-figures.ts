import type { Day } from "../deadlines/calendar-day.js";
import type { OfferOutcome } from "../congrua-offers/congrua-offer-states.js";

/**
 * The figures of a CPI (or of several together) over a period, counted from plain facts already turned
 * into Italian days. Pure: src/figures/figure-facts.ts reads the facts, this decides what counts.
 */

const REFUSED_JUSTIFIED = "rifiutata_giustificata" satisfies OfferOutcome;
const REFUSED_UNJUSTIFIED = "rifiutata_senza_motivo" satisfies OfferOutcome;

export interface Period {
  from: Day;
  to: Day;
}

export interface FigureFacts {
  vacancies: { cpiCode: string; arrivalDay: Day; positions: number }[];
  /** Lists sent, with the people the employer hired from each (outcome «Assunta/o», whenever it was recorded). */
  sentLists: { cpiCode: string; sentDay: Day; hiredCandidateIds: string[] }[];
  congruaOffers: { cpiCode: string; offeredDay: Day; outcome: string }[];
  conditionalityEvents: { cpiCode: string; occurredDay: Day }[];
  /**
   * People in RdC, ADI or SFL (by their own CPI), with the spans of those programmes; an erased person is
   * keyed by their anonymous record's id (src/figures/erased-beneficiaries.ts), never by theirs.
   */
  incomeSupportPeople: { candidateId: string; cpiCode: string; spans: { from: Day; to: Day | null }[] }[];
  /** Days on which a person was offered a coherent vacancy (what counts as one: figure-facts.ts). */
  coherentOffers: { candidateId: string; day: Day }[];
}

export interface Figures {
  vacanciesReceived: number;
  positionsRequested: number;
  listsSent: number;
  peopleHired: number;
  congruaOffersMade: number;
  congruaOffersRefusedJustified: number;
  congruaOffersRefusedUnjustified: number;
  conditionalityEventsOpened: number;
  /** The Emilia-Romagna target: people in RdC/ADI/SFL offered at least one coherent vacancy. */
  incomeSupportOffered: { numerator: number; denominator: number; share: number | null };
}

export const within = (day: Day, { from, to }: { from: Day; to: Day | null }) => day >= from && (to === null || day <= to);

/** The share as a fraction with four decimals (0.6667), null when nobody is counted. */
const share = (numerator: number, denominator: number) => (denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000);

/**
 * Counts over the period, for the CPIs `inScope` accepts:
 * - vacancies received and positions asked: offers whose arrival day falls in the period;
 * - lists sent: lists whose sending day falls in the period; people hired: distinct people hired from
 *   those lists (the cohort of the lists sent in the period, whenever the employer said so);
 * - congrua offers made in the period, and of those the ones now refused with or without justified reason;
 * - conditionality events that occurred (were opened) in the period;
 * - the share: people in RdC/ADI/SFL on some day of the period (denominator) who, on a day of the period
 *   while in one of those programmes, were offered a coherent vacancy (numerator).
 */
export function countFigures(facts: FigureFacts, period: Period, inScope: (cpiCode: string) => boolean): Figures {
  const inPeriod = (day: Day) => within(day, period);
  const vacancies = facts.vacancies.filter((v) => inScope(v.cpiCode) && inPeriod(v.arrivalDay));
  const lists = facts.sentLists.filter((l) => inScope(l.cpiCode) && inPeriod(l.sentDay));
  const offers = facts.congruaOffers.filter((o) => inScope(o.cpiCode) && inPeriod(o.offeredDay));

  const people = facts.incomeSupportPeople.filter((p) => inScope(p.cpiCode) && p.spans.some((s) => s.from <= period.to && (s.to === null || s.to >= period.from)));
  const offerDays = new Map<string, Day[]>();
  for (const o of facts.coherentOffers) if (inPeriod(o.day)) offerDays.set(o.candidateId, [...(offerDays.get(o.candidateId) ?? []), o.day]);
  const offered = people.filter((p) => (offerDays.get(p.candidateId) ?? []).some((day) => p.spans.some((s) => within(day, s))));

  return {
    vacanciesReceived: vacancies.length,
    positionsRequested: vacancies.reduce((sum, v) => sum + v.positions, 0),
    listsSent: lists.length,
    peopleHired: new Set(lists.flatMap((l) => l.hiredCandidateIds)).size,
    congruaOffersMade: offers.length,
    congruaOffersRefusedJustified: offers.filter((o) => o.outcome === REFUSED_JUSTIFIED).length,
    congruaOffersRefusedUnjustified: offers.filter((o) => o.outcome === REFUSED_UNJUSTIFIED).length,
    conditionalityEventsOpened: facts.conditionalityEvents.filter((e) => inScope(e.cpiCode) && inPeriod(e.occurredDay)).length,
    incomeSupportOffered: { numerator: offered.length, denominator: people.length, share: share(offered.length, people.length) },
  };
}
