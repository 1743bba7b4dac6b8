import type { Logger } from "pino";
import type { Env } from "./config/env.js";
import type { Db } from "./db/client.js";
import type { SearchIndex } from "./indexing/search-index.js";
import type { MatchingConfig } from "./matching/matching-config.js";
import type { LiveCandidateLocator } from "./matching/live-candidate-locator.js";

/** What every use-case needs from the outside world, built once at start (or per test). */
export interface AppContext {
  env: Env;
  db: Db;
  index: SearchIndex;
  log: Logger;
  matching: MatchingConfig;
  /** The key branch of matching retrieval in memory; absent, retrieval asks the search index alone. */
  locator?: LiveCandidateLocator;
}
