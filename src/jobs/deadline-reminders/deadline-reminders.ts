import { SYSTEM_ACTOR } from "../../auth/actor.js";
import type { AppContext } from "../../context.js";
import { appendEvents } from "../../events/append-events.js";
import { rawSql } from "../../db/sql-dialect.js";
import { dayDate, dayOf, type Day } from "../../deadlines/calendar-day.js";
import { loadDeadlineVacancies } from "../../deadlines/deadline-facts.js";
import { isActionStage, type ActionStage, type DeadlineKind } from "../../deadlines/deadline-kinds.js";
import { deadlineSettings, deadlinesOn } from "../../deadlines/deadline-rules.js";
import { vacancyReferents } from "../../deadlines/vacancy-referents.js";
import type { JobHandler } from "../job-handler.js";

const ROUTE = "job deadline-reminders";

interface Reminder {
  key: string;
  vacancyId: string;
  kind: DeadlineKind;
  stage: ActionStage;
  dueAt: Date;
  referentUserId: string | null;
}

export interface RemindersOutcome {
  /** Deadlines due soon or overdue today. */
  pending: number;
  /** Reminders raised by this run, by stage. */
  raised: Record<ActionStage, number>;
  /** Pending deadlines whose reminder for this stage was raised before (by an earlier run or another process). */
  alreadyRaised: number;
  raisedKeys: string[];
}

/** One reminder per vacancy, deadline, stage and due day: a due day that moves (a new list sent) is a new deadline. */
const reminderKey = (r: Omit<Reminder, "key" | "referentUserId">): string => `${r.vacancyId}:${r.kind}:${r.stage}:${r.dueAt.toISOString().slice(0, 10)}`;

/**
 * For every deadline that is "in scadenza" or "scaduta" on `day`, raises its reminder once: in one
 * transaction the DeadlineReminder row (its key is the primary key, inserted only if absent) and the
 * `deadline.reminder` event, whose e-mail handler writes to the referent. A deadline skipped by a run
 * that did not happen gets only its current stage. Another run, in this process or another, raises
 * nothing new.
 */
export async function raiseDeadlineReminders(ctx: AppContext, day: Day = dayOf(new Date())): Promise<RemindersOutcome> {
  const settings = deadlineSettings(ctx.env);
  const [vacancies, referentOf] = await Promise.all([loadDeadlineVacancies(ctx.db, null), vacancyReferents(ctx.db)]);
  const pending: Reminder[] = vacancies.flatMap((v) =>
    deadlinesOn(v, settings, day).flatMap((d) => {
      if (!isActionStage(d.stage)) return [];
      const r = { vacancyId: v.id, kind: d.kind, stage: d.stage, dueAt: dayDate(d.dueOn) };
      return [{ ...r, key: reminderKey(r), referentUserId: referentOf(v)?.userId ?? null }];
    }),
  );
  const known = await raisedBefore(ctx, pending.map((r) => r.key));
  const outcome: RemindersOutcome = { pending: pending.length, raised: { in_scadenza: 0, scaduta: 0 }, alreadyRaised: 0, raisedKeys: [] };
  for (const reminder of pending) {
    const raised = !known.has(reminder.key) && (await raiseOnce(ctx, reminder));
    if (raised) {
      outcome.raised[reminder.stage] += 1;
      outcome.raisedKeys.push(reminder.key);
    } else outcome.alreadyRaised += 1;
  }
  if (outcome.raisedKeys.length > 0) ctx.log.info({ raised: outcome.raised }, "promemoria delle scadenze inviati");
  return outcome;
}

/** Keys read in chunks, well under SQLite's limit on bound parameters. */
const KEY_CHUNK = 500;

/** The reminders already raised among these keys: skipped without opening a transaction. */
async function raisedBefore(ctx: AppContext, keys: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const rows = await ctx.db.deadlineReminder.findMany({ where: { key: { in: keys.slice(i, i + KEY_CHUNK) } }, select: { key: true } });
    for (const row of rows) known.add(row.key);
  }
  return known;
}

/** Inserts the reminder unless its key exists and, only if it did insert, appends the event; false when another run was first. */
async function raiseOnce(ctx: AppContext, r: Reminder): Promise<boolean> {
  return ctx.db.$transaction(async (tx) => {
    const inserted = await tx.$queryRawUnsafe<{ key: string }[]>(
      rawSql(tx, `INSERT INTO "DeadlineReminder" ("key", "vacancyId", "kind", "stage", "dueAt", "createdAt") VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT ("key") DO NOTHING RETURNING "key"`),
      r.key,
      r.vacancyId,
      r.kind,
      r.stage,
      r.dueAt,
      new Date(),
    );
    if (inserted.length === 0) return false;
    await appendEvents({ ctx, tx, actor: SYSTEM_ACTOR, route: ROUTE }, [
      {
        type: "deadline.reminder",
        entityType: "vacancy",
        entityId: r.vacancyId,
        payload: { kind: r.kind, stage: r.stage, dueAt: r.dueAt.toISOString(), referentUserId: r.referentUserId },
      },
    ]);
    return true;
  });
}

export const deadlineRemindersJob: JobHandler = async (ctx) => {
  const { pending, raised, alreadyRaised, raisedKeys } = await raiseDeadlineReminders(ctx);
  return {
    counts: { pending, raised: raised.in_scadenza + raised.scaduta, dueSoon: raised.in_scadenza, overdue: raised.scaduta, alreadyRaised },
    report: { raised: raisedKeys },
  };
};
