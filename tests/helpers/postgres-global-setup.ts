// Global set-up of the `postgres` test project: one migrated template database and one Meilisearch server
// for the whole run; each test file copies the template and uses an index prefix of its own. Everything
// this run created is dropped at the end.
import type { TestProject } from "vitest/node";
import { startMeilisearch } from "./meilisearch-server.js";
import { createMigratedDatabase, dropDatabases, newRunPrefix, postgresUnreachable, TEST_POSTGRES_URL } from "./postgres-server.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const unreachable = await postgresUnreachable(TEST_POSTGRES_URL);
  // vitest.config.ts leaves these tests out when there is no server, except in CI, where this fails the run.
  if (unreachable) throw new Error(`PostgreSQL non raggiungibile su ${TEST_POSTGRES_URL}: ${unreachable}`);
  const runPrefix = newRunPrefix();
  const template = `${runPrefix}_template`;
  await createMigratedDatabase(TEST_POSTGRES_URL, template);
  const meilisearch = await startMeilisearch();
  project.provide("postgres", { serverUrl: TEST_POSTGRES_URL, template, runPrefix, meilisearchUrl: meilisearch.url, meilisearchKey: meilisearch.masterKey });
  return async () => {
    await meilisearch.close();
    await dropDatabases(TEST_POSTGRES_URL, runPrefix);
  };
}
