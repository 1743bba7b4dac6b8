import type { NewFeedItem } from "../feed/write-feed-items.js";
import type { MatchEvaluation } from "./match-types.js";
import type { MatchNews } from "./store-matches.js";

/** Italian kinds of the feed items a rematch writes (labels in the feed module). */
export const MATCH_FEED_KINDS = { new: "abbinamento_nuovo", improved: "abbinamento_migliorato" } as const;

/** How many reasons the item carries: the components that weigh most, as the matching words them. */
const TOP_REASONS = 3;

function topReasons(m: MatchEvaluation): string[] {
  return m.components
    .filter((c) => c.applicable && c.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, TOP_REASONS)
    .map((c) => c.reason);
}

/**
 * The tutor's feed item for a new or better match: ids, scores and reasons only (never a name or a
 * contact). One item per pair and run: the key names the run's time.
 */
export function matchFeedItem(m: MatchEvaluation, news: MatchNews, tutorId: string, computedAt: Date): NewFeedItem {
  return {
    userId: tutorId,
    kind: news.isNew ? MATCH_FEED_KINDS.new : MATCH_FEED_KINDS.improved,
    vacancyId: m.vacancyId,
    candidateId: m.candidateId,
    payload: { vacancyId: m.vacancyId, candidateId: m.candidateId, score: m.score, previousScore: news.previousScore, reasons: topReasons(m) },
    dedupeKey: `match:${m.vacancyId}:${m.candidateId}:${computedAt.toISOString()}`,
  };
}
