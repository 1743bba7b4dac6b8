import { SYSTEM_ACTOR } from "../../auth/actor.js";
import type { AppContext } from "../../context.js";
import { dayOf, italianDay } from "../../deadlines/calendar-day.js";
import { digestEmail } from "../../email/email-templates.js";
import { queueEmail } from "../../email/queue-email.js";
import { describeFeedItem } from "../../feed/describe-feed-item.js";
import { feedVacancies } from "../../feed/read-feed.js";

const ROUTE = "job digests";
const DAY_MS = 86_400_000;

export interface DigestsOutcome {
  /** Active tutors and navigators considered. */
  users: number;
  /** Digests queued by this run. */
  queued: number;
  /** Users with nothing new since their last digest. */
  nothingNew: number;
  /** Users whose digest of today was queued before (an earlier run). */
  alreadyQueued: number;
  /** Feed items the queued digests list. */
  items: number;
}

/** Once per person and Italian day: the key the outbox keeps unique (it appends "→<address>"). */
const digestKey = (userId: string, day: string) => `digest:${userId}:${day}`;

/**
 * For each active tutor and navigator, one e-mail listing their feed items written since their last
 * digest (or over the last 24 hours, for a first one), through the outbox; none when nothing is new, and
 * none if today's was queued already. Items are listed by their feed titles: ids and vacancy facts, no
 * person's name.
 */
export async function sendDigests(ctx: AppContext, now = new Date()): Promise<DigestsOutcome> {
  const day = dayOf(now);
  const users = await ctx.db.user.findMany({ where: { role: { in: ["tutor", "navigator"] }, active: true }, select: { id: true, name: true, email: true }, orderBy: { id: "asc" } });
  const outcome: DigestsOutcome = { users: users.length, queued: 0, nothingNew: 0, alreadyQueued: 0, items: 0 };
  for (const user of users) {
    const last = await ctx.db.emailMessage.findFirst({
      where: { kind: "riepilogo", dedupeKey: { startsWith: `digest:${user.id}:` } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, dedupeKey: true },
    });
    if (last?.dedupeKey?.startsWith(`${digestKey(user.id, day)}→`)) {
      outcome.alreadyQueued += 1;
      continue;
    }
    const since = last?.createdAt ?? new Date(now.getTime() - DAY_MS);
    const items = await ctx.db.feedItem.findMany({ where: { userId: user.id, createdAt: { gt: since, lte: now } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (items.length === 0) {
      outcome.nothingNew += 1;
      continue;
    }
    const vacancies = await feedVacancies(ctx.db, items.map((i) => i.vacancyId));
    const texts = items.map((i) => describeFeedItem(i, i.vacancyId ? (vacancies.get(i.vacancyId) ?? null) : null));
    await ctx.db.$transaction((tx) =>
      queueEmail({ ctx, tx, actor: SYSTEM_ACTOR, route: ROUTE }, null, {
        kind: "riepilogo",
        content: digestEmail({ day: italianDay(day), items: texts }),
        addressees: { to: [{ address: user.email, name: user.name }] },
        dedupeKey: digestKey(user.id, day),
      }),
    );
    outcome.queued += 1;
    outcome.items += items.length;
  }
  return outcome;
}
