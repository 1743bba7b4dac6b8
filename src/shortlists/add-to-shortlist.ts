import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed, canReadCandidate } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { findCandidate } from "../candidates/candidate-repository.js";
import { appendEvents } from "../events/append-events.js";
import { evaluateForVacancy } from "../matching/vacancy-matches.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import type { EntrySource } from "./entry-sources.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import { openDraftForEdit } from "./open-draft-for-edit.js";
import { canManageShortlist } from "./shortlist-policies.js";
import { activeEntries, reloadShortlist, type ShortlistRecord } from "./shortlist-repository.js";
import { syncShortlistCap } from "./shortlist-transitions.js";

/**
 * Puts a person on the draft list by hand, with the operator's reason:
 * refused when the person is already on it, is not available, or the list would go past its cap.
 * A person outside the referent's own CPIs goes on only when the matching finds them qualified for the
 * vacancy (evaluated for that one person, as "explain" does): the entry is then "manual_ranked", with the
 * score, and the referent may see their contacts while the list is open.
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
  // Evaluation reads the index and the store: done before the transaction, its verdict applied inside it.
  const vacancy = await findVacancy(ctx.db, vacancyId);
  assertAllowed(canManageShortlist(actor, vacancy));
  const candidate = await findCandidate(ctx.db, candidateId);
  const ranked = canReadCandidate(actor, candidate) === null ? null : await evaluateForVacancy(ctx, vacancy, candidate);

  return ctx.db.$transaction(async (tx) => {
    const scope = { ctx, tx, actor, route };
    const { vacancy, list } = await openDraftForEdit(tx, actor, vacancyId);
    const existing = list.entries.find((e) => e.candidateId === candidateId);
    if (existing && existing.removedAt === null) {
      throw new AppError("CONFLICT", "La persona è già nella rosa.", [{ field: "candidateId", message: "Già presente" }]);
    }
    const current = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { availability: true } });
    if (current.availability !== "available") {
      throw new AppError(
        "CONFLICT",
        `La persona non è disponibile (${current.availability === "employed" ? "risulta occupata/o" : "non disponibile"}): non può entrare nella rosa.`,
        [{ field: "candidateId", message: `Disponibilità: ${current.availability}` }],
      );
    }
    if (ranked && !ranked.qualified) {
      throw new AppError(
        "NOT_QUALIFIED",
        `La persona appartiene a un CPI fuori dall'ambito del referente (${candidate.cpiCode}) e l'abbinamento non la indica tra le persone idonee per questa offerta: ${ranked.summary} Si inseriscono a mano solo persone dei propri CPI o persone idonee.`,
        [{ field: "candidateId", message: ranked.summary }],
      );
    }
    const cap = await syncShortlistCap(scope, list, vacancy);
    const onList = activeEntries(list).length;
    if (onList + 1 > cap) {
      throw new AppError(
        "CONFLICT",
        `La rosa ha già ${onList} persone: il tetto per questa offerta è ${cap}. Togliere qualcuno o chiedere all'azienda un numero diverso.`,
        [{ field: "candidateId", message: `Tetto della rosa: ${cap}` }],
      );
    }

    const source: EntrySource = ranked ? "manual_ranked" : "manual";
    const score = ranked ? ranked.evaluation.score : null;
    const entry = { source, reason, score, contactStatus: "to_contact", addedById: recordedUserId(actor), addedAt: new Date() };
    if (existing) {
      await tx.shortlistEntry.update({ where: { id: existing.id }, data: { ...entry, removedAt: null, removedReason: null, outcome: null } });
    } else {
      await tx.shortlistEntry.create({ data: { ...entry, shortlistId: list.id, candidateId } });
    }
    await recordShortlistEvents(tx, actor, list.id, [
      { type: existing ? "entry_restored" : "entry_added", candidateId, from: existing ? "removed" : null, to: source, reason },
    ]);
    await recordAudit(tx, actor, existing ? "update" : "create", "candidate", [candidateId], route);
    await appendEvents(scope, [
      { type: "shortlist.entry_added", entityType: "shortlist", entityId: list.id, payload: { vacancyId, candidateId, source, restored: Boolean(existing) } },
    ]);
    return reloadShortlist(tx, list.id);
  });
}
