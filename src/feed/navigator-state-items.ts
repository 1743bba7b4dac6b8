import type { Day } from "../deadlines/calendar-day.js";
import type { FigureFacts } from "../figures/count-figures.js";
import type { NewFeedItem } from "./write-feed-items.js";

/**
 * The state items of the navigators' feeds, decided from facts already read. Pure. Each state has a
 * stable dedupe key (kind, navigator, person or vacancy): while it holds, the daily refresh finds the
 * same key and the item (with its seen mark) stays; when it ends, the item goes.
 */

export interface Navigator {
  id: string;
  cpiCodes: string[];
}

const within = (day: Day, span: { from: Day; to: Day | null }) => day >= span.from && (span.to === null || day <= span.to);

/**
 * For each navigator, over their CPIs:
 * - "senza_offerta_coerente": each person in RdC, ADI or SFL today who was never offered a coherent
 *   vacancy (src/figures decides what counts) on a day they were in one of those programmes;
 * - "offerta_da_preselezionare": each vacancy still "open" (published, preselection not started).
 */
export function navigatorStateItems(
  navigators: readonly Navigator[],
  facts: Pick<FigureFacts, "incomeSupportPeople" | "coherentOffers">,
  openVacancies: readonly { id: string; cpiCode: string }[],
  today: Day,
): NewFeedItem[] {
  const offerDays = new Map<string, Day[]>();
  for (const o of facts.coherentOffers) offerDays.set(o.candidateId, [...(offerDays.get(o.candidateId) ?? []), o.day]);
  const waiting = facts.incomeSupportPeople.filter(
    (p) => p.spans.some((s) => within(today, s)) && !(offerDays.get(p.candidateId) ?? []).some((day) => p.spans.some((s) => within(day, s))),
  );
  return navigators.flatMap((n) => [
    ...waiting
      .filter((p) => n.cpiCodes.includes(p.cpiCode))
      .map((p) => ({ userId: n.id, kind: "senza_offerta_coerente", candidateId: p.candidateId, payload: {}, dedupeKey: `senza_offerta_coerente:${n.id}:${p.candidateId}` })),
    ...openVacancies
      .filter((v) => n.cpiCodes.includes(v.cpiCode))
      .map((v) => ({ userId: n.id, kind: "offerta_da_preselezionare", vacancyId: v.id, payload: {}, dedupeKey: `offerta_da_preselezionare:${n.id}:${v.id}` })),
  ]);
}
