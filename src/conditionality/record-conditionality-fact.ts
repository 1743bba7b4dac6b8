/**
 * POST /candidates/:id/conditionality-events: an operator records a missed appointment, active measure or
 * SFL confirmation. The fact is always stored; when the rule (fact-rules.ts) charges it to a benefit it is
 * an event to report, with `conditionality.opened`, and joins the CPI's list and next export. Same
 * transaction, audited against the person.
 */
import { recordedUserId, type Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import { findCandidate, type CandidateRecord } from "../candidates/candidate-repository.js";
import type { AppContext } from "../context.js";
import { isoDay } from "../congrua/months.js";
import type { Programme, ProgrammeEnrolment } from "../congrua/types.js";
import { userNames } from "../congrua-offers/user-names.js";
import { italianDay } from "../deadlines/calendar-day.js";
import { AppError } from "../errors/app-error.js";
import { appendEvents } from "../events/append-events.js";
import { detailsJson, type FactEventDetails } from "./conditionality-details.js";
import { CONDITIONALITY_KIND_LABELS } from "./conditionality-kinds.js";
import { canRecordConditionalityFact } from "./conditionality-policies.js";
import type { RecordFactInput } from "./conditionality-schemas.js";
import { eventUserIds, toConditionalityEventView, type ConditionalityEventView } from "./conditionality-views.js";
import { decideFactEvent } from "./fact-rules.js";

const enrolmentsOf = (c: CandidateRecord): ProgrammeEnrolment[] =>
  c.programmes.map((p) => ({ programme: p.programme as Programme, startDate: p.startDate, endDate: p.endDate, monthlyAmount: p.monthlyAmount }));

export async function recordConditionalityFact(ctx: AppContext, actor: Actor, candidateId: string, input: RecordFactInput, route: string): Promise<ConditionalityEventView> {
  return ctx.db.$transaction(async (tx) => {
    const person = await findCandidate(tx, candidateId);
    assertAllowed(canRecordConditionalityFact(actor, person));
    const day = isoDay(input.occurredAt);
    const sameKind = await tx.conditionalityEvent.findMany({ where: { candidateId, kind: input.kind } });
    // One fact of a kind a day: a second one is a repeated submission, not a second absence.
    if (sameKind.some((e) => isoDay(e.occurredAt) === day)) {
      throw new AppError("CONFLICT", `«${CONDITIONALITY_KIND_LABELS[input.kind]}» è già registrato per questa persona il ${italianDay(day)}.`, [
        { field: "occurredAt", message: "Fatto già registrato in questo giorno" },
      ]);
    }
    const decision = decideFactEvent({
      kind: input.kind,
      day,
      justifiedReason: input.justified?.reason ?? null,
      enrolments: enrolmentsOf(person),
      earlier: sameKind.flatMap((e) => (e.programme ? [{ kind: e.kind, programme: e.programme, day: isoDay(e.occurredAt) }] : [])),
    });
    const details: FactEventDetails = {
      source: "fatto",
      ordinal: decision.open ? decision.ordinal : null,
      sanction: decision.open ? decision.sanction : null,
      legalBasis: decision.open ? decision.legalBasis : null,
      toConfirm: decision.open && decision.toConfirm,
      justifiedReason: input.justified?.reason ?? null,
      notOpenedReason: decision.open ? null : decision.reason,
      note: input.note || null,
      recordedById: recordedUserId(actor),
    };
    const created = await tx.conditionalityEvent.create({
      data: {
        candidateId,
        cpiCode: person.cpiCode,
        kind: input.kind,
        programme: decision.open ? decision.programme : null,
        occurredAt: input.occurredAt,
        details: detailsJson(details),
      },
    });
    await recordAudit(tx, actor, "update", "candidate", [candidateId], route);
    if (decision.open) {
      await appendEvents({ ctx, tx, actor, route }, [
        { type: "conditionality.opened", entityType: "conditionality_event", entityId: created.id, payload: { candidateId, kind: created.kind, congruaOfferId: null } },
      ]);
    }
    return toConditionalityEventView(created, await userNames(tx, eventUserIds(created)));
  });
}
