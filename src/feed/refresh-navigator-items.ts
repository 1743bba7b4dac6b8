import type { AppContext } from "../context.js";
import { dayOf, type Day } from "../deadlines/calendar-day.js";
import { loadFigureFacts } from "../figures/figure-facts.js";
import { STATE_KINDS } from "./feed-kinds.js";
import { navigatorStateItems } from "./navigator-state-items.js";
import { writeFeedItems } from "./write-feed-items.js";

/** RdC (DL 4/2019) began in 2019: no span of RdC, ADI or SFL, nor a coherent offer during one, is older. */
const INCOME_SUPPORT_SINCE: Day = "2019-01-01";

/** Ids deleted per statement, well under SQLite's limit on bound parameters. */
const ID_CHUNK = 500;

export interface RefreshOutcome {
  /** State items that hold now. */
  current: number;
  /** Items written for states found for the first time. */
  added: number;
  /** Items of states that no longer hold, removed. */
  removed: number;
}

/**
 * Brings the navigators' state items in line with the store, in one transaction: writes the states that
 * began, removes those that ended, leaves the others (and their seen marks) alone.
 */
export async function refreshNavigatorItems(ctx: AppContext, now = new Date()): Promise<RefreshOutcome> {
  const today = dayOf(now);
  const navigators = (
    await ctx.db.user.findMany({ where: { role: "navigator", active: true }, select: { id: true, cpis: { select: { cpiCode: true } } }, orderBy: { id: "asc" } })
  ).map((u) => ({ id: u.id, cpiCodes: u.cpis.map((c) => c.cpiCode) }));
  const cpiCodes = [...new Set(navigators.flatMap((n) => n.cpiCodes))];
  const [facts, openVacancies] = await Promise.all([
    loadFigureFacts(ctx.db, cpiCodes, { from: INCOME_SUPPORT_SINCE, to: today }),
    ctx.db.vacancy.findMany({ where: { status: "open", cpiCode: { in: cpiCodes } }, select: { id: true, cpiCode: true } }),
  ]);
  const items = navigatorStateItems(navigators, facts, openVacancies, today);
  const keys = new Set(items.map((i) => i.dedupeKey));

  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.feedItem.findMany({ where: { kind: { in: [...STATE_KINDS] } }, select: { id: true, dedupeKey: true } });
    const known = new Set(existing.map((e) => e.dedupeKey));
    const ended = existing.filter((e) => !keys.has(e.dedupeKey)).map((e) => e.id);
    for (let i = 0; i < ended.length; i += ID_CHUNK) await tx.feedItem.deleteMany({ where: { id: { in: ended.slice(i, i + ID_CHUNK) } } });
    const added = items.filter((i) => !known.has(i.dedupeKey ?? null));
    await writeFeedItems(tx, added, now);
    return { current: items.length, added: added.length, removed: ended.length };
  });
}
