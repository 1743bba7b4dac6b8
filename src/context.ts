import type { Logger } from "pino";
import type { Env } from "./config/env.js";
import type { Db } from "./db/client.js";
import type { SearchIndex } from "./indexing/search-index.js";
import type { MatchingConfig } from "./matching/matching-config.js";

/** What every use-case needs from the outside world, built once at start (or per test). */
export interface AppContext {
  env: Env;
  db: Db;
  index: SearchIndex;
  log: Logger;
  matching: MatchingConfig;
}
