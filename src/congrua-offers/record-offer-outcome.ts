import type { Actor } from "../auth/actor.js";
import { recordedUserId } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { appendEvents } from "../events/append-events.js";
import { assertTransition } from "../shortlists/shortlist-transitions.js";
import { assertCanReachOfferPerson } from "./congrua-offer-access.js";
import { congruaOfferView, findCongruaOffer, type CongruaOfferView } from "./congrua-offer-repository.js";
import type { OfferOutcomeInput } from "./congrua-offer-schemas.js";
import { offerOutcomeMachine, type OfferOutcome } from "./congrua-offer-states.js";

/**
 * Records what the person answered (or that they did not show up), along the outcome table, with a
 * history row. The conditionality events the outcome calls for are opened — or withdrawn by a correction —
 * in the same transaction, by the reaction to `congrua_offer.outcome_recorded`; the answer shows them.
 */
export async function recordOfferOutcome(ctx: AppContext, actor: Actor, offerId: string, input: OfferOutcomeInput, route: string): Promise<CongruaOfferView> {
  return ctx.db.$transaction(async (tx) => {
    const offer = await findCongruaOffer(tx, offerId);
    if (!(await assertCanReachOfferPerson(tx, actor, offer))) {
      throw new AppError("CONFLICT", "La persona è stata cancellata: l'esito dell'offerta non si registra più.", [{ field: "candidateId", message: "Persona cancellata" }]);
    }
    const from = offer.outcome as OfferOutcome;
    assertTransition(offerOutcomeMachine, from, input.outcome, "Esito dell'offerta", "outcome");
    const refusalReason = input.refusalReason ?? null;
    const note = input.note ?? null;
    await tx.congruaOffer.update({ where: { id: offerId }, data: { outcome: input.outcome, refusalReason, outcomeNote: note } });
    await tx.congruaOfferOutcomeChange.create({
      data: { offerId, fromState: from, toState: input.outcome, reason: refusalReason, note, byUserId: recordedUserId(actor) },
    });
    await recordAudit(tx, actor, "update", "candidate", [offer.candidateId], route);
    await appendEvents({ ctx, tx, actor, route }, [
      { type: "congrua_offer.outcome_recorded", entityType: "congrua_offer", entityId: offerId, payload: { candidateId: offer.candidateId, from, to: input.outcome } },
    ]);
    return congruaOfferView(tx, offerId);
  });
}
