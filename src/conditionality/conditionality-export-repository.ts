import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { DbTx } from "../db/client.js";
import { notFound } from "../errors/app-error.js";
import type { Prisma } from "../generated/prisma/client.js";
import { canReportConditionality } from "./conditionality-policies.js";

export const exportInclude = { events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } } satisfies Prisma.ConditionalityExportInclude;
export type ConditionalityExportRecord = Prisma.ConditionalityExportGetPayload<{ include: typeof exportInclude }>;

/** An export the actor may handle (administrators and the referents of its CPI). */
export async function findExportFor(db: DbTx, actor: Actor, id: string): Promise<ConditionalityExportRecord> {
  const found = await db.conditionalityExport.findUnique({ where: { id }, include: exportInclude });
  if (!found) throw notFound("Esportazione delle segnalazioni");
  assertAllowed(canReportConditionality(actor, found.cpiCode));
  return found;
}

/** Every event of an export is reported at once, so the first one tells when and by whom. */
export function toExportView(x: ConditionalityExportRecord, names: Map<string, string>) {
  const reported = x.events.find((e) => e.reportedAt !== null) ?? null;
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  return {
    id: x.id,
    cpiCode: x.cpiCode,
    createdAt: x.createdAt.toISOString(),
    createdById: x.createdById,
    createdByName: nameOf(x.createdById),
    eventCount: x.events.length,
    eventIds: x.events.map((e) => e.id),
    reported: reported !== null,
    reportedAt: reported?.reportedAt?.toISOString() ?? null,
    reportedById: reported?.reportedById ?? null,
    reportedByName: nameOf(reported?.reportedById),
    links: { csv: `/api/v1/conditionality-events/exports/${x.id}.csv` },
  };
}
export type ConditionalityExportView = ReturnType<typeof toExportView>;

export const exportUserIds = (x: ConditionalityExportRecord) => [x.createdById, ...x.events.map((e) => e.reportedById)];
