import { describe, expect, it } from "vitest";
import request from "supertest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";

const h = useTestApp();

const post = (path: string) => request(h.t.app).post(path).set("authorization", `Bearer ${h.p.admin}`);
const patch = (path: string) => request(h.t.app).patch(path).set("authorization", `Bearer ${h.p.admin}`);
const get = (path: string) => request(h.t.app).get(path).set("authorization", `Bearer ${h.p.admin}`);

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
    { name: "unknown CPI", send: () => post("/api/v1/candidates").send(candidateBody(mariaRossiTaxCode(900), { cpiCode: "XX-NOWHERE" })), status: 422, code: "UNKNOWN_REFERENCE", field: "cpiCode" },
    { name: "experience ending before it starts", send: () => post("/api/v1/candidates").send(candidateBody(mariaRossiTaxCode(901), { experiences: [{ profileTitle: "Cuoco", fromDate: "2024-01-01", toDate: "2023-01-01" }] })), status: 400, code: "VALIDATION_FAILED", field: "experiences.0.toDate" },
    { name: "oversized body", send: () => post("/api/v1/vacancies").send(vacancyBody({ notes: "x".repeat(1_200_000) })), status: 413, code: "PAYLOAD_TOO_LARGE" },
    { name: "unknown query parameter on a route without filters", send: () => get("/api/v1/vacancies/any-id/history?foo=1"), status: 400, code: "VALIDATION_FAILED", field: "foo" },
    { name: "unknown query parameter on a search", send: () => get("/api/v1/candidates?nome=Maria"), status: 400, code: "VALIDATION_FAILED", field: "nome" },
    { name: "unknown query parameter on who-am-I", send: () => get("/api/v1/users/me?debug=1"), status: 400, code: "VALIDATION_FAILED", field: "debug" },
    { name: "PATCH of a vacancy with no field", send: () => patch("/api/v1/vacancies/any-id").send({}), status: 400, code: "VALIDATION_FAILED", field: "(corpo)" },
    { name: "PATCH of a person with no body at all", send: () => patch("/api/v1/candidates/any-id"), status: 400, code: "VALIDATION_FAILED", field: "(corpo)" },
    { name: "PATCH of an employer with no field", send: () => patch(`/api/v1/employers/${h.p.employerId}`).send({}), status: 400, code: "VALIDATION_FAILED", field: "(corpo)" },
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

  it("an empty PATCH says so in Italian, whatever the route", async () => {
    const res = await patch(`/api/v1/employers/${h.p.employerId}`).send({});
    expect(res.body.message).toMatch(/Nessun campo da modificare/);
  });

  it("a duplicate person is a 409 naming the tax code, and the first record is untouched", async () => {
    const code = mariaRossiTaxCode(950);
    expect((await post("/api/v1/candidates").send(candidateBody(code))).status).toBe(201);
    const res = await post("/api/v1/candidates").send(candidateBody(code, { email: "altra@example.it" }));
    expect(res.status).toBe(409);
    expect(res.body.fields[0].field).toBe("taxCode");
    expect((await h.t.ctx.db.candidate.findUniqueOrThrow({ where: { taxCode: code } })).email).toBe("maria.rossi@example.it");
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
    const code = mariaRossiTaxCode(960);
    const res = await post("/api/v1/candidates").send(candidateBody(` ${code.toLowerCase().slice(0, 6)} ${code.toLowerCase().slice(6)}`));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.taxCode).toBe(code);
  });
});

describe("an unknown comune, CPI or tutor is a 422 UNKNOWN_REFERENCE on every route, filters included", () => {
  const cases: { name: string; send: () => request.Test; field: string }[] = [
    { name: "showcase near an unknown comune", send: () => get("/api/v1/vacancies?nearComune=999999"), field: "nearComune" },
    { name: "showcase in an unknown CPI", send: () => get("/api/v1/vacancies?cpi=XX"), field: "cpi" },
    { name: "showcase in a known and an unknown CPI", send: () => get("/api/v1/vacancies?cpi=TO-MONCALIERI,XX"), field: "cpi.1" },
    { name: "export in an unknown CPI", send: () => get("/api/v1/exports/vacancies.xlsx?cpi=XX"), field: "cpi" },
    { name: "people near an unknown comune", send: () => get("/api/v1/candidates?nearComune=999999"), field: "nearComune" },
    { name: "people in an unknown CPI", send: () => get("/api/v1/candidates?cpi=XX"), field: "cpi" },
    { name: "people of an unknown tutor", send: () => get("/api/v1/candidates?tutor=nobody"), field: "tutor" },
    { name: "vacancy in an unknown CPI", send: () => post("/api/v1/vacancies").send(vacancyBody({ cpiCode: "XX" })), field: "cpiCode" },
    { name: "vacancy of an unknown employer", send: () => post("/api/v1/vacancies").send(vacancyBody({ employerId: "nobody" })), field: "employerId" },
    { name: "person living in an unknown comune", send: () => post("/api/v1/candidates").send(candidateBody(mariaRossiTaxCode(970), { domicileIstatCode: "999999" })), field: "domicileIstatCode" },
    { name: "person with an unknown tutor", send: () => post("/api/v1/candidates").send(candidateBody(mariaRossiTaxCode(971), { tutorId: "nobody" })), field: "tutorId" },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = await storeAndIndexCounts();
      const res = await c.send();
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.code).toBe("UNKNOWN_REFERENCE");
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(c.field);
      expect(await storeAndIndexCounts()).toEqual(before);
    });
  }

  it("a known tutor, «me» and known CPIs still filter", async () => {
    expect((await get(`/api/v1/candidates?tutor=${h.p.tutorId}&cpi=TO-MONCALIERI`)).status).toBe(200);
    expect((await get("/api/v1/candidates?tutor=me&nearComune=001272")).status).toBe(200);
  });

  it("reading a comune that does not exist is still a 404: the resource itself is missing", async () => {
    const res = await get("/api/v1/comuni/999999");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
  });

  it("PATCH of a person or a vacancy to an unknown comune or CPI is a 422 too", async () => {
    const person = await post("/api/v1/candidates").send(candidateBody(mariaRossiTaxCode(972)));
    const vacancy = await post("/api/v1/vacancies").send(vacancyBody());
    const a = await patch(`/api/v1/candidates/${person.body.id}`).send({ cpiCode: "XX" });
    const b = await patch(`/api/v1/vacancies/${vacancy.body.id}`).send({ workplaceIstatCode: "999999" });
    expect([a.status, a.body.code, b.status, b.body.code]).toEqual([422, "UNKNOWN_REFERENCE", 422, "UNKNOWN_REFERENCE"]);
  });
});
