import type { CommonTerms } from "./selective-terms.js";

/** The two collections Vetrina searches: the showcase and the job seekers. */
export type IndexName = "vacancies" | "candidates";

export type FilterValue = string | number | boolean;

/**
 * A document as the index sees it: searchable text by field (weights are the index's business),
 * exact-match filter fields (single or multi-valued, also used for facets), an optional point for
 * "near comune X within K km", and a date to sort by.
 */
export interface SearchDocument {
  id: string;
  text: Record<string, string>;
  filters: Record<string, FilterValue | FilterValue[] | null>;
  /** `reachKm`: how far from its point the document may be matched (a person's travel limit); null = no limit. */
  geo: { lat: number; lon: number; reachKm?: number | null } | null;
  date: Date | null;
  /** What matching needs to score the document without reading the store (JSON); returned by retrieve(). */
  payload?: unknown;
}

export interface SearchQuery {
  /** Free text, Italian; empty or absent means "everything that passes the filters". */
  q?: string;
  /** AND across fields, OR within the values of one field. */
  filters?: Record<string, FilterValue[]>;
  near?: { lat: number; lon: number; radiusKm: number };
  sort?: "relevance" | "date_desc" | "date_asc" | "distance";
  page: number;
  pageSize: number;
  /** Filter fields to count values of, over the whole filtered result (not just the page). */
  facets?: string[];
}

/**
 * Candidate generation for matching: the documents near a point that match ANY of the given text terms,
 * or carry ANY of the given values of one field, and meet every filter; with their stored payload.
 */
export interface RetrievalQuery {
  /** Any term of the text matches (OR), unlike search() where all must. */
  anyText?: string;
  /**
   * Terms found in more than `share` of the documents (and in more than `minDocs`) are dropped from
   * anyText: a word nearly everyone has ("effettuare", "gestione") selects nobody in particular and
   * costs a scan of them all; below `minDocs` a scan is cheap whatever the share. Of the rest, the
   * rarest are kept while they match at most `maxMatches` documents together (selective-terms.ts).
   */
  commonTerms?: CommonTerms;
  anyOf?: { field: string; values: FilterValue[] };
  /** Every document (within the filters and radius): the full-scan baseline retrieval is measured against. */
  all?: boolean;
  filters?: Record<string, FilterValue[]>;
  near?: { lat: number; lon: number; radiusKm: number };
  /** With near: only documents whose own reach covers the distance (people who can travel that far). */
  withinReach?: boolean;
  order: "distance" | "relevance";
  limit: number;
}

export interface RetrievedDocument {
  id: string;
  distanceKm: number | null;
  payload: unknown;
}

export interface SearchHit {
  id: string;
  score: number;
  distanceKm: number | null;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Record<string, Record<string, number>>;
}

/** Where documents are written: the live index of one name, or a rebuild of it. */
export interface IndexWriter {
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

/**
 * A new index built beside the live one, which searches keep using until the swap: a rebuild with no
 * downtime (rebuild-index.ts fills it from the store and brings in what changed meanwhile).
 */
export interface IndexBuild extends IndexWriter {
  /** Makes the build the live index in one atomic step and drops the index it replaces. */
  swap(): Promise<void>;
  /** Drops the build; the live index is untouched. */
  abandon(): Promise<void>;
}

/** Document numbers under a numbering: numbers of different numberings are unrelated. */
export interface DocumentNumbers {
  numbering: string;
  numbers: Map<string, number>;
}

/** Every document with a selective word of a retrieval text: its number and bm25-like rank (lower is more relevant). */
export interface NumberedTextMatches {
  numbering: string;
  numbers: number[];
  ranks: number[];
}

/** A document as a numbered index lists it in number order: its point and the filter values asked for. */
export interface NumberedDocument {
  number: number;
  id: string;
  geo: { lat: number; lon: number; reachKm: number | null } | null;
  filters: Record<string, string[]>;
}

export interface NumberedDocuments {
  numbering: string;
  documents: NumberedDocument[];
}

/**
 * An engine that keeps its documents under integer numbers (the embedded index) and answers by number:
 * the in-memory candidate locator loads from it in number order, knows each person's number, and so
 * takes the text matches of a retrieval as numbers alone (no document read) and keeps those within
 * reach itself. At a million people the index's own join of every match with its document, to filter
 * it, cost more than finding the matches. `numbering` changes whenever numbers may have been given
 * anew (a rebuild's swap, a clear).
 */
export interface NumberedIndex {
  /** The words are kept as retrieve() keeps those of anyText (commonTerms), so the matches are the same documents. */
  textMatches(index: IndexName, anyText: string, commonTerms?: CommonTerms): Promise<NumberedTextMatches>;
  /** The id and payload of the documents of these numbers (a direct read, where payloadsOf goes through the ids). */
  payloadsByNumber(index: IndexName, numbers: readonly number[]): Promise<Map<number, { id: string; payload: unknown }>>;
  /** Up to `limit` documents numbered after `afterNumber`, in number order, with the values of `fields`. */
  documentsByNumber(index: IndexName, afterNumber: number, limit: number, fields: readonly string[]): Promise<NumberedDocuments>;
  /** The documents of those of the ids the index holds, with the values of `fields` (an id absent: no document). */
  documentsOf(index: IndexName, ids: readonly string[], fields: readonly string[]): Promise<NumberedDocuments>;
}

export const isNumberedIndex = (index: SearchIndex): index is SearchIndex & NumberedIndex => "textMatches" in index && "documentsByNumber" in index;

/**
 * The search engine behind the showcase and matching retrieval, implemented by the embedded SQLite
 * FTS5 index and by Meilisearch; tests/search-conformance.test.ts says what both must do.
 *
 * - Schema: every index declares its text, filter (= facet), sortable and geo fields up front
 *   (index-schema.ts), so an engine that needs settings gets them at init(); documents may only
 *   carry declared filter fields.
 * - Text: Italian folding, stop words and stemming happen on our side (src/text) before either
 *   engine sees documents or queries, so the same query means the same thing on both.
 * - Writes take no store transaction: the index follows the store through the domain events
 *   (index-sync.ts). The embedded index applies them inside the writing transaction (an embedded-only
 *   detail, see embedded-index-sync.ts); a networked engine is written after the commit by the index
 *   consumer, so a write that fails is retried and the store stays the source of truth.
 */
export interface SearchIndex {
  readonly backend: "embedded" | "meilisearch";
  /** Creates what the index needs (tables, settings); idempotent. */
  init(): Promise<void>;
  upsert(index: IndexName, docs: SearchDocument[]): Promise<void>;
  remove(index: IndexName, ids: string[]): Promise<void>;
  search(index: IndexName, query: SearchQuery): Promise<SearchResult>;
  retrieve(index: IndexName, query: RetrievalQuery): Promise<RetrievedDocument[]>;
  /** How many documents have every word of `text` in a text field, out of how many: for rarity weights. */
  documentFrequency(index: IndexName, field: string, text: string): Promise<{ matching: number; total: number }>;
  count(index: IndexName): Promise<number>;
  /** The stored payloads of those of the ids the index holds (the consistency check compares them with the store). */
  payloadsOf(index: IndexName, ids: string[]): Promise<Map<string, unknown>>;
  clear(index: IndexName): Promise<void>;
  /** Starts a rebuild of `index` beside the live one; a build an earlier run left behind is dropped. */
  beginRebuild(index: IndexName): Promise<IndexBuild>;
  health(): Promise<boolean>;
  /** The document layout the index was built with (see rebuild-index.ts); null for a new index. */
  layoutVersion(): Promise<string | null>;
  setLayoutVersion(version: string): Promise<void>;
}
