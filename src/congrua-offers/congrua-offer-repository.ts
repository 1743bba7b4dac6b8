import type { DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { notFound } from "../errors/app-error.js";
import { isoDay } from "../congrua/months.js";
import { toConditionalityEventView } from "../conditionality/conditionality-views.js";
import {
  OFFER_CHANNEL_LABELS,
  OFFER_OUTCOME_LABELS,
  offerOutcomeMachine,
  REFUSAL_REASON_LABELS,
  type OfferChannel,
  type OfferOutcome,
  type RefusalReason,
} from "./congrua-offer-states.js";
import type { RuleSetVersion, StoredCongrua } from "./offer-congrua.js";
import type { OfferTerms } from "./offer-terms.js";
import { userNames } from "./user-names.js";

export const congruaOfferInclude = {
  history: { orderBy: [{ at: "asc" }, { id: "asc" }] },
  conditionality: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.CongruaOfferInclude;
export type CongruaOfferRecord = Prisma.CongruaOfferGetPayload<{ include: typeof congruaOfferInclude }>;

export async function findCongruaOffer(db: DbTx, id: string): Promise<CongruaOfferRecord> {
  const offer = await db.congruaOffer.findUnique({ where: { id }, include: congruaOfferInclude });
  if (!offer) throw notFound("Offerta congrua");
  return offer;
}

const reasonLabel = (r: string | null) => (r ? REFUSAL_REASON_LABELS[r as RefusalReason] : null);

/** The names every view of these offers shows: who recorded them, their outcomes, their reports. */
export function offerUserIds(offers: readonly CongruaOfferRecord[]): (string | null)[] {
  return offers.flatMap((o) => [o.createdById, ...o.history.map((h) => h.byUserId), ...o.conditionality.map((e) => e.reportedById)]);
}

/**
 * The offer as recorded: its terms and the congrua evaluation exactly as stored on the day of the offer
 * (never recomputed), its outcome with the moves still allowed, the history of outcomes, and the
 * conditionality events it opened.
 */
export function toCongruaOfferView(o: CongruaOfferRecord, names: Map<string, string>) {
  const outcome = o.outcome as OfferOutcome;
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    id: o.id,
    candidateId: o.candidateId,
    cpiCode: o.cpiCode,
    vacancyId: o.vacancyId,
    shortlistEntryId: o.shortlistEntryId,
    terms: o.terms as unknown as OfferTerms,
    offeredAt: isoDay(o.offeredAt),
    channel: o.channel,
    channelLabel: OFFER_CHANNEL_LABELS[o.channel as OfferChannel],
    offerNumber: o.offerNumber,
    congrua: { ...(o.evaluation as unknown as StoredCongrua), ruleSets: o.ruleSetVersions as unknown as RuleSetVersion[] },
    outcome,
    outcomeLabel: OFFER_OUTCOME_LABELS[outcome],
    refusalReason: o.refusalReason,
    refusalReasonLabel: reasonLabel(o.refusalReason),
    outcomeNote: o.outcomeNote,
    nextOutcomes: offerOutcomeMachine.next(outcome).map((s) => ({ outcome: s, label: OFFER_OUTCOME_LABELS[s] })),
    history: o.history.map((h) => ({
      from: h.fromState,
      fromLabel: h.fromState ? OFFER_OUTCOME_LABELS[h.fromState as OfferOutcome] : null,
      to: h.toState,
      toLabel: OFFER_OUTCOME_LABELS[h.toState as OfferOutcome],
      reason: h.reason,
      reasonLabel: reasonLabel(h.reason),
      note: h.note,
      byUserId: h.byUserId,
      byUserName: nameOf(h.byUserId),
      at: h.at.toISOString(),
    })),
    conditionalityEvents: o.conditionality.map((e) => toConditionalityEventView(e, names)),
    createdById: o.createdById,
    createdByName: nameOf(o.createdById),
    createdAt: o.createdAt.toISOString(),
  };
}
export type CongruaOfferView = ReturnType<typeof toCongruaOfferView>;

/** Reads the offer back with everything its view shows. */
export async function congruaOfferView(db: DbTx, id: string): Promise<CongruaOfferView> {
  const offer = await findCongruaOffer(db, id);
  return toCongruaOfferView(offer, await userNames(db, offerUserIds([offer])));
}
