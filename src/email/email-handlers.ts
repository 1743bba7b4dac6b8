import { recordedUserId } from "../auth/actor.js";
import { ACTION_STAGES, DEADLINE_KINDS, type ActionStage, type DeadlineKind } from "../deadlines/deadline-kinds.js";
import type { DomainEventOf } from "../events/domain-events.js";
import type { EventScope } from "../events/event-scope.js";
import { DECLINE_REASON_LABELS, type DeclineReason } from "../proposals/decline-reasons.js";
import { DECISIONS } from "../proposals/proposal-states.js";
import { emailVacancy, employerContactsOf, proposerOf, referentOf, userName, type EmailVacancy } from "./email-recipients.js";
import {
  deadlineEmail,
  newProposalEmail,
  outcomeCheckEmail,
  proposalDecisionEmail,
  shortlistSentEmail,
  type ProposalDecision,
} from "./email-templates.js";
import { issueLink } from "../shortlist-delivery/issue-link.js";
import { queueEmail } from "./queue-email.js";

/**
 * What e-mail each event causes, queued in the event's transaction. An event that names something these
 * handlers cannot write about (a vacancy gone, a state they do not know) is logged and queues nothing:
 * the user's write never fails for an e-mail.
 */

async function vacancyOf(scope: EventScope, event: { type: string; entityId: string }, vacancyId: string): Promise<EmailVacancy | null> {
  const vacancy = await emailVacancy(scope.tx, vacancyId);
  if (!vacancy) scope.ctx.log.warn({ eventType: event.type, entityId: event.entityId, vacancyId }, "e-mail non accodata: offerta inesistente");
  return vacancy;
}

const skip = (scope: EventScope, event: { type: string; entityId: string }, why: string) =>
  scope.ctx.log.warn({ eventType: event.type, entityId: event.entityId }, `e-mail non accodata: ${why}`);

export async function emailNewProposal(event: DomainEventOf<"proposal.created">, scope: EventScope): Promise<void> {
  const vacancy = await vacancyOf(scope, event, event.payload.vacancyId);
  if (!vacancy) return;
  const proposerName = await userName(scope.tx, event.payload.proposedById);
  await queueEmail(scope, event, {
    kind: "segnalazione_nuova",
    content: newProposalEmail({ vacancy: vacancy.ref, proposalId: event.entityId, proposerName }),
    addressees: await referentOf(scope.tx, vacancy),
  });
}

/** The decline reason as the tutor reads it: its Italian label (the note stays in Vetrina: it may speak of the person). */
const reasonLabel = (reason: string | null) => (reason === null ? null : (DECLINE_REASON_LABELS[reason as DeclineReason] ?? reason));

export async function emailProposalDecision(event: DomainEventOf<"proposal.decided">, scope: EventScope): Promise<void> {
  const decision = event.payload.to;
  if (!(DECISIONS as readonly string[]).includes(decision)) return skip(scope, event, `esito della segnalazione sconosciuto «${decision}»`);
  const vacancy = await vacancyOf(scope, event, event.payload.vacancyId);
  if (!vacancy) return;
  await queueEmail(scope, event, {
    kind: "segnalazione_decisa",
    content: proposalDecisionEmail({ vacancy: vacancy.ref, proposalId: event.entityId, decision: decision as ProposalDecision, reason: reasonLabel(event.payload.reason) }),
    addressees: await proposerOf(scope.tx, event.payload.proposedById),
  });
}

/**
 * To the employer's contact(s): each recipient gets a link of their own, issued here in the sending
 * transaction because this message is the one place its raw token may go (only its hash is stored). With no
 * recipient no link is issued: an operator issues one later (POST /vacancies/:id/shortlist/links).
 */
export async function emailShortlistSent(event: DomainEventOf<"shortlist.sent">, scope: EventScope): Promise<void> {
  const vacancy = await vacancyOf(scope, event, event.payload.vacancyId);
  if (!vacancy) return;
  const facts = { vacancy: vacancy.ref, peopleCount: event.payload.candidateIds.length, outcomeCheckDue: new Date(event.payload.outcomeCheckDue) };
  const addressees = await employerContactsOf(scope.tx, vacancy);
  if ("missing" in addressees) return queueEmail(scope, event, { kind: "rosa_inviata", content: shortlistSentEmail(facts), addressees });
  for (const recipient of addressees.to) {
    const { link, url } = await issueLink(scope.tx, scope.ctx, { shortlistId: event.entityId, recipientEmail: recipient.address, createdById: recordedUserId(scope.actor) });
    await queueEmail(scope, event, {
      kind: "rosa_inviata",
      content: shortlistSentEmail({ ...facts, link: { url, expiresAt: new Date(link.expiresAt) } }),
      addressees: { to: [recipient] },
    });
  }
}

export async function emailDeadlineReminder(event: DomainEventOf<"deadline.reminder">, scope: EventScope): Promise<void> {
  const { kind, stage, dueAt, referentUserId } = event.payload;
  if (!(ACTION_STAGES as readonly string[]).includes(stage)) return skip(scope, event, `fase della scadenza sconosciuta «${stage}»`);
  if (!(DEADLINE_KINDS as readonly string[]).includes(kind)) return skip(scope, event, `scadenza sconosciuta «${kind}»`);
  const vacancy = await vacancyOf(scope, event, event.entityId);
  if (!vacancy) return;
  const deadline = kind as DeadlineKind;
  const input = { vacancy: vacancy.ref, stage: stage as ActionStage, dueAt: new Date(dueAt) };
  await queueEmail(scope, event, {
    kind: deadline === "verifica_esito" ? "verifica_esito" : "scadenza",
    content: deadline === "verifica_esito" ? outcomeCheckEmail(input) : deadlineEmail({ ...input, deadline }),
    addressees: await referentOf(scope.tx, vacancy, referentUserId),
    // The scheduled check raises each deadline and stage once; the key keeps it once in the outbox too.
    dedupeKey: `scadenza:${event.entityId}:${kind}:${stage}:${dueAt}`,
  });
}
