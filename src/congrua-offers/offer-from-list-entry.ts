import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import type { AppContext } from "../context.js";
import { dayDate, dayOf } from "../deadlines/calendar-day.js";
import { notFound } from "../errors/app-error.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { congruaOfferView, type CongruaOfferView } from "./congrua-offer-repository.js";
import type { OfferFromListEntryInput } from "./congrua-offer-schemas.js";
import { writeCongruaOffer } from "./record-congrua-offer.js";

/**
 * One step from a candidate list: the person on the vacancy's latest list that holds them (not removed)
 * receives the vacancy as a congrua offer, today unless another day is given.
 */
export async function offerFromListEntry(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  candidateId: string,
  input: OfferFromListEntryInput,
  route: string,
): Promise<CongruaOfferView> {
  return ctx.db.$transaction(async (tx) => {
    const vacancy = await findVacancy(tx, vacancyId);
    assertAllowed(canReadCandidate(actor, await findCandidate(tx, candidateId)));
    const entry = await tx.shortlistEntry.findFirst({
      where: { candidateId, removedAt: null, shortlist: { vacancyId } },
      orderBy: [{ shortlist: { createdAt: "desc" } }, { id: "desc" }],
    });
    if (!entry) throw notFound("Persona nella rosa dell'offerta");
    const offeredAt = input.offeredAt ?? dayDate(dayOf(new Date()));
    const id = await writeCongruaOffer({ ctx, tx, actor, route }, candidateId, { vacancy, shortlistEntryId: entry.id }, { ...input, offeredAt });
    return congruaOfferView(tx, id);
  });
}
