import type { Db } from "../db/client.js";
import type { SearchIndex } from "./search-index.js";
import { SqliteFtsIndex } from "./sqlite-fts-index.js";

export type SearchBackend = "embedded" | "meilisearch";

/** Connection settings a networked backend will need; the embedded one ignores them. */
export interface SearchIndexOptions {
  meilisearchUrl?: string;
  meilisearchApiKey?: string;
}

/** Picks the search engine named by SEARCH_BACKEND. */
export function createSearchIndex(backend: SearchBackend, db: Db, _opts: SearchIndexOptions = {}): SearchIndex {
  switch (backend) {
    case "embedded":
      return new SqliteFtsIndex(db);
    case "meilisearch":
      throw new Error(
        "L'adattatore Meilisearch arriverà in una versione successiva: per ora usare SEARCH_BACKEND=embedded.",
      );
    default:
      throw new Error(`SEARCH_BACKEND non valido: ${String(backend)} (valori ammessi: embedded, meilisearch)`);
  }
}
