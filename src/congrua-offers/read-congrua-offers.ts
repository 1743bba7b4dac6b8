import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import type { AppContext } from "../context.js";
import { assertCanReachOfferPerson } from "./congrua-offer-access.js";
import { congruaOfferInclude, congruaOfferView, offerUserIds, toCongruaOfferView, type CongruaOfferView } from "./congrua-offer-repository.js";
import type { OfferListQuery } from "./congrua-offer-schemas.js";
import { userNames } from "./user-names.js";

/** The person's congrua offers, latest first, each as recorded (audited: it is the person's data). */
export async function listCandidateOffers(ctx: AppContext, actor: Actor, candidateId: string, query: OfferListQuery, route: string) {
  assertAllowed(canReadCandidate(actor, await findCandidate(ctx.db, candidateId)));
  const where = { candidateId };
  const [total, offers] = await Promise.all([
    ctx.db.congruaOffer.count({ where }),
    ctx.db.congruaOffer.findMany({
      where,
      include: congruaOfferInclude,
      orderBy: [{ offeredAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  await recordAudit(ctx.db, actor, "read", "candidate", [candidateId], route);
  const names = await userNames(ctx.db, offerUserIds(offers));
  return { candidateId, page: query.page, pageSize: query.pageSize, total, items: offers.map((o) => toCongruaOfferView(o, names)) };
}

export async function readCongruaOffer(ctx: AppContext, actor: Actor, id: string, route: string): Promise<CongruaOfferView> {
  const view = await congruaOfferView(ctx.db, id);
  await assertCanReachOfferPerson(ctx.db, actor, view);
  await recordAudit(ctx.db, actor, "read", "candidate", [view.candidateId], route);
  return view;
}
