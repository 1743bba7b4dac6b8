import fs from "node:fs";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { z } from "../src/validation/zod-setup.js";
import { mountRoute, registeredRoutes } from "../src/api/route-contract.js";
import { errorHandler } from "../src/api/error-handler.js";
import { AppError } from "../src/errors/app-error.js";
import { OPENAPI_TYPES_FILE, openApiTypesSource } from "../src/api-client/generate-types.js";
import { createLogger } from "../src/logging/logger.js";
import { useTestApp } from "./helpers/test-app.js";

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

const h = useTestApp();
const fetchDocument = async () => (await request(h.t.app).get("/api/openapi.json").expect(200)).body;
const operations = (doc: { paths: Record<string, Record<string, Operation>> }) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(await fetchDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("gives every operation a unique operationId, a summary, a tag and the schema of what comes back", async () => {
    const ops = operations(await fetchDocument());
    expect(ops.length).toBe(registeredRoutes.length + 1); // + /health
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of ops) {
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(op.tags?.length, `${method} ${path}`).toBe(1);
      const [status, success] = Object.entries(op.responses).find(([s]) => s.startsWith("2"))!;
      if (status !== "204") expect(Object.keys(success.content ?? {}), `${method} ${path}`).toHaveLength(1);
    }
  });

  it("documents /health and the conflicts and refusals with their codes", async () => {
    const doc = await fetchDocument();
    expect(doc.paths["/health"].get.operationId).toBe("getHealth");
    expect(Object.keys(doc.paths["/health"].get.responses)).toEqual(["200", "503"]);
    const status = doc.paths["/api/v1/vacancies/{id}/status"].post as Operation;
    expect(status.responses["409"]?.description).toContain("INVALID_TRANSITION");
    expect(status.responses["404"]?.description).toContain("NOT_FOUND");
    const publish = doc.paths["/api/v1/vacancies"].post as Operation;
    expect(publish.responses["422"]?.description).toContain("UNKNOWN_REFERENCE");
    expect(JSON.stringify(publish.responses["422"]?.content)).toContain('"enum":["UNKNOWN_REFERENCE"]');
    // The employer's link takes no bearer token: no 401 there.
    expect(doc.paths["/api/v1/link/{token}"].get.responses["401"]).toBeUndefined();
  });

  it("matches the committed client types (npm run api:types regenerates them)", async () => {
    const fresh = await openApiTypesSource(await fetchDocument());
    expect(fresh === fs.readFileSync(OPENAPI_TYPES_FILE, "utf8"), `${OPENAPI_TYPES_FILE} is stale: run npm run api:types`).toBe(true);
  });
});

describe("the check of every answer under the tests", () => {
  // A separate app, mounted after the document tests so its routes never reach the real document.
  const app = express();
  const router = express.Router();
  const contract = { method: "get", tag: "Prova", summary: "Prova", roles: "tutti", public: true, response: z.strictObject({ count: z.number() }) } as const;
  mountRoute(router, { ...contract, operationId: "wrongAnswer", path: "/__wrong-answer" }, async () => ({ count: "tre" }));
  mountRoute(router, { ...contract, operationId: "extraField", path: "/__extra-field" }, async () => ({ count: 3, secret: "x" }));
  mountRoute(router, { ...contract, operationId: "undeclaredCode", path: "/__undeclared-code" }, async () => {
    throw new AppError("CONFLICT", "Già fatto.");
  });
  mountRoute(router, { ...contract, operationId: "declaredCode", path: "/__declared-code", errors: ["CONFLICT"] }, async () => {
    throw new AppError("CONFLICT", "Già fatto.");
  });
  app.use(router, errorHandler(createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" })));
  for (const path of ["/__wrong-answer", "/__extra-field", "/__undeclared-code", "/__declared-code"]) {
    const i = registeredRoutes.findIndex((r) => r.contract.path === path);
    if (i >= 0) registeredRoutes.splice(i, 1);
  }

  it("turns an answer that differs from its schema into a 500 naming the field", async () => {
    const wrong = await request(app).get("/__wrong-answer").expect(500);
    expect(wrong.body.code).toBe("RESPONSE_SCHEMA_MISMATCH");
    expect(wrong.body.fields).toEqual([expect.objectContaining({ field: "count" })]);
    const extra = await request(app).get("/__extra-field").expect(500);
    expect(JSON.stringify(extra.body.fields)).toContain("secret");
  });

  it("refuses a code the contract does not declare, and lets a declared one through", async () => {
    const undeclared = await request(app).get("/__undeclared-code").expect(500);
    expect(undeclared.body.code).toBe("RESPONSE_SCHEMA_MISMATCH");
    expect(undeclared.body.fields[0].message).toContain("CONFLICT");
    expect((await request(app).get("/__declared-code").expect(409)).body.code).toBe("CONFLICT");
  });
});
