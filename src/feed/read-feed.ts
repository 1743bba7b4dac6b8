import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import type { DbTx } from "../db/client.js";
import { decodeCursor, encodeCursor, olderThan } from "./feed-cursor.js";
import { canReadFeed } from "./feed-policies.js";
import type { FeedQuery } from "./feed-schemas.js";
import { describeFeedItem, type FeedVacancy } from "./describe-feed-item.js";

export interface FeedItemView {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  summary: string;
  createdAt: string;
  seen: boolean;
  seenAt: string | null;
  links: { vacancyId: string | null; candidateId: string | null };
  /** What the writer stored: ids, codes and scores (the matching's reasons for a match). */
  payload: unknown;
}

export interface FeedPage {
  items: FeedItemView[];
  /** Pass as cursor for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** The vacancies a page of items names, as the texts describe them. */
export async function feedVacancies(db: DbTx, ids: (string | null)[]): Promise<Map<string, FeedVacancy>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await db.vacancy.findMany({ where: { id: { in: wanted } }, select: { id: true, requestedProfile: true, companyName: true, cpi: { select: { name: true } } } });
  return new Map(rows.map((v) => [v.id, { id: v.id, profile: v.requestedProfile, companyName: v.companyName, cpiName: v.cpi.name }]));
}

/**
 * One page of the caller's own feed, newest first (keyset on creation instant and id, so items written
 * meanwhile never shift a page). Items name people by id only: reading them is not a read of anyone's record.
 */
export async function readFeed(ctx: AppContext, actor: Actor, query: FeedQuery): Promise<FeedPage> {
  assertAllowed(canReadFeed(actor));
  const rows = await ctx.db.feedItem.findMany({
    where: { userId: actor.userId, ...(query.unseen ? { seenAt: null } : {}), ...(query.cursor ? olderThan(decodeCursor(query.cursor)) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const vacancies = await feedVacancies(ctx.db, page.map((r) => r.vacancyId));
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...describeFeedItem(r, r.vacancyId ? (vacancies.get(r.vacancyId) ?? null) : null),
      createdAt: r.createdAt.toISOString(),
      seen: r.seenAt !== null,
      seenAt: r.seenAt?.toISOString() ?? null,
      links: { vacancyId: r.vacancyId, candidateId: r.candidateId },
      payload: r.payload,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
