import { recordedUserId, type Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError, notFound } from "../api/errors.js";
import type { AppContext } from "../context.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import { openDraftForEdit } from "./open-draft-for-edit.js";
import { activeEntries, reloadShortlist, type ShortlistRecord } from "./shortlist-repository.js";
import { syncShortlistCap } from "./shortlist-transitions.js";

/**
 * Puts a person on the draft list by hand, with the operator's reason:
 * refused when the person is already on it, is not available, or the list would go past its cap.
 * A person removed earlier is put back (the removal stays in the history).
 */
export async function addToShortlist(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  candidateId: string,
  reason: string,
  route: string,
): Promise<ShortlistRecord> {
  return ctx.db.$transaction(async (tx) => {
    const { vacancy, list } = await openDraftForEdit(tx, actor, vacancyId);
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId } });
    if (!candidate) throw notFound("Persona");

    const existing = list.entries.find((e) => e.candidateId === candidateId);
    if (existing && existing.removedAt === null) {
      throw new AppError("CONFLICT", "La persona è già nella rosa.", [{ field: "candidateId", message: "Già presente" }]);
    }
    if (candidate.availability !== "available") {
      throw new AppError(
        "CONFLICT",
        `La persona non è disponibile (${candidate.availability === "employed" ? "risulta occupata/o" : "non disponibile"}): non può entrare nella rosa.`,
        [{ field: "candidateId", message: `Disponibilità: ${candidate.availability}` }],
      );
    }
    const cap = await syncShortlistCap(tx, actor, list, vacancy);
    const onList = activeEntries(list).length;
    if (onList + 1 > cap) {
      throw new AppError(
        "CONFLICT",
        `La rosa ha già ${onList} persone: il tetto per questa offerta è ${cap}. Togliere qualcuno o chiedere all'azienda un numero diverso.`,
        [{ field: "candidateId", message: `Tetto della rosa: ${cap}` }],
      );
    }

    const entry = { source: "manual", reason, score: null, contactStatus: "to_contact", addedById: recordedUserId(actor), addedAt: new Date() };
    if (existing) {
      await tx.shortlistEntry.update({ where: { id: existing.id }, data: { ...entry, removedAt: null, removedReason: null, outcome: null } });
    } else {
      await tx.shortlistEntry.create({ data: { ...entry, shortlistId: list.id, candidateId } });
    }
    await recordShortlistEvents(tx, actor, list.id, [
      { type: existing ? "entry_restored" : "entry_added", candidateId, from: existing ? "removed" : null, to: "manual", reason },
    ]);
    await recordAudit(tx, actor, existing ? "update" : "create", "candidate", [candidateId], route);
    return reloadShortlist(tx, list.id);
  });
}
