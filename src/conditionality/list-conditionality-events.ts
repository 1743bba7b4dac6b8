import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import type { Prisma } from "../generated/prisma/client.js";
import { userNames } from "../congrua-offers/user-names.js";
import { detailsOf, type ReportedPerson } from "./conditionality-details.js";
import type { ConditionalityListQuery } from "./conditionality-schemas.js";
import { conditionalityCpiScope } from "./conditionality-scope.js";
import { eventUserIds, toConditionalityEventView } from "./conditionality-views.js";
import { TO_REPORT } from "./reportable-events.js";

const presence = (flag: boolean | undefined) => (flag === undefined ? undefined : flag ? { not: null } : null);

/**
 * The conditionality events to report of a CPI, oldest first, with who they are about: as reported once exported,
 * as the store holds them before; nobody for a person erased after the report. Audited.
 */
export async function listConditionalityEvents(ctx: AppContext, actor: Actor, query: ConditionalityListQuery, route: string) {
  const cpis = await conditionalityCpiScope(ctx.db, actor, query.cpi);
  const where: Prisma.ConditionalityEventWhereInput = {
    ...TO_REPORT,
    ...(cpis ? { cpiCode: { in: cpis } } : {}),
    reportedAt: presence(query.reported),
    exportId: presence(query.exported),
  };
  const [total, events] = await Promise.all([
    ctx.db.conditionalityEvent.count({ where }),
    ctx.db.conditionalityEvent.findMany({ where, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  const candidateIds = [...new Set(events.map((e) => e.candidateId))];
  const people = new Map(
    (await ctx.db.candidate.findMany({ where: { id: { in: candidateIds } }, select: { id: true, taxCode: true, firstName: true, lastName: true } })).map((c) => [c.id, c]),
  );
  await recordAudit(ctx.db, actor, "read", "candidate", candidateIds, route);
  const names = await userNames(ctx.db, events.flatMap(eventUserIds));
  return {
    page: query.page,
    pageSize: query.pageSize,
    total,
    items: events.map((e) => {
      const live = people.get(e.candidateId);
      const person: ReportedPerson | null =
        detailsOf(e).person ?? (live ? { taxCode: live.taxCode, firstName: live.firstName, lastName: live.lastName } : null);
      return { ...toConditionalityEventView(e, names), person };
    }),
  };
}
