import type { Logger } from "pino";
import type { Env } from "./config/env.js";
import type { AppContext } from "./context.js";
import { openStore } from "./db/client.js";
import { applyMigrations } from "./db/migrate.js";
import { describeStore, storeLocationOf } from "./db/store-location.js";
import { createSearchIndex } from "./indexing/create-search-index.js";
import { loadReferenceData } from "./reference/load-reference-data.js";
import { loadMatchingConfig } from "./matching/load-matching-config.js";
import { ensureIndexLayout } from "./indexing/rebuild-index.js";
import { occupationTaxonomy } from "./taxonomy/occupation-taxonomy.js";
import { LiveCandidateLocator } from "./matching/live-candidate-locator.js";
import { isNumberedIndex } from "./indexing/search-index.js";

/**
 * Brings the store to the current schema, loads the reference data (comuni, CPIs) when missing and
 * opens the search index: what the service, the CLI and the tests all need before anything else.
 */
export async function createContext(env: Env, log: Logger): Promise<AppContext> {
  const matching = loadMatchingConfig(env.MATCHING_CONFIG);
  // Built once, here: built on first use, its second of synchronous work would stall every request in flight.
  occupationTaxonomy();
  const store = storeLocationOf(env);
  const { applied } = await applyMigrations(store);
  if (applied.length > 0) log.info({ applied, store: describeStore(store) }, "migrazioni applicate");
  const db = openStore(store, { busyTimeoutMs: env.DB_BUSY_TIMEOUT_MS, writeRetries: env.DB_WRITE_RETRIES, poolSize: env.DB_POOL_SIZE });
  if (store.provider === "sqlite") {
    await db.$executeRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    await db.$executeRawUnsafe(`PRAGMA cache_size = -${env.SQLITE_CACHE_MB * 1024}`);
  }
  await loadReferenceData(db, (message) => log.info(message));
  const index = createSearchIndex(env.SEARCH_BACKEND, db, {
    meilisearchUrl: env.MEILISEARCH_URL,
    meilisearchApiKey: env.MEILISEARCH_API_KEY,
    ...(env.MEILISEARCH_INDEX_PREFIX ? { meilisearchIndexPrefix: env.MEILISEARCH_INDEX_PREFIX } : {}),
  });
  await index.init();
  const ctx = { env, db, index, log, matching, locator: new LiveCandidateLocator(db, log, isNumberedIndex(index) ? index : undefined) };
  await ensureIndexLayout(ctx);
  return ctx;
}
