import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { notFound } from "../errors/app-error.js";
import { atOrOlder } from "./feed-cursor.js";
import { canReadFeed } from "./feed-policies.js";
import type { FeedSeenBody } from "./feed-schemas.js";

/**
 * Marks the caller's items seen: the ids named (ids of other users' items are not touched), or every
 * item up to and including `upTo`. An item seen before keeps the instant it was first seen.
 */
export async function markFeedSeen(ctx: AppContext, actor: Actor, body: FeedSeenBody, now = new Date()): Promise<{ marked: number }> {
  assertAllowed(canReadFeed(actor));
  const own = { userId: actor.userId, seenAt: null };
  if (body.ids) return { marked: (await ctx.db.feedItem.updateMany({ where: { ...own, id: { in: body.ids } }, data: { seenAt: now } })).count };
  const upTo = await ctx.db.feedItem.findFirst({ where: { id: body.upTo, userId: actor.userId }, select: { id: true, createdAt: true } });
  if (!upTo) throw notFound("Elemento del notiziario");
  return { marked: (await ctx.db.feedItem.updateMany({ where: { ...own, ...atOrOlder(upTo) }, data: { seenAt: now } })).count };
}
