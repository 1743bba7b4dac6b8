import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { appendEvents } from "../events/append-events.js";
import type { NarrowingFilter } from "../matching/narrow-pool.js";
import { rankCandidatesForVacancy } from "../matching/rank-vacancy-candidates.js";
import { findVacancy, type VacancyRecord } from "../vacancies/vacancy-repository.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import { canManageShortlist } from "./shortlist-policies.js";
import { assertVacancyNotClosed, findOpenShortlist, reloadShortlist, type ShortlistRecord } from "./shortlist-repository.js";
import { closeShortlist } from "./shortlist-transitions.js";
import { REASONS_SEPARATOR } from "./shortlist-views.js";

/**
 * Builds the draft list of a vacancy from the matching:
 * 1. the referent of the vacancy's CPI (or an administrator) asks, for a vacancy not closed;
 * 2. one open list at a time: a draft, or a list with the employer, is a 409; a sent list is replaced
 *    only once the vacancy went back to preselection (the employer turned it down), and is then closed;
 * 3. the best qualified people, up to the vacancy's cap (15 unless the employer asked otherwise), go on
 *    the list with their score and reasons, "to contact" (availability is verified before sending, D2);
 *    with narrowing parameters (those the matches propose), only the people they keep;
 * 4. `shortlist.built` is appended (its handler moves the vacancy to "in preselection"); events and audit
 *    in the same transaction.
 */
export async function buildShortlist(ctx: AppContext, actor: Actor, vacancyId: string, route: string, narrow: NarrowingFilter[] = []): Promise<ShortlistRecord> {
  const vacancy = await findVacancy(ctx.db, vacancyId);
  assertAllowed(canManageShortlist(actor, vacancy));
  assertVacancyNotClosed(vacancy);
  await assertNoBlockingList(ctx.db, vacancy);

  // Ranking reads the index and the store: done before the transaction, re-checked inside it.
  const cap = vacancy.shortlistCap;
  const ranked = await rankCandidatesForVacancy(ctx, vacancy, { limit: cap, filters: { narrow } });

  return ctx.db.$transaction(async (tx) => {
    const scope = { ctx, tx, actor, route };
    const current = await findVacancy(tx, vacancyId);
    assertVacancyNotClosed(current);
    const replaced = await assertNoBlockingList(tx, current);
    if (replaced) await closeShortlist(scope, replaced, "Sostituita da una nuova rosa");

    const stillAvailable = new Set(
      (await tx.candidate.findMany({ where: { id: { in: ranked.map((r) => r.candidateId) }, availability: "available" }, select: { id: true } })).map(
        (c) => c.id,
      ),
    );
    const picks = ranked.filter((r) => stillAvailable.has(r.candidateId)).slice(0, cap);
    const now = new Date();
    const list = await tx.shortlist.create({
      data: {
        vacancyId,
        status: "draft",
        cap,
        createdById: recordedUserId(actor),
        createdAt: now,
        entries: {
          create: picks.map((m) => ({
            candidateId: m.candidateId,
            source: "matching",
            score: m.score,
            reason: m.reasons.join(REASONS_SEPARATOR) || null,
            addedById: recordedUserId(actor),
            addedAt: now,
          })),
        },
      },
    });
    await recordShortlistEvents(
      tx,
      actor,
      list.id,
      [
        { type: "created", to: "draft", reason: `${picks.length} persone dall'abbinamento (tetto ${cap})` },
        ...picks.map((m) => ({ type: "entry_added" as const, candidateId: m.candidateId, to: "matching", reason: `Posizione ${m.rank}, punteggio ${m.score}` })),
      ],
      now,
    );
    await recordAudit(tx, actor, "create", "candidate", picks.map((m) => m.candidateId), route);
    await appendEvents(
      scope,
      [
        {
          type: "shortlist.built",
          entityType: "shortlist",
          entityId: list.id,
          payload: { vacancyId, cap, candidateIds: picks.map((m) => m.candidateId), replacedShortlistId: replaced?.id ?? null },
        },
      ],
      now,
    );
    return reloadShortlist(tx, list.id);
  });
}

/**
 * Refuses while a list is open (a draft, or a sent list the employer still has); answers the sent list
 * that a new one may replace, when the vacancy went back to preselection.
 */
async function assertNoBlockingList(db: DbTx, vacancy: VacancyRecord): Promise<ShortlistRecord | null> {
  const open = await findOpenShortlist(db, vacancy.id);
  if (!open) return null;
  if (open.status === "sent" && vacancy.status === "in_preselection") return open;
  throw new AppError(
    "CONFLICT",
    open.status === "draft"
      ? "Esiste già una rosa in preparazione per questa offerta: modificarla o inviarla."
      : "La rosa inviata all'azienda è ancora aperta: per costruirne una nuova riportare prima l'offerta in preselezione.",
    [{ field: "shortlist", message: `Rosa ${open.id} (${open.status})` }],
  );
}
