import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { ConfigError, loadEnv } from "../src/config/env.js";
import { registeredRoutes } from "../src/api/route-contract.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe("health", () => {
  it("says the store and the index answer", async () => {
    const res = await request(t.app).get("/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", store: "ok", index: "ok", searchBackend: "embedded" });
  });

  it("sends security headers", async () => {
    const res = await request(t.app).get("/health");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1, public, and documents every mounted route with its schemas", async () => {
    const res = await request(t.app).get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const mounted = registeredRoutes.map((r) => `${r.contract.method.toUpperCase()} /api/v1${r.contract.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(mounted.length).toBeGreaterThan(15);
    expect(documented.sort()).toEqual([...mounted, "GET /health"].sort());
    const create = res.body.paths["/api/v1/vacancies"].post;
    expect(create.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/VacancyCreate");
    expect(res.body.components.schemas.VacancyCreate.required).toContain("companyTaxCode");
  });
});

describe("configuration", () => {
  it("defaults to the embedded store and index", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_PATH: "./data/vetrina.db", SEARCH_BACKEND: "embedded", LOG_LEVEL: "info" });
  });

  it("refuses bad values with a message naming each variable", () => {
    expect(() => loadEnv({ PORT: "ottanta", LOG_LEVEL: "chatty" })).toThrow(ConfigError);
    try {
      loadEnv({ PORT: "ottanta", LOG_LEVEL: "chatty" });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/LOG_LEVEL/);
    }
  });

  it("gives SQLite the configured page cache, and refuses one under 2 MB", async () => {
    const rows = await t.ctx.db.$queryRawUnsafe<{ cache_size: unknown }[]>("PRAGMA cache_size");
    expect(Number(rows[0]?.cache_size)).toBe(-64 * 1024);
    expect(() => loadEnv({ SQLITE_CACHE_MB: "1" })).toThrow(/SQLITE_CACHE_MB/);
  });

  it("needs a Meilisearch address when that backend is chosen", () => {
    expect(() => loadEnv({ SEARCH_BACKEND: "meilisearch" })).toThrow(/MEILISEARCH_URL/);
  });
});
