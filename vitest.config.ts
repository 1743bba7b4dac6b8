import { defineConfig, type ViteUserConfig } from "vitest/config";
import { postgresUnreachable, TEST_POSTGRES_URL } from "./tests/helpers/postgres-server.js";

/**
 * The store-touching API files that run a second time on PostgreSQL and Meilisearch (the `postgres` project),
 * with the tests that only make sense there (tests/postgres/). Chosen to keep that part of CI near three minutes.
 */
const POSTGRES_FILES = [
  "tests/postgres/**/*.test.ts",
  "tests/candidates.test.ts",
  "tests/vacancy-lifecycle.test.ts",
  "tests/shortlists.test.ts",
  "tests/job-runner.test.ts",
  "tests/domain-events.test.ts",
  "tests/event-cursor.test.ts",
  "tests/email-outbox.test.ts",
  "tests/import-vacancies.test.ts",
  "tests/import-candidates.test.ts",
  "tests/rematch-changes.test.ts",
];

export default defineConfig(async (): Promise<ViteUserConfig> => {
  // No server here: the PostgreSQL project is left out, and said so. CI never skips it (its global set-up then fails).
  const unreachable = process.env.CI ? null : await postgresUnreachable(TEST_POSTGRES_URL);
  // The config is read more than once per run: say it once.
  if (unreachable && !process.env.VETRINA_POSTGRES_SKIP_SAID) {
    process.env.VETRINA_POSTGRES_SKIP_SAID = "1";
    console.warn(
      `\nPostgreSQL non raggiungibile su ${TEST_POSTGRES_URL} (${unreachable}): SALTATI i test su PostgreSQL ` +
        `(${POSTGRES_FILES.length - 1} file dell'API e tests/postgres/). Per eseguirli avviare PostgreSQL o impostare TEST_POSTGRES_URL.\n`,
    );
  }
  return {
    test: {
      pool: "forks",
      // Two files at a time on this 2-core machine: much of a file's time is spent waiting on SQLite, Meilisearch and Chromium.
      maxWorkers: 2,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      reporters: process.env.VITEST_JSON_OUTPUT ? ["default", ["json", { outputFile: process.env.VITEST_JSON_OUTPUT }]] : ["default"],
      projects: [
        // One module graph per worker, not per file: every file builds its own app, store and index, and none
        // mocks or changes the environment, so sharing the loaded modules (the taxonomy above all) is safe and
        // saves most of each file's start.
        { extends: true, test: { name: "sqlite", include: ["tests/**/*.test.ts"], exclude: ["tests/postgres/**"], isolate: false } },
        unreachable
          ? { extends: true, test: { name: "postgres", include: ["tests/postgres-skipped.notice.ts"] } }
          : {
              extends: true,
              test: {
                name: "postgres",
                include: POSTGRES_FILES,
                env: { VETRINA_TEST_STORE: "postgresql" },
                globalSetup: ["tests/helpers/postgres-global-setup.ts"],
              },
            },
      ],
    },
  };
});
