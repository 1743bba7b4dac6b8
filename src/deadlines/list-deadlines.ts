import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors/app-error.js";
import { dayOf, type Day } from "./calendar-day.js";
import { loadDeadlineVacancies } from "./deadline-facts.js";
import { ACTION_STAGES, DEADLINE_KINDS, isActionStage, type ActionStage } from "./deadline-kinds.js";
import { deadlineSettings, deadlinesOn } from "./deadline-rules.js";
import type { DeadlineListQuery } from "./deadline-schemas.js";
import { deadlineVacancyView, deadlineView } from "./deadline-views.js";
import { monitoringScope } from "./monitoring-scope.js";
import { vacancyReferents } from "./vacancy-referents.js";

type Item = ReturnType<typeof deadlineVacancyView> & ReturnType<typeof deadlineView>;
type StageCounts = Record<ActionStage, number>;

const noCounts = (): StageCounts => ({ in_scadenza: 0, scaduta: 0 });

/** Counts per stage of the items grouped by a key. */
function countBy<K, T>(items: Item[], keyOf: (i: Item) => K, head: (i: Item) => T): (T & { counts: StageCounts })[] {
  const groups = new Map<K, T & { counts: StageCounts }>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key) ?? { ...head(item), counts: noCounts() };
    group.counts[item.stage as ActionStage] += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The deadlines due soon ("in scadenza") and overdue ("scadute") on `day`, of the CPIs in the caller's
 * scope, optionally of one referent (`mine`: the caller), most overdue first; with the counts per CPI and
 * per referent of everything that matched, the page aside.
 */
export async function listDeadlines(ctx: AppContext, actor: Actor, query: DeadlineListQuery, day: Day = dayOf(new Date())) {
  const cpiCodes = await monitoringScope(ctx.db, actor, query.cpi);
  if (query.referentUserId && !(await ctx.db.user.findUnique({ where: { id: query.referentUserId }, select: { id: true } }))) {
    throw new AppError("UNKNOWN_REFERENCE", "Riferimenti non trovati: controllare i campi indicati.", [
      { field: "referentUserId", message: `Utente sconosciuto: ${query.referentUserId}` },
    ]);
  }
  const referentUserId = query.mine ? actor.userId : query.referentUserId;
  const stages: readonly ActionStage[] = query.stage ? [query.stage] : ACTION_STAGES;
  const settings = deadlineSettings(ctx.env);
  const [vacancies, referentOf] = await Promise.all([loadDeadlineVacancies(ctx.db, cpiCodes), vacancyReferents(ctx.db)]);

  const items: Item[] = vacancies.flatMap((v) => {
    const referent = referentOf(v);
    if (referentUserId !== undefined && referent?.userId !== referentUserId) return [];
    return deadlinesOn(v, settings, day)
      .filter((d) => isActionStage(d.stage) && stages.includes(d.stage) && (query.kind === undefined || d.kind === query.kind))
      .map((d) => ({ ...deadlineVacancyView(v, referent), ...deadlineView(d) }));
  });
  items.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.cpi.code.localeCompare(b.cpi.code) ||
      a.vacancyId.localeCompare(b.vacancyId) ||
      DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind),
  );

  const start = (query.page - 1) * query.pageSize;
  return {
    day,
    settings,
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
    byCpi: countBy(items, (i) => i.cpi.code, (i) => ({ cpiCode: i.cpi.code, cpiName: i.cpi.name })).sort((a, b) => a.cpiCode.localeCompare(b.cpiCode)),
    byReferent: countBy(
      items,
      (i) => i.referent?.userId ?? null,
      (i) => ({ referentUserId: i.referent?.userId ?? null, referentName: i.referent?.userId ? i.referent.name : "Senza referente utente" }),
    ).sort((a, b) => a.referentName.localeCompare(b.referentName, "it")),
    items: items.slice(start, start + query.pageSize),
  };
}
