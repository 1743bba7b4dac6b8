import type { ConditionalityEvent } from "../generated/prisma/client.js";
import type { Programme } from "../congrua/types.js";
import { OFFER_CHANNEL_LABELS, OFFER_OUTCOME_LABELS, REFUSAL_REASON_LABELS, type OfferChannel, type OfferOutcome } from "../congrua-offers/congrua-offer-states.js";
import { CONDITIONALITY_KIND_LABELS, PROGRAMME_LABELS, type ConditionalityKind } from "./conditionality-kinds.js";
import { detailsOf, isFactDetails } from "./conditionality-details.js";

/**
 * A conditionality event as the API shows it (without the person: lists add who it is about). An event of
 * an offer has its rule set, outcome and offer; a recorded fact has `fact` instead, and `toReport` false
 * when it opened no event.
 */
export function toConditionalityEventView(e: ConditionalityEvent, userNames: Map<string, string>) {
  const d = detailsOf(e);
  const nameOf = (id: string | null) => (id ? (userNames.get(id) ?? null) : null);
  const source = isFactDetails(d)
    ? {
        ruleSet: null,
        outcome: null,
        outcomeLabel: null,
        offer: null,
        fact: {
          justifiedReason: d.justifiedReason,
          justifiedReasonLabel: d.justifiedReason ? REFUSAL_REASON_LABELS[d.justifiedReason] : null,
          notOpenedReason: d.notOpenedReason,
          note: d.note,
          recordedById: d.recordedById,
          recordedByName: nameOf(d.recordedById),
        },
      }
    : {
        ruleSet: { id: d.ruleSetId, version: d.ruleSetVersion, label: d.ruleSetLabel },
        outcome: d.outcome,
        outcomeLabel: OFFER_OUTCOME_LABELS[d.outcome as OfferOutcome],
        offer: { ...d.offer, channelLabel: OFFER_CHANNEL_LABELS[d.offer.channel as OfferChannel] },
        fact: null,
      };
  return {
    id: e.id,
    candidateId: e.candidateId,
    cpiCode: e.cpiCode,
    kind: e.kind,
    kindLabel: CONDITIONALITY_KIND_LABELS[e.kind as ConditionalityKind],
    toReport: e.programme !== null,
    programme: e.programme,
    programmeLabel: e.programme ? PROGRAMME_LABELS[e.programme as Programme] : null,
    occurredAt: e.occurredAt.toISOString(),
    congruaOfferId: e.congruaOfferId,
    ordinal: d.ordinal,
    sanction: d.sanction,
    legalBasis: d.legalBasis,
    toConfirm: d.toConfirm,
    ...source,
    exportId: e.exportId,
    reportedAt: e.reportedAt?.toISOString() ?? null,
    reportedById: e.reportedById,
    reportedByName: nameOf(e.reportedById),
  };
}
export type ConditionalityEventView = ReturnType<typeof toConditionalityEventView>;

/** The users a view names: who reported it and, for a fact, who recorded it. */
export function eventUserIds(e: ConditionalityEvent): (string | null)[] {
  const d = detailsOf(e);
  return [e.reportedById, isFactDetails(d) ? d.recordedById : null];
}
