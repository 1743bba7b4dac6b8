import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    // Two files at a time on this 2-core machine: much of a file's time is spent waiting on SQLite, Meilisearch and Chromium.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.VITEST_JSON_OUTPUT ? ["default", ["json", { outputFile: process.env.VITEST_JSON_OUTPUT }]] : ["default"],
  },
});
