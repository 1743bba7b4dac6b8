import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.VITEST_JSON_OUTPUT ? ["default", ["json", { outputFile: process.env.VITEST_JSON_OUTPUT }]] : ["default"],
  },
});
