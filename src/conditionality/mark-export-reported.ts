import type { Actor } from "../auth/actor.js";
import { recordedUserId } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { italianDay, dayOf } from "../deadlines/calendar-day.js";
import { AppError } from "../errors/app-error.js";
import { appendEvents } from "../events/append-events.js";
import { userNames } from "../congrua-offers/user-names.js";
import { exportUserIds, findExportFor, toExportView, type ConditionalityExportView } from "./conditionality-export-repository.js";

/**
 * The CPI sent the export to ANPAL and INPS: its events are marked reported, with who and when, once.
 * Marking it again is a 409 that says when and by whom it was done.
 */
export async function markExportReported(ctx: AppContext, actor: Actor, id: string, route: string): Promise<ConditionalityExportView> {
  return ctx.db.$transaction(async (tx) => {
    const found = await findExportFor(tx, actor, id);
    const done = found.events.find((e) => e.reportedAt !== null);
    if (done?.reportedAt) {
      const by = done.reportedById ? (await userNames(tx, [done.reportedById])).get(done.reportedById) : undefined;
      throw new AppError("CONFLICT", `Esportazione già segnalata ad ANPAL e INPS il ${italianDay(dayOf(done.reportedAt))}${by ? ` da ${by}` : ""}: ogni segnalazione si comunica una volta sola.`, [
        { field: "id", message: "Già segnalata" },
      ]);
    }
    const reportedAt = new Date();
    const reportedById = recordedUserId(actor);
    await tx.conditionalityEvent.updateMany({ where: { exportId: id }, data: { reportedAt, reportedById } });
    await recordAudit(tx, actor, "update", "candidate", [...new Set(found.events.map((e) => e.candidateId))], route);
    await appendEvents(
      { ctx, tx, actor, route },
      found.events.map((e) => ({ type: "conditionality.reported" as const, entityType: "conditionality_event" as const, entityId: e.id, payload: { candidateId: e.candidateId, exportId: id } })),
    );
    const saved = await findExportFor(tx, actor, id);
    return toExportView(saved, await userNames(tx, exportUserIds(saved)));
  });
}
