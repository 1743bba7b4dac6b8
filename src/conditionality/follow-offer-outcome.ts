/**
 * The in-transaction reaction to a congrua offer's outcome: the conditionality events the rule asks for
 * are opened, once each (one per offer and kind, the store's unique key), and those a correction made
 * pointless (a refusal later justified) are withdrawn — unless they already went into an export for ANPAL
 * and INPS, in which case the whole change is refused: what was reported is corrected through ANPAL.
 */
import { isoDay } from "../congrua/months.js";
import { AppError } from "../errors/app-error.js";
import type { ConditionalityEvent } from "../generated/prisma/client.js";
import { appendEvents } from "../events/append-events.js";
import type { DomainEventOf } from "../events/domain-events.js";
import type { EventScope } from "../events/event-scope.js";
import type { OfferOutcome } from "../congrua-offers/congrua-offer-states.js";
import type { StoredCongrua } from "../congrua-offers/offer-congrua.js";
import { CONDITIONALITY_KIND_LABELS, type ConditionalityKind } from "./conditionality-kinds.js";
import { detailsJson, type OfferEventDetails } from "./conditionality-details.js";
import { decideConditionality, SANCTIONABLE_OUTCOMES } from "./conditionality-rules.js";

const congruaUnder = (stored: StoredCongrua) => stored.evaluations.filter((e) => e.verdict === "pass").map((e) => e.ruleSet.id);

export async function followOfferOutcome(event: DomainEventOf<"congrua_offer.outcome_recorded">, scope: EventScope): Promise<void> {
  const { tx } = scope;
  const offer = await tx.congruaOffer.findUniqueOrThrow({ where: { id: event.entityId }, include: { conditionality: true } });
  const others = await tx.congruaOffer.findMany({
    where: { candidateId: offer.candidateId, id: { not: offer.id }, outcome: { in: [...SANCTIONABLE_OUTCOMES] } },
    select: { outcome: true, evaluation: true },
  });
  const stored = offer.evaluation as unknown as StoredCongrua;
  const decision = decideConditionality({
    outcome: offer.outcome as OfferOutcome,
    evaluations: stored.evaluations,
    registeredL68: stored.registeredL68,
    otherOffers: others.map((o) => ({ outcome: o.outcome as OfferOutcome, congruaUnder: congruaUnder(o.evaluation as unknown as StoredCongrua) })),
  });

  const wanted = new Set<string>(decision.open.map((e) => e.kind));
  const stale = offer.conditionality.filter((e) => !wanted.has(e.kind));
  const exported = stale.find((e) => e.exportId !== null);
  if (exported) {
    throw new AppError(
      "CONFLICT",
      `La segnalazione «${CONDITIONALITY_KIND_LABELS[exported.kind as ConditionalityKind]}» di questa offerta è già in un'esportazione per ANPAL e INPS: l'esito non si corregge più in Vetrina (la persona può ricorrere ad ANPAL entro 30 giorni).`,
      [{ field: "outcome", message: `Segnalazione esportata (esportazione ${exported.exportId})` }],
    );
  }
  if (stale.length > 0) await tx.conditionalityEvent.deleteMany({ where: { id: { in: stale.map((e) => e.id) } } });

  const existing = new Set(offer.conditionality.map((e) => e.kind));
  const terms = offer.terms as { profile: string; employerName: string };
  const occurredAt = new Date();
  const opened: ConditionalityEvent[] = [];
  for (const e of decision.open.filter((x) => !existing.has(x.kind))) {
    const evaluation = stored.evaluations.find((x) => x.ruleSet.id === e.ruleSetId);
    const details: OfferEventDetails = {
      ruleSetId: e.ruleSetId,
      ruleSetVersion: e.ruleSetVersion,
      ruleSetLabel: evaluation?.ruleSet.label ?? e.ruleSetId,
      ordinal: e.ordinal,
      sanction: e.sanction,
      legalBasis: e.legalBasis,
      toConfirm: e.toConfirm,
      outcome: offer.outcome,
      note: offer.outcomeNote,
      offer: { profile: terms.profile, employerName: terms.employerName, offeredAt: isoDay(offer.offeredAt), channel: offer.channel },
    };
    opened.push(
      await tx.conditionalityEvent.create({
        data: { candidateId: offer.candidateId, cpiCode: offer.cpiCode, kind: e.kind, programme: e.programme, occurredAt, congruaOfferId: offer.id, details: detailsJson(details) },
      }),
    );
  }
  await appendEvents(
    scope,
    opened.map((e) => ({
      type: "conditionality.opened" as const,
      entityType: "conditionality_event" as const,
      entityId: e.id,
      payload: { candidateId: e.candidateId, kind: e.kind, congruaOfferId: offer.id },
    })),
  );
}
