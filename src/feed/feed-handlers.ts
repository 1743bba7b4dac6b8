import type { DomainEventOf } from "../events/domain-events.js";
import type { EventScope } from "../events/event-scope.js";
import { vacancyReferentIds } from "./feed-recipients.js";
import { writeFeedItems } from "./write-feed-items.js";

/**
 * The feed items each event writes, in the event's transaction. Dedupe keys name the fact and the
 * recipient, so a replayed event writes nothing new. Payloads carry ids and codes only.
 */

/** The vacancy's referent (or its CPI's referents): a proposal waits for their decision. */
export async function feedNewProposal(event: DomainEventOf<"proposal.created">, scope: EventScope): Promise<void> {
  const { vacancyId, candidateId } = event.payload;
  const userIds = await vacancyReferentIds(scope.tx, vacancyId);
  await writeFeedItems(
    scope.tx,
    userIds.map((userId) => ({
      userId,
      kind: "segnalazione_nuova",
      vacancyId,
      candidateId,
      payload: { proposalId: event.entityId },
      dedupeKey: `segnalazione_nuova:${event.entityId}:${userId}`,
    })),
  );
}

/** The proposer (tutor or navigator): the referent's decision, with the reason code of a refusal. */
export async function feedProposalDecision(event: DomainEventOf<"proposal.decided">, scope: EventScope): Promise<void> {
  const { vacancyId, candidateId, proposedById, to, reason } = event.payload;
  if (!proposedById) return;
  await writeFeedItems(scope.tx, [
    {
      userId: proposedById,
      kind: "segnalazione_decisa",
      vacancyId,
      candidateId,
      payload: { proposalId: event.entityId, decision: to, reason },
      dedupeKey: `segnalazione_decisa:${event.entityId}:${to}`,
    },
  ]);
}

/** The referent: a list or selection due soon or overdue ("scadenza"), or an outcome to check ("verifica_esito"). */
export async function feedDeadlineReminder(event: DomainEventOf<"deadline.reminder">, scope: EventScope): Promise<void> {
  const { kind, stage, dueAt, referentUserId } = event.payload;
  const userIds = await vacancyReferentIds(scope.tx, event.entityId, referentUserId);
  await writeFeedItems(
    scope.tx,
    userIds.map((userId) => ({
      userId,
      kind: kind === "verifica_esito" ? "verifica_esito" : "scadenza",
      vacancyId: event.entityId,
      payload: { deadline: kind, stage, dueAt },
      dedupeKey: `scadenza:${event.entityId}:${kind}:${stage}:${dueAt}:${userId}`,
    })),
  );
}
