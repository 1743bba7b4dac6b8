import { SYSTEM_ACTOR } from "../../src/auth/actor.js";
import type { AppContext } from "../../src/context.js";
import { appendEvents } from "../../src/events/append-events.js";

/**
 * A deadline reminder as the scheduled check raises it (its DeadlineReminder row and its event in one
 * transaction), for any kind, stage and due day: the tests of the e-mails need them without building
 * the facts of each deadline.
 */
export async function raiseReminder(ctx: AppContext, r: { vacancyId: string; kind: string; stage: string; dueAt: Date; referentUserId: string | null }): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const key = `${r.vacancyId}:${r.kind}:${r.stage}:${r.dueAt.toISOString().slice(0, 10)}`;
    await tx.deadlineReminder.upsert({ where: { key }, create: { key, vacancyId: r.vacancyId, kind: r.kind, stage: r.stage, dueAt: r.dueAt }, update: {} });
    await appendEvents({ ctx, tx, actor: SYSTEM_ACTOR, route: "test" }, [
      { type: "deadline.reminder", entityType: "vacancy", entityId: r.vacancyId, payload: { kind: r.kind, stage: r.stage, dueAt: r.dueAt.toISOString(), referentUserId: r.referentUserId } },
    ]);
  });
}
