// Run as the `postgres` project when no PostgreSQL server answers (vitest.config.ts): counted as skipped.
import { it } from "vitest";

it.skip("PostgreSQL non raggiungibile: i test su PostgreSQL sono saltati (avviare PostgreSQL o impostare TEST_POSTGRES_URL)", () => {});
