import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "../../src/db/client.js";
import { MeilisearchIndex } from "../../src/indexing/meilisearch-index.js";
import type { SearchIndex } from "../../src/indexing/search-index.js";
import { SqliteFtsIndex } from "../../src/indexing/sqlite-fts-index.js";
import { startMeilisearch, type MeilisearchServer } from "./meilisearch-server.js";

export interface EngineUnderTest {
  index: SearchIndex;
  close(): Promise<void>;
}

export type EngineName = "embedded" | "meilisearch";

/** An initialised, empty index of the named engine: SQLite FTS5 on a file of its own, or a real Meilisearch server. */
export async function openEngine(name: EngineName): Promise<EngineUnderTest & { db?: Db; server?: MeilisearchServer }> {
  if (name === "embedded") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-fts-"));
    const db = createDb(path.join(dir, "test.db"));
    const index = new SqliteFtsIndex(db);
    await index.init();
    return {
      index,
      db,
      close: async () => {
        await db.$disconnect();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = await startMeilisearch();
  const index = new MeilisearchIndex({ url: server.url, apiKey: server.masterKey, indexPrefix: "test_" });
  await index.init();
  return { index, server, close: () => server.close() };
}
