import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import { openDraftForEdit } from "./open-draft-for-edit.js";
import { findEntry, reloadShortlist, type ShortlistRecord } from "./shortlist-repository.js";

/** Takes a person off the draft list, with the reason; the entry stays, flagged, and in the history. */
export async function removeFromShortlist(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  candidateId: string,
  reason: string,
  route: string,
): Promise<ShortlistRecord> {
  return ctx.db.$transaction(async (tx) => {
    const { list } = await openDraftForEdit(tx, actor, vacancyId);
    const entry = findEntry(list, candidateId);
    if (entry.removedAt !== null) {
      throw new AppError("CONFLICT", "La persona è già stata tolta dalla rosa.", [{ field: "candidateId", message: `Motivo: ${entry.removedReason ?? "—"}` }]);
    }
    await tx.shortlistEntry.update({ where: { id: entry.id }, data: { removedAt: new Date(), removedReason: reason } });
    await recordShortlistEvents(tx, actor, list.id, [{ type: "entry_removed", candidateId, from: entry.source, to: "removed", reason }]);
    await recordAudit(tx, actor, "update", "candidate", [candidateId], route);
    await appendEvents({ ctx, tx, actor, route }, [
      { type: "shortlist.entry_removed", entityType: "shortlist", entityId: list.id, payload: { vacancyId, candidateId } },
    ]);
    return reloadShortlist(tx, list.id);
  });
}
