import { z } from "zod";

/**
 * The domain events: what happened, to which entity, in the words the consumers read back.
 * Events outlive erasure, so for people and employers they name ids and changed field names only,
 * never personal values (names, contacts, tax codes).
 */

const fieldChange = z.object({
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type FieldChange = z.infer<typeof fieldChange>;

const vacancyStatus = z.string();

const event = <T extends string, E extends string, P extends z.ZodType>(type: T, entityType: E, payload: P) =>
  z.object({ type: z.literal(type), entityType: z.literal(entityType), entityId: z.string(), payload });

const onVacancyList = { vacancyId: z.string() };

export const domainEventSchema = z.discriminatedUnion("type", [
  event("vacancy.published", "vacancy", z.object({ status: vacancyStatus, statusChangeId: z.string() })),
  // reason: why, when the operator said (a referent reassigned); absent for plain edits.
  event("vacancy.changed", "vacancy", z.object({ changes: z.array(fieldChange).min(1), reason: z.string().nullable().optional() })),
  event(
    "vacancy.status_changed",
    "vacancy",
    z.object({ from: vacancyStatus, to: vacancyStatus, reason: z.string().nullable(), statusChangeId: z.string() }),
  ),
  event("candidate.registered", "candidate", z.object({})),
  event("candidate.changed", "candidate", z.object({ fields: z.array(z.string()).min(1) })),
  event("candidate.erased", "candidate", z.object({})),
  event("employer.created", "employer", z.object({})),
  event("employer.changed", "employer", z.object({ fields: z.array(z.string()).min(1) })),
  event(
    "shortlist.built",
    "shortlist",
    z.object({ ...onVacancyList, cap: z.number().int(), candidateIds: z.array(z.string()), replacedShortlistId: z.string().nullable() }),
  ),
  event("shortlist.entry_added", "shortlist", z.object({ ...onVacancyList, candidateId: z.string(), source: z.string(), restored: z.boolean() })),
  event("shortlist.entry_removed", "shortlist", z.object({ ...onVacancyList, candidateId: z.string() })),
  event("shortlist.contact_marked", "shortlist", z.object({ ...onVacancyList, candidateId: z.string(), from: z.string(), to: z.string() })),
  event("shortlist.cap_changed", "shortlist", z.object({ ...onVacancyList, from: z.number().int(), to: z.number().int() })),
  event("shortlist.sent", "shortlist", z.object({ ...onVacancyList, candidateIds: z.array(z.string()), outcomeCheckDue: z.iso.datetime() })),
  event(
    "shortlist.outcome_recorded",
    "shortlist",
    z.object({ ...onVacancyList, candidateId: z.string(), from: z.string().nullable(), to: z.string() }),
  ),
  event("shortlist.closed", "shortlist", z.object({ ...onVacancyList, from: z.string(), reason: z.string() })),
  event("shortlist.declined", "shortlist", z.object({ ...onVacancyList, reason: z.string() })),
  event("proposal.created", "proposal", z.object({ ...onVacancyList, candidateId: z.string(), proposedById: z.string().nullable() })),
  event(
    "proposal.decided",
    "proposal",
    z.object({ ...onVacancyList, candidateId: z.string(), proposedById: z.string().nullable(), to: z.string(), reason: z.string().nullable() }),
  ),
  event("congrua_offer.recorded", "congrua_offer", z.object({ candidateId: z.string(), vacancyId: z.string().nullable(), verdict: z.string() })),
  event("congrua_offer.outcome_recorded", "congrua_offer", z.object({ candidateId: z.string(), from: z.string(), to: z.string() })),
  event("conditionality.opened", "conditionality_event", z.object({ candidateId: z.string(), kind: z.string(), congruaOfferId: z.string().nullable() })),
  event("conditionality.reported", "conditionality_event", z.object({ candidateId: z.string(), exportId: z.string().nullable() })),
  /** A deadline of a vacancy falls due or is overdue (raised once per deadline and stage by the scheduled check). */
  event("deadline.reminder", "vacancy", z.object({ kind: z.string(), stage: z.string(), dueAt: z.iso.datetime(), referentUserId: z.string().nullable() })),
]);

export type DomainEventInput = z.infer<typeof domainEventSchema>;
export type DomainEventType = DomainEventInput["type"];
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEventInput, { type: T }>;

/** An event as stored: its place in the log, who and when. */
export type StoredDomainEvent = DomainEventInput & { seq: number; actorUserId: string | null; at: Date };
