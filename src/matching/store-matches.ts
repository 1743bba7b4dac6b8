import type { Db } from "../db/client.js";
import type { MatchEvaluation } from "./match-types.js";

export const matchKey = (vacancyId: string, candidateId: string): string => `${vacancyId}|${candidateId}`;

export interface MatchNews {
  /** First time this person is matched to this vacancy. */
  isNew: boolean;
  /** The score of the run before, when there was one. */
  previousScore: number | null;
}

type Pair = Pick<MatchEvaluation, "vacancyId" | "candidateId">;

/** The score each pair had at the last stored run (the rematch job), absent for pairs never stored. */
async function storedScores(db: Db, pairs: Pair[]): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map();
  const existing = await db.matchResult.findMany({
    where: { OR: pairs.map((m) => ({ vacancyId: m.vacancyId, candidateId: m.candidateId })) },
    select: { vacancyId: true, candidateId: true, score: true },
  });
  return new Map(existing.map((e) => [matchKey(e.vacancyId, e.candidateId), e.score]));
}

const newsOf = (previous: number | undefined): MatchNews => ({ isNew: previous === undefined, previousScore: previous ?? null });

/**
 * What a read shows without writing: each pair against the last stored run, so "new" and "better"
 * mean since that run, whoever browsed in between.
 */
export async function matchNewsSinceLastRun(db: Db, pairs: Pair[]): Promise<Map<string, MatchNews>> {
  const before = await storedScores(db, pairs);
  return new Map(pairs.map((p) => [matchKey(p.vacancyId, p.candidateId), newsOf(before.get(matchKey(p.vacancyId, p.candidateId)))]));
}

/**
 * Keeps the latest score of each pair with the one before and when it was first seen, so a later run
 * (or the tutor's digest) can tell what is new or better for a person. Only the rematch job stores;
 * returns the news per pair against the run before.
 */
export async function storeMatches(db: Db, matches: MatchEvaluation[], modelVersion: string, now: Date): Promise<Map<string, MatchNews>> {
  const news = new Map<string, MatchNews>();
  if (matches.length === 0) return news;
  const before = await storedScores(db, matches);
  await db.$transaction(async (tx) => {
    for (const m of matches) {
      const previous = before.get(matchKey(m.vacancyId, m.candidateId));
      news.set(matchKey(m.vacancyId, m.candidateId), newsOf(previous));
      const data = { score: m.score, components: m.components as object[], congrua: m.congrua?.verdict ?? "not_evaluated", modelVersion, computedAt: now };
      await tx.matchResult.upsert({
        where: { vacancyId_candidateId: { vacancyId: m.vacancyId, candidateId: m.candidateId } },
        create: { vacancyId: m.vacancyId, candidateId: m.candidateId, ...data, previousScore: null, firstSeenAt: now },
        update: { ...data, previousScore: previous ?? null },
      });
    }
  });
  return news;
}

