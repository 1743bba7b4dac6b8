import { isNumberedIndex, type NumberedTextMatches, type SearchIndex } from "../indexing/search-index.js";
import type { LiveCandidateLocator } from "./live-candidate-locator.js";
import type { NearTally } from "./candidate-locator.js";
import type { LatLon } from "../geo/haversine.js";
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
  /**
   * The available people within the radius and their reach sharing an occupation key with the offer,
   * and how many of them (the nearest) were scored; null when the index, not the locator, answered.
   */
  related: { withinRadius: number; scored: number } | null;
}

/**
 * What the retrievals of one ranking share as its radius widens: the facts of the people already read
 * (a wider radius finds them again) and the matches of the word query (they do not depend on the radius).
 */
export interface RetrievalMemo {
  facts: Map<string, CandidateFacts>;
  textMatches?: Promise<NumberedTextMatches>;
}

/** A person a branch found: with the payload when the index returned it, without (but with the document's number when known) when the locator did. */
interface Found {
  id: string;
  distanceKm: number | null;
  payload?: unknown;
  number?: number;
}

/**
 * The people worth scoring for an offer: those within the radius whose occupations share a taxonomy
 * key with the offer's (same unit, group or related group), nearest first, plus those sharing any
 * selective word of the job title or of the required competences, most relevant first; available ones
 * only, each within their own reach of the workplace. Without a known workplace only the words can
 * find people. Each branch is asked of the in-memory locator when this process has one that answers
 * (for the words, the embedded index lists its matches by number and the locator keeps those within
 * reach), of the index otherwise: the same people either way. The payloads of the people the locator
 * found are then read in one go, but for those `memo` already holds.
 */
export async function retrieveCandidates(
  index: SearchIndex,
  offer: PreparedOffer,
  radiusKm: number,
  cfg: MatchingConfig,
  locator?: LiveCandidateLocator,
  memo: RetrievalMemo = { facts: new Map() },
): Promise<Retrieval> {
  const tally = { withinRadius: -1 };
  const [byKeys, byText] = await Promise.all([retrieveByKeys(index, offer, radiusKm, cfg, locator, tally), retrieveByText(index, offer, radiusKm, cfg, locator, memo)]);
  const found = new Map<string, Found>();
  for (const d of [...byKeys, ...byText]) if (!found.has(d.id)) found.set(d.id, d);
  const payloads = await payloadsOfLocated(
    index,
    [...found.values()].filter((d) => d.payload === undefined && !memo.facts.has(d.id)),
  );
  const people: Retrieved[] = [];
  for (const d of found.values()) {
    // A person erased between the locator's catch-up and this read has no payload any more: not retrieved.
    const facts = memo.facts.get(d.id) ?? ((d.payload === undefined ? payloads.get(d.id) : d.payload) as CandidateFacts | undefined);
    if (!facts) continue;
    memo.facts.set(d.id, facts);
    people.push({ facts, distanceKm: d.distanceKm });
  }
  return {
    people,
    truncated: byKeys.length >= cfg.retrieval.keyLimit || byText.length >= cfg.retrieval.textLimit,
    related: tally.withinRadius >= 0 ? { withinRadius: tally.withinRadius, scored: byKeys.length } : null,
  };
}

/**
 * The payloads of the people the locator found: by document number from an index that numbers them (one
 * read where going through the id takes two), by id for the others and for any number that no longer
 * holds that person's document (a rebuild in between).
 */
export async function payloadsOfLocated(index: SearchIndex, located: readonly Found[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (located.length === 0) return out;
  const numberedIndex = isNumberedIndex(index) ? index : null;
  const numbered = numberedIndex ? located.filter((d) => d.number !== undefined && d.number >= 0) : [];
  if (numberedIndex && numbered.length > 0) {
    const byNumber = await numberedIndex.payloadsByNumber(
      "candidates",
      numbered.map((d) => d.number!),
    );
    for (const d of numbered) {
      const doc = byNumber.get(d.number!);
      if (doc?.id === d.id) out.set(d.id, doc.payload);
    }
  }
  const rest = located.filter((d) => !out.has(d.id)).map((d) => d.id);
  if (rest.length > 0) for (const [id, payload] of await index.payloadsOf("candidates", rest)) out.set(id, payload);
  return out;
}

const workplaceOf = (offer: PreparedOffer): LatLon | null => (offer.facts.lat !== null && offer.facts.lon !== null ? { lat: offer.facts.lat, lon: offer.facts.lon } : null);
const AVAILABLE = { availability: ["available"] };

/**
 * The nearest `keyLimit` available people within reach sharing an occupation-cell key with the offer (none
 * without a workplace); `tally` is told how many there were in all when the locator answered.
 */
export async function retrieveByKeys(
  index: SearchIndex,
  offer: PreparedOffer,
  radiusKm: number,
  cfg: MatchingConfig,
  locator: LiveCandidateLocator | undefined,
  tally?: NearTally,
): Promise<Found[]> {
  const workplace = workplaceOf(offer);
  if (!workplace) return [];
  const keys = occupationCellQuery(offer.occupation, workplace, radiusKm);
  const located = locator ? await locator.near(keys, workplace, radiusKm, cfg.retrieval.keyLimit, tally) : null;
  return (
    located ??
    index.retrieve("candidates", {
      filters: AVAILABLE,
      near: { ...workplace, radiusKm },
      withinReach: true,
      anyOf: { field: "occcell", values: keys },
      order: "distance",
      limit: cfg.retrieval.keyLimit,
    })
  );
}

/** The `textLimit` available people within reach most relevant to the selective words of the title and the must-have competences. */
export async function retrieveByText(
  index: SearchIndex,
  offer: PreparedOffer,
  radiusKm: number,
  cfg: MatchingConfig,
  locator: LiveCandidateLocator | undefined,
  memo?: Pick<RetrievalMemo, "textMatches">,
): Promise<Found[]> {
  const workplace = workplaceOf(offer);
  const text = [offer.facts.title, ...offer.facts.mustHave].join(" ");
  const located = workplace && locator ? await locator.byText(text, cfg.retrieval.commonTerms, workplace, radiusKm, cfg.retrieval.textLimit, memo) : null;
  return (
    located ??
    index.retrieve("candidates", {
      filters: AVAILABLE,
      ...(workplace ? { near: { ...workplace, radiusKm } } : {}),
      withinReach: true,
      anyText: text,
      commonTerms: cfg.retrieval.commonTerms,
      order: "relevance",
      limit: cfg.retrieval.textLimit,
    })
  );
}

/** Every person in the index, with no filter at all: the naive full scan retrieval is checked against. */
export async function scanAllCandidates(index: SearchIndex): Promise<Retrieved[]> {
  const docs = await index.retrieve("candidates", { all: true, order: "relevance", limit: Number.MAX_SAFE_INTEGER });
  return docs.filter((d) => d.payload).map((d) => ({ facts: d.payload as CandidateFacts, distanceKm: null }));
}
