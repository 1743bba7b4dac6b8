import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import { openDraftForEdit } from "./open-draft-for-edit.js";
import { findEntry, reloadShortlist, type ShortlistRecord } from "./shortlist-repository.js";
import { contactStatusMachine, type ContactStatus } from "./shortlist-states.js";
import { assertTransition } from "./shortlist-transitions.js";

/** Records the answer of a person the CPI contacted (D2: availability verified before the list goes out). */
export async function markContact(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  candidateId: string,
  status: ContactStatus,
  note: string | undefined,
  route: string,
): Promise<ShortlistRecord> {
  return ctx.db.$transaction(async (tx) => {
    const { list } = await openDraftForEdit(tx, actor, vacancyId);
    const entry = findEntry(list, candidateId);
    if (entry.removedAt !== null) {
      throw new AppError("CONFLICT", "La persona è stata tolta dalla rosa: reinserirla prima di registrare il contatto.", [
        { field: "candidateId", message: "Tolta dalla rosa" },
      ]);
    }
    const from = entry.contactStatus as ContactStatus;
    assertTransition(contactStatusMachine, from, status, "Contatto", "status");
    await tx.shortlistEntry.update({ where: { id: entry.id }, data: { contactStatus: status } });
    await recordShortlistEvents(tx, actor, list.id, [{ type: "contact", candidateId, from, to: status, reason: note ?? null }]);
    await recordAudit(tx, actor, "update", "candidate", [candidateId], route);
    await appendEvents({ ctx, tx, actor, route }, [
      { type: "shortlist.contact_marked", entityType: "shortlist", entityId: list.id, payload: { vacancyId, candidateId, from, to: status } },
    ]);
    return reloadShortlist(tx, list.id);
  });
}
