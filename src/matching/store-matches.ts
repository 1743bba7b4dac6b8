import type { Db } from "../db/client.js";
import type { MatchEvaluation } from "./match-types.js";

export const matchKey = (vacancyId: string, candidateId: string): string => `${vacancyId}|${candidateId}`;

export interface MatchNews {
  /** First time this person is matched to this vacancy. */
  isNew: boolean;
  /** The score of the run before, when there was one. */
  previousScore: number | null;
}

/**
 * Keeps the latest score of each pair with the one before and when it was first seen, so a later run
 * (or the tutor's digest) can tell what is new or better for a person. Returns that news per pair.
 */
export async function storeMatches(db: Db, matches: MatchEvaluation[], modelVersion: string, now: Date): Promise<Map<string, MatchNews>> {
  const news = new Map<string, MatchNews>();
  if (matches.length === 0) return news;
  const existing = await db.matchResult.findMany({
    where: { OR: matches.map((m) => ({ vacancyId: m.vacancyId, candidateId: m.candidateId })) },
    select: { vacancyId: true, candidateId: true, score: true },
  });
  const before = new Map(existing.map((e) => [matchKey(e.vacancyId, e.candidateId), e.score]));
  await db.$transaction(async (tx) => {
    for (const m of matches) {
      const previous = before.get(matchKey(m.vacancyId, m.candidateId));
      news.set(matchKey(m.vacancyId, m.candidateId), { isNew: previous === undefined, previousScore: previous ?? null });
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

