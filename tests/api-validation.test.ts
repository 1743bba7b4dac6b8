import { describe, expect, it } from "vitest";
import request from "supertest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { testTaxCode } from "./helpers/valid-codes.js";

const h = useTestApp();

const post = (path: string) => request(h.t.app).post(path).set("authorization", `Bearer ${h.p.admin}`);

async function storeAndIndexCounts() {
  return {
    vacancies: await h.t.ctx.db.vacancy.count(),
    candidates: await h.t.ctx.db.candidate.count(),
    indexedVacancies: await h.t.ctx.index.count("vacancies"),
    indexedCandidates: await h.t.ctx.index.count("candidates"),
  };
}

describe("bad input gets a 4xx with code, Italian message and the offending fields; nothing is written", () => {
  const cases: { name: string; send: () => request.Test; status: number; code: string; field?: string }[] = [
    {
      name: "malformed JSON",
      send: () => post("/api/v1/vacancies").set("content-type", "application/json").send('{"requestedProfile": "Cuoco",'),
      status: 400,
      code: "MALFORMED_JSON",
    },
    { name: "wrong type", send: () => post("/api/v1/vacancies").send(vacancyBody({ positions: "due" })), status: 400, code: "VALIDATION_FAILED", field: "positions" },
    { name: "unknown field", send: () => post("/api/v1/vacancies").send(vacancyBody({ salario: 1200 })), status: 400, code: "VALIDATION_FAILED", field: "salario" },
    { name: "missing required field", send: () => post("/api/v1/vacancies").send(vacancyBody({ companyName: undefined })), status: 400, code: "VALIDATION_FAILED", field: "companyName" },
    { name: "bad company tax code", send: () => post("/api/v1/vacancies").send(vacancyBody({ companyTaxCode: "12345678901" })), status: 400, code: "VALIDATION_FAILED", field: "companyTaxCode" },
    { name: "bad person tax code", send: () => post("/api/v1/candidates").send(candidateBody("RSSMRA85T10L219A")), status: 400, code: "VALIDATION_FAILED", field: "taxCode" },
    { name: "impossible date", send: () => post("/api/v1/vacancies").send(vacancyBody({ arrivalDate: "2026-02-30" })), status: 400, code: "VALIDATION_FAILED", field: "arrivalDate" },
    { name: "unknown licence", send: () => post("/api/v1/vacancies").send(vacancyBody({ requiredLicences: ["Z9"] })), status: 400, code: "VALIDATION_FAILED", field: "requiredLicences.0" },
    { name: "unknown ATECO", send: () => post("/api/v1/vacancies").send(vacancyBody({ atecoCode: "99.99" })), status: 400, code: "VALIDATION_FAILED", field: "atecoCode" },
    { name: "unknown comune", send: () => post("/api/v1/vacancies").send(vacancyBody({ workplaceIstatCode: "999999" })), status: 422, code: "UNKNOWN_REFERENCE", field: "workplaceIstatCode" },
    { name: "unknown CPI", send: () => post("/api/v1/candidates").send(candidateBody(testTaxCode(900), { cpiCode: "XX-NOWHERE" })), status: 422, code: "UNKNOWN_REFERENCE", field: "cpiCode" },
    { name: "experience ending before it starts", send: () => post("/api/v1/candidates").send(candidateBody(testTaxCode(901), { experiences: [{ profileTitle: "Cuoco", fromDate: "2024-01-01", toDate: "2023-01-01" }] })), status: 400, code: "VALIDATION_FAILED", field: "experiences.0.toDate" },
    { name: "oversized body", send: () => post("/api/v1/vacancies").send(vacancyBody({ notes: "x".repeat(1_200_000) })), status: 413, code: "PAYLOAD_TOO_LARGE" },
    { name: "bad query parameter", send: () => request(h.t.app).get("/api/v1/vacancies?pageSize=1000").set("authorization", `Bearer ${h.p.admin}`), status: 400, code: "VALIDATION_FAILED", field: "pageSize" },
    { name: "unknown filter value", send: () => request(h.t.app).get("/api/v1/vacancies?status=aperta").set("authorization", `Bearer ${h.p.admin}`), status: 400, code: "VALIDATION_FAILED", field: "status.0" },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const before = await storeAndIndexCounts();
      const res = await c.send();
      expect(res.status, JSON.stringify(res.body)).toBe(c.status);
      expect(res.body.code).toBe(c.code);
      expect(res.body.message).toMatch(/[àèéìòù]|non|dati|richiesta|corpo/i);
      if (c.field) expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(c.field);
      expect(await storeAndIndexCounts()).toEqual(before);
    });
  }

  it("a duplicate person is a 409 naming the tax code, and the first record is untouched", async () => {
    const code = testTaxCode(950);
    expect((await post("/api/v1/candidates").send(candidateBody(code))).status).toBe(201);
    const res = await post("/api/v1/candidates").send(candidateBody(code, { firstName: "Altro" }));
    expect(res.status).toBe(409);
    expect(res.body.fields[0].field).toBe("taxCode");
    expect((await h.t.ctx.db.candidate.findUniqueOrThrow({ where: { taxCode: code } })).firstName).toBe("Maria");
  });

  it("the same offer published twice is a 409", async () => {
    const body = vacancyBody({ arrivalDate: "2026-10-01" });
    expect((await post("/api/v1/vacancies").send(body)).status).toBe(201);
    const again = await post("/api/v1/vacancies").send(body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CONFLICT");
  });

  it("an unknown route is a JSON 404", async () => {
    const res = await request(h.t.app).get("/api/v1/nothing-here").set("authorization", `Bearer ${h.p.admin}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
  });

  it("an unknown id is a 404, not a 500", async () => {
    const res = await request(h.t.app).get("/api/v1/vacancies/does-not-exist").set("authorization", `Bearer ${h.p.admin}`);
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/non trovat/);
  });

  it("tax codes are normalised before they are stored: spaces and lower case are accepted", async () => {
    const code = testTaxCode(960);
    const res = await post("/api/v1/candidates").send(candidateBody(` ${code.toLowerCase().slice(0, 6)} ${code.toLowerCase().slice(6)}`));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.taxCode).toBe(code);
  });
});
