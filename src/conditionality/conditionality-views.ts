import type { ConditionalityEvent } from "../generated/prisma/client.js";
import type { Programme } from "../congrua/types.js";
import { OFFER_CHANNEL_LABELS, OFFER_OUTCOME_LABELS, type OfferChannel, type OfferOutcome } from "../congrua-offers/congrua-offer-states.js";
import { CONDITIONALITY_KIND_LABELS, PROGRAMME_LABELS, type ConditionalityKind } from "./conditionality-kinds.js";
import { detailsOf } from "./conditionality-details.js";

/** A conditionality event as the API shows it (without the person: lists add who it is about). */
export function toConditionalityEventView(e: ConditionalityEvent, userNames: Map<string, string>) {
  const d = detailsOf(e);
  return {
    id: e.id,
    candidateId: e.candidateId,
    cpiCode: e.cpiCode,
    kind: e.kind,
    kindLabel: CONDITIONALITY_KIND_LABELS[e.kind as ConditionalityKind],
    programme: e.programme,
    programmeLabel: e.programme ? PROGRAMME_LABELS[e.programme as Programme] : null,
    occurredAt: e.occurredAt.toISOString(),
    congruaOfferId: e.congruaOfferId,
    ordinal: d.ordinal,
    sanction: d.sanction,
    legalBasis: d.legalBasis,
    ruleSet: { id: d.ruleSetId, version: d.ruleSetVersion, label: d.ruleSetLabel },
    toConfirm: d.toConfirm,
    outcome: d.outcome,
    outcomeLabel: OFFER_OUTCOME_LABELS[d.outcome as OfferOutcome],
    offer: { ...d.offer, channelLabel: OFFER_CHANNEL_LABELS[d.offer.channel as OfferChannel] },
    exportId: e.exportId,
    reportedAt: e.reportedAt?.toISOString() ?? null,
    reportedById: e.reportedById,
    reportedByName: e.reportedById ? (userNames.get(e.reportedById) ?? null) : null,
  };
}
export type ConditionalityEventView = ReturnType<typeof toConditionalityEventView>;
