import { SYSTEM_ACTOR } from "../../src/auth/actor.js";
import type { AppContext } from "../../src/context.js";
import type { DbTx } from "../../src/db/client.js";
import { appendEvents } from "../../src/events/append-events.js";
import type { DomainEventInput } from "../../src/events/domain-events.js";

/**
 * The causes of e-mails whose routes live elsewhere (proposals, deadline reminders), written as a use-case
 * writes them: real rows and their events appended in one transaction.
 */

export async function writeWithEvents(ctx: AppContext, write: (tx: DbTx) => Promise<DomainEventInput[]>): Promise<void> {
  await ctx.db.$transaction(async (tx) => appendEvents({ ctx, tx, actor: SYSTEM_ACTOR, route: "test" }, await write(tx)));
}

export async function proposeCandidate(ctx: AppContext, vacancyId: string, candidateId: string, proposedById: string | null): Promise<string> {
  let id = "";
  await writeWithEvents(ctx, async (tx) => {
    id = (await tx.proposal.create({ data: { vacancyId, candidateId, proposedById, status: "in_attesa" } })).id;
    return [{ type: "proposal.created", entityType: "proposal", entityId: id, payload: { vacancyId, candidateId, proposedById } }];
  });
  return id;
}

export async function decideProposal(ctx: AppContext, proposalId: string, to: "accettata" | "rifiutata", reason: string | null): Promise<void> {
  await writeWithEvents(ctx, async (tx) => {
    const { vacancyId, candidateId, proposedById } = await tx.proposal.update({ where: { id: proposalId }, data: { status: to, decidedAt: new Date(), declineReason: reason } });
    return [{ type: "proposal.decided", entityType: "proposal", entityId: proposalId, payload: { vacancyId, candidateId, proposedById, to, reason } }];
  });
}

/** A deadline reminder as the scheduled check raises it: its DeadlineReminder row and its event. */
export async function raiseReminder(ctx: AppContext, r: { vacancyId: string; kind: string; stage: string; dueAt: Date; referentUserId: string | null }): Promise<void> {
  await writeWithEvents(ctx, async (tx) => {
    const key = `${r.vacancyId}:${r.kind}:${r.stage}:${r.dueAt.toISOString().slice(0, 10)}`;
    await tx.deadlineReminder.upsert({ where: { key }, create: { key, vacancyId: r.vacancyId, kind: r.kind, stage: r.stage, dueAt: r.dueAt }, update: {} });
    return [
      { type: "deadline.reminder", entityType: "vacancy", entityId: r.vacancyId, payload: { kind: r.kind, stage: r.stage, dueAt: r.dueAt.toISOString(), referentUserId: r.referentUserId } },
    ];
  });
}
