import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import type { FieldChange } from "../events/domain-events.js";
import { fieldChanges } from "../events/field-changes.js";
import { findLatestSentShortlist } from "../shortlists/shortlist-repository.js";
import { dayOf } from "./calendar-day.js";
import { assertFactDay, assertNotRecorded, recordVacancyFact } from "./record-vacancy-fact.js";

/**
 * The referent checked with the employer the outcome of the latest list sent (the 15-day deadline is
 * met): once per list, not before it was sent nor in the future; also after the vacancy closed, since
 * outcomes arrive late. The note, if any, goes in the vacancy's history with the date.
 */
export function recordOutcomeCheck(ctx: AppContext, actor: Actor, vacancyId: string, input: { checkedAt?: Date | undefined; note?: string | undefined }, route: string) {
  return recordVacancyFact(ctx, actor, vacancyId, route, async ({ tx, today }) => {
    const list = await findLatestSentShortlist(tx, vacancyId);
    if (!list?.sentAt) {
      throw new AppError("CONFLICT", "Nessuna rosa è stata inviata all'azienda: non c'è un esito da verificare.", [{ field: "shortlist", message: "Nessuna rosa inviata" }]);
    }
    assertNotRecorded(list.outcomeCheckedAt, "L'esito della rosa inviata è già stato verificato", "checkedAt");
    const at = input.checkedAt ?? new Date();
    assertFactDay("checkedAt", at, today, { day: dayOf(list.sentAt), what: "l'invio della rosa" });
    await tx.shortlist.update({ where: { id: list.id }, data: { outcomeCheckedAt: at } });
    const note: FieldChange[] = input.note ? [{ field: "outcomeCheckNote", before: null, after: input.note }] : [];
    return [...fieldChanges(list, { outcomeCheckedAt: at }), ...note];
  });
}
