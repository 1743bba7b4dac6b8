import type { RetrievedDocument, SearchIndex } from "../indexing/search-index.js";
import type { LiveCandidateLocator } from "./live-candidate-locator.js";
import { occupationCellQuery } from "./occupation-cell-keys.js";
import type { PreparedOffer } from "./evaluate-match.js";
import type { MatchingConfig } from "./matching-config.js";
import type { CandidateFacts } from "./match-types.js";

export interface Retrieved {
  facts: CandidateFacts;
  distanceKm: number | null;
}

export interface Retrieval {
  people: Retrieved[];
  /**
   * A source stopped at its limit (the nearest `keyLimit` sharing a key, the `textLimit` most relevant):
   * people further down it were not scored, so the counts made from this retrieval are lower bounds.
   */
  truncated: boolean;
}

/**
 * The people worth scoring for an offer: those within the radius whose occupations share a taxonomy
 * key with the offer's (same unit, group or related group), nearest first, plus those sharing any
 * selective word of the job title or of the required competences, most relevant first; available ones
 * only, each within their own reach of the workplace. Without a known workplace only the words can
 * find people. The key branch is asked of the in-memory locator when this process has one loaded
 * (then only the payloads of the people found are read from the index), of the index otherwise: the
 * same people either way.
 */
export async function retrieveCandidates(
  index: SearchIndex,
  offer: PreparedOffer,
  radiusKm: number,
  cfg: MatchingConfig,
  locator?: LiveCandidateLocator,
): Promise<Retrieval> {
  const v = offer.facts;
  const workplace = v.lat !== null && v.lon !== null ? { lat: v.lat, lon: v.lon } : null;
  const near = workplace ? { ...workplace, radiusKm } : undefined;
  const common = { filters: { availability: ["available"] }, near, withinReach: true };
  const [byKeys, byText] = await Promise.all([
    workplace ? retrieveByKeys(index, occupationCellQuery(offer.occupation, workplace, radiusKm), { ...common, near: { ...workplace, radiusKm } }, cfg, locator) : [],
    index.retrieve("candidates", {
      ...common,
      anyText: [v.title, ...v.mustHave].join(" "),
      commonTerms: cfg.retrieval.commonTerms,
      order: "relevance",
      limit: cfg.retrieval.textLimit,
    }),
  ]);
  const out = new Map<string, Retrieved>();
  for (const d of [...byKeys, ...byText]) {
    if (!out.has(d.id) && d.payload) out.set(d.id, { facts: d.payload as CandidateFacts, distanceKm: d.distanceKm });
  }
  return { people: [...out.values()], truncated: byKeys.length >= cfg.retrieval.keyLimit || byText.length >= cfg.retrieval.textLimit };
}

async function retrieveByKeys(
  index: SearchIndex,
  keys: string[],
  query: { filters: Record<string, string[]>; near: { lat: number; lon: number; radiusKm: number }; withinReach: boolean },
  cfg: MatchingConfig,
  locator: LiveCandidateLocator | undefined,
): Promise<RetrievedDocument[]> {
  const located = locator ? await locator.near(keys, query.near, query.near.radiusKm, cfg.retrieval.keyLimit) : null;
  if (!located) return index.retrieve("candidates", { ...query, anyOf: { field: "occcell", values: keys }, order: "distance", limit: cfg.retrieval.keyLimit });
  const payloads = await index.payloadsOf(
    "candidates",
    located.map((l) => l.id),
  );
  // A person erased between the locator's catch-up and this read has no payload any more: not retrieved.
  return located.flatMap((l) => (payloads.has(l.id) ? [{ id: l.id, distanceKm: l.distanceKm, payload: payloads.get(l.id) }] : []));
}

/** Every person in the index, with no filter at all: the naive full scan retrieval is checked against. */
export async function scanAllCandidates(index: SearchIndex): Promise<Retrieved[]> {
  const docs = await index.retrieve("candidates", { all: true, order: "relevance", limit: Number.MAX_SAFE_INTEGER });
  return docs.filter((d) => d.payload).map((d) => ({ facts: d.payload as CandidateFacts, distanceKm: null }));
}
