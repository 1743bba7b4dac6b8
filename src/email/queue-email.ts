import type { DomainEventInput } from "../events/domain-events.js";
import type { EventScope } from "../events/event-scope.js";
import type { Addressees } from "./email-recipients.js";
import type { EmailKind } from "./email-kinds.js";
import type { EmailStatus } from "./email-states.js";
import type { EmailContent } from "./email-templates.js";

export interface OutgoingEmail {
  kind: EmailKind;
  content: EmailContent;
  addressees: Addressees;
  /** A message that must be queued once whatever raises it again (reminders): one row per key and recipient. */
  dedupeKey?: string;
}

/** Where the message of a missing recipient sits: no address, never claimed by the sender. */
const NO_ADDRESS = "";

/** The log position of the event being handled: the latest of its type and entity, in this very transaction. */
async function eventSeqOf(scope: EventScope, event: DomainEventInput): Promise<number | null> {
  const row = await scope.tx.domainEvent.findFirst({ where: { type: event.type, entityId: event.entityId }, orderBy: { seq: "desc" }, select: { seq: true } });
  return row?.seq ?? null;
}

/**
 * The outbox writer: in the caller's transaction, so the e-mail exists if and only if the change that caused
 * it committed. One row per recipient, "in_coda"; with no recipient one "senza_destinatario" row carrying
 * the reason, so nothing is dropped unseen. A dedupe key already written leaves the outbox unchanged.
 * `cause` is null for a scheduled message that follows no single event (the daily digest).
 */
export async function queueEmail(scope: EventScope, cause: DomainEventInput | null, email: OutgoingEmail): Promise<void> {
  const eventSeq = cause ? await eventSeqOf(scope, cause) : null;
  const rows: { toAddress: string; toName: string | null; status: EmailStatus; lastError: string | null }[] =
    "missing" in email.addressees
      ? [{ toAddress: NO_ADDRESS, toName: null, status: "senza_destinatario", lastError: email.addressees.missing }]
      : email.addressees.to.map((r) => ({ toAddress: r.address, toName: r.name, status: "in_coda", lastError: null }));
  if ("missing" in email.addressees) {
    scope.ctx.log.warn({ kind: email.kind, eventType: cause?.type, entityId: cause?.entityId, reason: email.addressees.missing }, "e-mail senza destinatario: registrata, non inviata");
  }
  for (const row of rows) {
    const data = { kind: email.kind, subject: email.content.subject, body: email.content.text, eventSeq, ...row };
    if (email.dedupeKey) {
      const dedupeKey = `${email.dedupeKey}→${row.toAddress || "(nessuno)"}`;
      await scope.tx.emailMessage.upsert({ where: { dedupeKey }, create: { ...data, dedupeKey }, update: {} });
    } else {
      await scope.tx.emailMessage.create({ data });
    }
  }
}
