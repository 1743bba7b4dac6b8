import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import type { AppContext } from "../context.js";
import { userNames } from "../congrua-offers/user-names.js";
import type { CandidateFactsQuery } from "./conditionality-schemas.js";
import { eventUserIds, toConditionalityEventView } from "./conditionality-views.js";

/**
 * A person's conditionality record, latest first: the events of their offers and the facts recorded for
 * them, those to report and those that opened none (with why). For the operators who may read the person,
 * as their offers are; audited.
 */
export async function listCandidateConditionality(ctx: AppContext, actor: Actor, candidateId: string, query: CandidateFactsQuery, route: string) {
  assertAllowed(canReadCandidate(actor, await findCandidate(ctx.db, candidateId)));
  const where = { candidateId };
  const [total, events] = await Promise.all([
    ctx.db.conditionalityEvent.count({ where }),
    ctx.db.conditionalityEvent.findMany({ where, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  await recordAudit(ctx.db, actor, "read", "candidate", [candidateId], route);
  const names = await userNames(ctx.db, events.flatMap(eventUserIds));
  return { candidateId, page: query.page, pageSize: query.pageSize, total, items: events.map((e) => toConditionalityEventView(e, names)) };
}
