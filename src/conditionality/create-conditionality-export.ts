import type { Actor } from "../auth/actor.js";
import { recordedUserId } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { userNames } from "../congrua-offers/user-names.js";
import { assertReferencesExist } from "../validation/check-references.js";
import { detailsJson, detailsOf } from "./conditionality-details.js";
import { exportInclude, exportUserIds, toExportView, type ConditionalityExportView } from "./conditionality-export-repository.js";
import { canReportConditionality } from "./conditionality-policies.js";
import { TO_REPORT } from "./reportable-events.js";

/**
 * Takes every event of the CPI not yet exported (and so not reported) into a new export, in one
 * transaction, which holds SQLite's write lock from its start: an event is never in two exports, and a second export finds only what arrived since. Each
 * event gets the person and the CPI as they are now, so the export's file is written from its events
 * alone and reads the same every time it is downloaded.
 */
export async function createConditionalityExport(ctx: AppContext, actor: Actor, cpiCode: string, route: string): Promise<ConditionalityExportView> {
  return ctx.db.$transaction(async (tx) => {
    await assertReferencesExist(tx, { cpiCode });
    assertAllowed(canReportConditionality(actor, cpiCode));
    const events = await tx.conditionalityEvent.findMany({ where: { ...TO_REPORT, cpiCode, exportId: null, reportedAt: null }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    if (events.length === 0) {
      throw new AppError("CONFLICT", `Nessuna segnalazione da esportare per il CPI ${cpiCode}: quelle aperte sono già tutte in un'esportazione.`, [
        { field: "cpi", message: "Nessuna segnalazione nuova" },
      ]);
    }
    const cpi = await tx.cpi.findUniqueOrThrow({ where: { code: cpiCode } });
    const people = new Map(
      (await tx.candidate.findMany({ where: { id: { in: events.map((e) => e.candidateId) } }, select: { id: true, taxCode: true, firstName: true, lastName: true } })).map((c) => [c.id, c]),
    );
    const created = await tx.conditionalityExport.create({ data: { cpiCode, createdById: recordedUserId(actor) } });
    for (const e of events) {
      // Erasure waits for the report, so every person of an event not yet reported is still in the store.
      const person = people.get(e.candidateId);
      const details = { ...detailsOf(e), cpiName: cpi.name, ...(person ? { person: { taxCode: person.taxCode, firstName: person.firstName, lastName: person.lastName } } : {}) };
      await tx.conditionalityEvent.update({ where: { id: e.id }, data: { exportId: created.id, details: detailsJson(details) } });
    }
    await recordAudit(tx, actor, "export", "candidate", [...people.keys()], route);
    const saved = await tx.conditionalityExport.findUniqueOrThrow({ where: { id: created.id }, include: exportInclude });
    return toExportView(saved, await userNames(tx, exportUserIds(saved)));
  });
}
