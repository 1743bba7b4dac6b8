import type { Prisma } from "../generated/prisma/client.js";
import type { Db, DbTx } from "../db/client.js";
import { writeFeedItems, type NewFeedItem } from "../feed/write-feed-items.js";
import { matchFeedItem } from "./match-feed-item.js";
import type { MatchEvaluation } from "./match-types.js";

export const matchKey = (vacancyId: string, candidateId: string): string => `${vacancyId}|${candidateId}`;

export interface MatchNews {
  /** First time this person is matched to this vacancy. */
  isNew: boolean;
  /** The score of the run before, when there was one. */
  previousScore: number | null;
}

type Pair = Pick<MatchEvaluation, "vacancyId" | "candidateId">;

/**
 * Pairs per statement: each is two bound values, and the store's driver adapter refuses a statement past
 * its parameter limit. A person's rematch against every open vacancy stores thousands of pairs at once.
 */
const PAIRS_PER_STATEMENT = 200;

function* inBatches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += PAIRS_PER_STATEMENT) yield items.slice(i, i + PAIRS_PER_STATEMENT);
}

const pairsOf = (pairs: readonly Pair[]) => ({ OR: pairs.map((p) => ({ vacancyId: p.vacancyId, candidateId: p.candidateId })) });

/** The score each pair had at the last stored run (a rematch), absent for pairs never stored. */
interface StoredPair {
  score: number;
  firstSeenAt: Date;
}

async function storedPairs(db: DbTx, pairs: Pair[]): Promise<Map<string, StoredPair>> {
  const out = new Map<string, StoredPair>();
  for (const batch of inBatches(pairs)) {
    const existing = await db.matchResult.findMany({ where: pairsOf(batch), select: { vacancyId: true, candidateId: true, score: true, firstSeenAt: true } });
    for (const e of existing) out.set(matchKey(e.vacancyId, e.candidateId), e);
  }
  return out;
}

const newsOf = (previous: number | undefined): MatchNews => ({ isNew: previous === undefined, previousScore: previous ?? null });

/**
 * What a read shows without writing: each pair against the last stored run, so "new" and "better"
 * mean since that run, whoever browsed in between.
 */
export async function matchNewsSinceLastRun(db: Db, pairs: Pair[]): Promise<Map<string, MatchNews>> {
  const before = await storedPairs(db, pairs);
  return new Map(pairs.map((p) => [matchKey(p.vacancyId, p.candidateId), newsOf(before.get(matchKey(p.vacancyId, p.candidateId))?.score)]));
}

/** A match as a rematch stores it: the evaluation, whether it qualifies, and whose caseload the person is in. */
export interface MatchToStore {
  evaluation: MatchEvaluation;
  qualified: boolean;
  /** The person's tutor or navigator, told of new and better qualified matches in their feed. */
  tutorId: string | null;
}

/** What one storing (or a whole run) changed, against the run before. */
export interface MatchTally {
  stored: number;
  /** Pairs seen for the first time: the news a tutor's digest starts from. */
  newMatches: number;
  improved: number;
  /** Stored results that stopped counting (the vacancy closed, the person left or no longer passes). */
  dropped: number;
}

export const emptyTally = (): MatchTally => ({ stored: 0, newMatches: 0, improved: 0, dropped: 0 });

export function addTally(into: MatchTally, more: MatchTally): MatchTally {
  into.stored += more.stored;
  into.newMatches += more.newMatches;
  into.improved += more.improved;
  into.dropped += more.dropped;
  return into;
}

/**
 * The one writer of match results, for the nightly pass and the rematch of changes alike: keeps the
 * latest score of each pair with the one before and when it was first seen (so "new" and "better"
 * mean since the last stored run), removes the pairs in `drop`, and writes a feed item to the tutor
 * of each person with a new or better qualified match. One transaction; the feed item's key carries
 * the run's time, so a replayed run adds none (its pairs are no longer new).
 */
export async function storeMatches(db: Db, matches: MatchToStore[], drop: Pair[], modelVersion: string, now: Date): Promise<MatchTally> {
  const tally = emptyTally();
  if (matches.length === 0 && drop.length === 0) return tally;
  await db.$transaction(async (tx) => {
    const before = await storedPairs(
      tx,
      matches.map((m) => m.evaluation),
    );
    const feed: NewFeedItem[] = [];
    // Last one wins for a pair given twice, as one upsert after the other would.
    const rows = new Map<string, Prisma.MatchResultCreateManyInput>();
    for (const { evaluation: m, qualified, tutorId } of matches) {
      const key = matchKey(m.vacancyId, m.candidateId);
      const stored = before.get(key);
      const news = newsOf(stored?.score);
      const improved = !news.isNew && m.score > news.previousScore!;
      tally.stored += 1;
      if (news.isNew) tally.newMatches += 1;
      if (improved) tally.improved += 1;
      if (tutorId && qualified && (news.isNew || improved)) feed.push(matchFeedItem(m, news, tutorId, now));
      rows.set(key, {
        vacancyId: m.vacancyId,
        candidateId: m.candidateId,
        score: m.score,
        components: m.components as object[],
        congrua: m.congrua?.verdict ?? "not_evaluated",
        modelVersion,
        computedAt: now,
        previousScore: news.previousScore,
        firstSeenAt: stored?.firstSeenAt ?? now,
      });
    }
    // Every pair is written again whole, first seen kept: two statements for the lot where an upsert each
    // took a round trip per pair (a hundred per vacancy in the nightly pass). Deleting all the pairs, not
    // only those read above, leaves no room for another writer's row of the same pair in between.
    const written = [...rows.values()];
    for (const batch of inBatches(written)) await tx.matchResult.deleteMany({ where: pairsOf(batch) });
    for (const batch of inBatches(drop)) tally.dropped += (await tx.matchResult.deleteMany({ where: pairsOf(batch) })).count;
    for (const batch of inBatches(written)) await tx.matchResult.createMany({ data: batch });
    await writeFeedItems(tx, feed, now);
  });
  return tally;
}

/** Drops every stored result of a vacancy that closed or a person who left the matching (no longer available). */
export async function dropMatchesOf(db: Db, of: { vacancyId: string } | { candidateId: string }): Promise<MatchTally> {
  return { ...emptyTally(), dropped: (await db.matchResult.deleteMany({ where: of })).count };
}
