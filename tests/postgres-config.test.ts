// Choosing PostgreSQL: DATABASE_URL, which needs Meilisearch (the embedded index lives in the SQLite file).
import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "../src/config/env.js";
import { storeLocationOf } from "../src/db/store-location.js";
import { startVetrina } from "./helpers/processes.js";

const url = "postgresql://vetrina:segreta@db.regione.example:5432/vetrina";

describe("PostgreSQL configuration", () => {
  it("DATABASE_URL selects PostgreSQL; without it the SQLite file stays the default", () => {
    expect(storeLocationOf(loadEnv({}))).toEqual({ provider: "sqlite", path: "./data/vetrina.db" });
    const env = loadEnv({ DATABASE_URL: url, SEARCH_BACKEND: "meilisearch", MEILISEARCH_URL: "http://127.0.0.1:7700" });
    expect(storeLocationOf(env)).toEqual({ provider: "postgresql", url });
  });

  it("refuses an address that is not PostgreSQL's, and PostgreSQL with the embedded index", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://db/vetrina" })).toThrow(/DATABASE_URL: usare un indirizzo postgresql:\/\//);
    expect(() => loadEnv({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => loadEnv({ DATABASE_URL: url, SEARCH_BACKEND: "embedded" })).toThrow(/con PostgreSQL \(DATABASE_URL\) il motore di ricerca dev'essere Meilisearch/);
  });

  it("the service stops at start with that message, before touching any database", async () => {
    const service = startVetrina(["src/main.ts"], { DATABASE_URL: url, SEARCH_BACKEND: "embedded" });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/SEARCH_BACKEND: con PostgreSQL \(DATABASE_URL\) il motore di ricerca dev'essere Meilisearch/);
  });
});
