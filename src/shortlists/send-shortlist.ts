import { recordedUserId, type Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import { openDraftForEdit } from "./open-draft-for-edit.js";
import { activeEntries, reloadShortlist, type ShortlistRecord } from "./shortlist-repository.js";
import { moveShortlist, syncShortlistCap } from "./shortlist-transitions.js";
import { availabilityLabel } from "../candidates/availability-labels.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sends the draft list to the employer:
 * 1. only people whose availability the CPI verified ("available", D2) go; the others stay on the draft;
 * 2. none available is a 409; more than the cap is a 409 too (narrow the list, never send more);
 * 3. the list records when, by whom, and the outcome-check date: Umbria E2 checks the outcome with the
 *    employer within 15 days of sending the list (DEADLINE_OUTCOME_CHECK_DAYS, 15 unless configured);
 * 4. `shortlist.sent` is appended (its handler moves the vacancy to "list sent"); events and audit (an
 *    export of the people sent) in one transaction.
 */
export async function sendShortlist(ctx: AppContext, actor: Actor, vacancyId: string, route: string): Promise<ShortlistRecord> {
  return ctx.db.$transaction(async (tx) => {
    const scope = { ctx, tx, actor, route };
    const { vacancy, list } = await openDraftForEdit(tx, actor, vacancyId);
    const cap = await syncShortlistCap(scope, list, vacancy);

    const toSend = activeEntries(list).filter((e) => e.contactStatus === "available");
    if (toSend.length === 0) {
      throw new AppError("CONFLICT", "Nessuna persona della rosa ha confermato la disponibilità: contattarle prima di inviare la rosa.", [
        { field: "entries", message: "Nessuna persona «Disponibile»" },
      ]);
    }
    if (toSend.length > cap) {
      throw new AppError(
        "CONFLICT",
        `Le persone disponibili sono ${toSend.length}, oltre il tetto di ${cap} per questa offerta: togliere dalla rosa chi non è tra i più adatti (o restringere i parametri) prima dell'invio.`,
        [{ field: "entries", message: `Tetto della rosa: ${cap}` }],
      );
    }
    const noLongerAvailable = toSend.filter((e) => e.candidate.availability !== "available");
    if (noLongerAvailable.length > 0) {
      throw new AppError(
        "CONFLICT",
        "Alcune persone risultano ora non disponibili o occupate: toglierle dalla rosa o ricontattarle prima dell'invio.",
        noLongerAvailable.map((e) => ({ field: `entries.${e.candidateId}`, message: `Disponibilità: ${availabilityLabel(e.candidate.availability)}` })),
      );
    }

    const sentAt = new Date();
    const outcomeCheckDue = new Date(sentAt.getTime() + ctx.env.DEADLINE_OUTCOME_CHECK_DAYS * DAY_MS);
    const ids = toSend.map((e) => e.candidateId);
    await moveShortlist(scope, list, "sent", `${ids.length} persone inviate; verifica dell'esito entro il ${outcomeCheckDue.toISOString().slice(0, 10)}`, {
      sentAt,
      sentById: recordedUserId(actor),
      outcomeCheckDue,
    });
    await tx.shortlistEntry.updateMany({ where: { id: { in: toSend.map((e) => e.id) } }, data: { sentToEmployer: true } });
    await recordShortlistEvents(tx, actor, list.id, ids.map((candidateId) => ({ type: "entry_sent" as const, candidateId, to: "sent" })), sentAt);
    // Personal data leaves the CPI for the employer: recorded as an export of each person.
    await recordAudit(tx, actor, "export", "candidate", ids, route);
    await appendEvents(
      scope,
      [{ type: "shortlist.sent", entityType: "shortlist", entityId: list.id, payload: { vacancyId, candidateIds: ids, outcomeCheckDue: outcomeCheckDue.toISOString() } }],
      sentAt,
    );
    return reloadShortlist(tx, list.id);
  });
}
