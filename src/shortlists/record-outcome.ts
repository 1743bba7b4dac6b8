import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";
import { appendEvents } from "../events/append-events.js";
import type { DomainEventInput } from "../events/domain-events.js";
import { readBackCandidateAndAudit } from "../candidates/register-candidate.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { recordShortlistEvents } from "./shortlist-events.js";
import { canRecordOutcome } from "./shortlist-policies.js";
import { findEntry, findLatestSentShortlist } from "./shortlist-repository.js";
import { OUTCOME_LABELS, outcomeMachine, outcomeState, type Outcome } from "./shortlist-states.js";
import { assertTransition } from "./shortlist-transitions.js";

export interface OutcomeResult {
  shortlistId: string;
  candidateId: string;
  outcome: Outcome;
  outcomeLabel: string;
  /** The person's availability after the outcome ("employed" once hired). */
  availability: string;
}

/**
 * Records what the employer says about a person it received (interview, hiring, …), by the referent or by
 * the employer that owns the vacancy; also after the vacancy closed, since outcomes arrive late.
 * A hiring makes the person "employed" (its `candidate.changed` refreshes the index), so matching drops them.
 */
export async function recordOutcome(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  candidateId: string,
  outcome: Outcome,
  note: string | undefined,
  route: string,
): Promise<OutcomeResult> {
  return ctx.db.$transaction(async (tx) => {
    const vacancy = await findVacancy(tx, vacancyId);
    assertAllowed(canRecordOutcome(actor, vacancy));
    const list = await findLatestSentShortlist(tx, vacancyId);
    if (!list) {
      throw new AppError("CONFLICT", "La rosa non è ancora stata inviata all'azienda: gli esiti si registrano per le persone inviate.");
    }
    const entry = findEntry(list, candidateId);
    if (!entry.sentToEmployer) {
      throw new AppError("CONFLICT", "La persona non è stata inviata all'azienda: nessun esito da registrare.", [
        { field: "candidateId", message: "Non inviata" },
      ]);
    }
    const from = outcomeState(entry.outcome);
    assertTransition(outcomeMachine, from, outcome, "Esito", "outcome");
    await tx.shortlistEntry.update({ where: { id: entry.id }, data: { outcome } });
    await recordShortlistEvents(tx, actor, list.id, [{ type: "outcome", candidateId, from: entry.outcome, to: outcome, reason: note ?? null }]);

    const events: DomainEventInput[] = [
      { type: "shortlist.outcome_recorded", entityType: "shortlist", entityId: list.id, payload: { vacancyId, candidateId, from: entry.outcome, to: outcome } },
    ];
    let availability = entry.candidate.availability;
    if (outcome === "hired" && availability !== "employed") {
      await tx.candidate.update({ where: { id: candidateId }, data: { availability: "employed" } });
      await recordShortlistEvents(tx, actor, list.id, [
        { type: "availability", candidateId, from: availability, to: "employed", reason: `Assunta/o per l'offerta «${vacancy.requestedProfile}»` },
      ]);
      // candidate.changed refreshes the search document (matching filters on availability).
      availability = (await readBackCandidateAndAudit(tx, actor, candidateId, "update", route)).availability;
      events.push({ type: "candidate.changed", entityType: "candidate", entityId: candidateId, payload: { fields: ["availability"] } });
    } else {
      await recordAudit(tx, actor, "update", "candidate", [candidateId], route);
    }
    await appendEvents({ ctx, tx, actor, route }, events);
    return { shortlistId: list.id, candidateId, outcome, outcomeLabel: OUTCOME_LABELS[outcome], availability };
  });
}
