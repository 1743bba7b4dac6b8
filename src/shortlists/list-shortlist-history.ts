import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canReadShortlistAsOperator } from "./shortlist-policies.js";
import { toShortlistEventView, type ShortlistEventView } from "./shortlist-views.js";

/**
 * Every event of every list of the vacancy, oldest first: who changed what, when and why. Operators of
 * the vacancy's CPI only: it names people who were never sent to the employer.
 */
export async function listShortlistHistory(ctx: AppContext, actor: Actor, vacancyId: string): Promise<ShortlistEventView[]> {
  const vacancy = await findVacancy(ctx.db, vacancyId);
  assertAllowed(canReadShortlistAsOperator(actor, vacancy));
  return loadEventViews(ctx.db, { shortlist: { vacancyId } });
}

/** Events with the names of the users who caused them (events keep ids only, so they survive erasure). */
export async function loadEventViews(db: DbTx, where: Prisma.ShortlistEventWhereInput): Promise<ShortlistEventView[]> {
  const events = await db.shortlistEvent.findMany({ where, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const userIds = [...new Set(events.flatMap((e) => (e.byUserId ? [e.byUserId] : [])))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return events.map((e) => toShortlistEventView(e, names));
}
