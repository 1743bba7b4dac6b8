import type { Db } from "../db/client.js";
import { MeilisearchIndex } from "./meilisearch-index.js";
import type { SearchIndex } from "./search-index.js";
import { taxonomySynonyms } from "./search-synonyms.js";
import { SqliteFtsIndex } from "./sqlite-fts-index.js";

export type SearchBackend = "embedded" | "meilisearch";

/** Connection settings of the Meilisearch backend; the embedded one ignores them. */
export interface SearchIndexOptions {
  meilisearchUrl?: string | undefined;
  meilisearchApiKey?: string | undefined;
  /** Prepended to the Meilisearch index uids, so several deployments or test runs can share one server. */
  meilisearchIndexPrefix?: string;
}

/**
 * Picks the search engine named by SEARCH_BACKEND. Nothing is contacted here: `init()` reaches the
 * server and fails with an Italian message when it does not answer or refuses the key.
 */
export function createSearchIndex(backend: SearchBackend, db: Db, opts: SearchIndexOptions = {}): SearchIndex {
  switch (backend) {
    case "embedded":
      return new SqliteFtsIndex(db, { synonyms: taxonomySynonyms() });
    case "meilisearch":
      if (!opts.meilisearchUrl) throw new Error("MEILISEARCH_URL è obbligatorio con SEARCH_BACKEND=meilisearch");
      return new MeilisearchIndex({
        url: opts.meilisearchUrl,
        apiKey: opts.meilisearchApiKey,
        ...(opts.meilisearchIndexPrefix !== undefined ? { indexPrefix: opts.meilisearchIndexPrefix } : {}),
        synonyms: taxonomySynonyms(),
      });
    default:
      throw new Error(`SEARCH_BACKEND non valido: ${String(backend)} (valori ammessi: embedded, meilisearch)`);
  }
}
