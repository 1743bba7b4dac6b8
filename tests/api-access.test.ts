import { beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { useTestApp, CPI_MILANO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { MILANO, testTaxCode, VALID_VAT_NUMBERS } from "./helpers/valid-codes.js";

type Who = "anonymous" | "admin" | "referent" | "tutor" | "navigator" | "otherReferent" | "employer" | "otherEmployer";
const WHO: Who[] = ["anonymous", "admin", "referent", "tutor", "navigator", "otherReferent", "employer", "otherEmployer"];

const h = useTestApp();
const ids = { torinoVacancy: "", torinoCandidate: "", milanoCandidate: "", listedVacancy: "" };
let taxCodeSeq = 0;

// Each request that creates something gets fresh, valid data so only the role decides the outcome.
const nextTaxCode = () => testTaxCode(taxCodeSeq++);

beforeAll(async () => {
  const v = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody({ employerId: h.p.employerId }));
  ids.torinoVacancy = v.body.id;
  const c = await request(h.t.app).post("/api/v1/candidates").set("authorization", `Bearer ${h.p.admin}`).send(candidateBody(nextTaxCode(), { tutorId: h.p.tutorId }));
  ids.torinoCandidate = c.body.id;
  const m = await request(h.t.app)
    .post("/api/v1/candidates")
    .set("authorization", `Bearer ${h.p.admin}`)
    .send(candidateBody(nextTaxCode(), { cpiCode: CPI_MILANO, domicileIstatCode: MILANO }));
  ids.milanoCandidate = m.body.id;
  expect([v.status, c.status, m.status]).toEqual([201, 201, 201]);
  const listed = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody({ employerId: h.p.employerId }));
  ids.listedVacancy = listed.body.id;
  expect((await request(h.t.app).post(`/api/v1/vacancies/${ids.listedVacancy}/shortlist`).set("authorization", `Bearer ${h.p.admin}`).send({})).status).toBe(201);
});


interface Row {
  route: string;
  send: (who: Who) => Promise<request.Response>;
  expect: Partial<Record<Who, number>> & { default: number };
}

const as = (who: Who, req: request.Test) => (who === "anonymous" ? req : req.set("authorization", `Bearer ${h.p[who]}`));
const get = (path: () => string) => (who: Who) => as(who, request(h.t.app).get(path()));

/** A person of Milano created by the admin, so every role tries to erase a record that exists. */
async function milanoCandidate(): Promise<string> {
  const r = await request(h.t.app)
    .post("/api/v1/candidates")
    .set("authorization", `Bearer ${h.p.admin}`)
    .send(candidateBody(nextTaxCode(), { cpiCode: CPI_MILANO, domicileIstatCode: MILANO }));
  expect(r.status).toBe(201);
  return r.body.id as string;
}

const ROWS: Row[] = [
  { route: "GET /vacancies", send: get(() => "/api/v1/vacancies"), expect: { default: 200, anonymous: 401 } },
  {
    route: "GET /vacancies/:id (Torino, of the employer)",
    send: get(() => `/api/v1/vacancies/${ids.torinoVacancy}`),
    expect: { default: 200, anonymous: 401, otherEmployer: 403 },
  },
  {
    route: "GET /vacancies/:id/history",
    send: get(() => `/api/v1/vacancies/${ids.torinoVacancy}/history`),
    expect: { default: 200, anonymous: 401, otherEmployer: 403 },
  },
  {
    route: "POST /vacancies (Torino)",
    send: (who) => as(who, request(h.t.app).post("/api/v1/vacancies").send(vacancyBody())),
    expect: { default: 403, anonymous: 401, admin: 201, referent: 201 },
  },
  {
    route: "PATCH /vacancies/:id (Torino)",
    send: (who) => as(who, request(h.t.app).patch(`/api/v1/vacancies/${ids.torinoVacancy}`).send({ notes: `nota di ${who}` })),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "GET /candidates",
    send: get(() => "/api/v1/candidates"),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /candidates/:id (Torino)",
    send: get(() => `/api/v1/candidates/${ids.torinoCandidate}`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /candidates (Torino)",
    send: (who) => as(who, request(h.t.app).post("/api/v1/candidates").send(candidateBody(nextTaxCode()))),
    expect: { default: 201, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "PATCH /candidates/:id (Torino)",
    send: (who) => as(who, request(h.t.app).patch(`/api/v1/candidates/${ids.torinoCandidate}`).send({ maxTravelKm: 25 })),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "DELETE /candidates/:id (Milano)",
    send: async (who) => as(who, request(h.t.app).delete(`/api/v1/candidates/${await milanoCandidate()}`)),
    expect: { default: 403, anonymous: 401, admin: 204, otherReferent: 204 },
  },
  {
    route: "GET /vacancies/:id/matches",
    send: get(() => `/api/v1/vacancies/${ids.torinoVacancy}/matches`),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /vacancies/:id/matches/:candidateId (a Torino person)",
    send: get(() => `/api/v1/vacancies/${ids.torinoVacancy}/matches/${ids.torinoCandidate}`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /candidates/:id/matches (a Torino person)",
    send: get(() => `/api/v1/candidates/${ids.torinoCandidate}/matches`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /vacancies/:id/shortlist (a fresh Torino vacancy)",
    send: async (who) => {
      const fresh = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody());
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${fresh.body.id}/shortlist`).send({}));
    },
    expect: { default: 403, anonymous: 401, admin: 201, referent: 201 },
  },
  {
    route: "GET /vacancies/:id/shortlist (a draft list)",
    send: get(() => `/api/v1/vacancies/${ids.listedVacancy}/shortlist`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 404, otherEmployer: 403 },
  },
  {
    route: "GET /vacancies/:id/shortlist/history",
    send: get(() => `/api/v1/vacancies/${ids.listedVacancy}/shortlist/history`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /exports/vacancies.xlsx",
    send: get(() => "/api/v1/exports/vacancies.xlsx"),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /imports/vacancies (without a file)",
    send: (who) => as(who, request(h.t.app).post("/api/v1/imports/vacancies")),
    expect: { default: 403, anonymous: 401, admin: 400, referent: 400, otherReferent: 400 },
  },
  { route: "GET /employers", send: get(() => "/api/v1/employers"), expect: { default: 200, anonymous: 401 } },
  {
    route: "GET /employers/:id",
    send: get(() => `/api/v1/employers/${h.p.employerId}`),
    expect: { default: 200, anonymous: 401, otherEmployer: 403 },
  },
  {
    route: "POST /employers",
    send: (who) =>
      as(who, request(h.t.app).post("/api/v1/employers").send({ name: `Azienda di ${who}`, taxCode: VALID_VAT_NUMBERS[WHO.indexOf(who)] })),
    expect: { default: 403, anonymous: 401, admin: 201, referent: 201, otherReferent: 201 },
  },
  {
    route: "PATCH /employers/:id",
    send: (who) => as(who, request(h.t.app).patch(`/api/v1/employers/${h.p.employerId}`).send({ contactName: who })),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200, otherReferent: 200 },
  },
  { route: "GET /cpis", send: get(() => "/api/v1/cpis"), expect: { default: 200, anonymous: 401 } },
  { route: "GET /comuni?q=", send: get(() => "/api/v1/comuni?q=monca"), expect: { default: 200, anonymous: 401 } },
  { route: "GET /users/me", send: get(() => "/api/v1/users/me"), expect: { default: 200, anonymous: 401 } },
  { route: "GET /audit", send: get(() => "/api/v1/audit?entityType=candidate"), expect: { default: 403, anonymous: 401, admin: 200 } },
  { route: "GET /users", send: get(() => "/api/v1/users"), expect: { default: 403, anonymous: 401, admin: 200 } },
  {
    route: "POST /users",
    send: (who) =>
      as(who, request(h.t.app).post("/api/v1/users").send({ name: `Nuovo ${who}`, email: `nuovo.${who}@example.it`, role: "tutor", cpiCodes: [CPI_MILANO] })),
    expect: { default: 403, anonymous: 401, admin: 201 },
  },
];

describe("every role against every route", () => {
  for (const row of ROWS) {
    for (const who of WHO) {
      const expected = row.expect[who] ?? row.expect.default;
      it(`${row.route} as ${who} → ${expected}`, async () => {
        const res = await row.send(who);
        expect(res.status, JSON.stringify(res.body)).toBe(expected);
        if (expected === 401 || expected === 403) {
          expect(res.body.code).toBe(expected === 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
          expect(res.body.message).toMatch(/\S/);
        }
      });
    }
  }
});

describe("scope inside the answers", () => {
  it("an operator's candidate search lists only the people of their CPIs", async () => {
    const res = await request(h.t.app).get("/api/v1/candidates").set("authorization", `Bearer ${h.p.otherReferent}`);
    expect(res.status).toBe(200);
    expect(res.body.items.every((c: { cpi: { code: string } }) => c.cpi.code === CPI_MILANO)).toBe(true);
    expect(res.body.items.map((c: { id: string }) => c.id)).not.toContain(ids.torinoCandidate);
  });

  it("an employer's showcase search lists only its own offers", async () => {
    await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody({ employerId: h.p.otherEmployerId }));
    const res = await request(h.t.app).get("/api/v1/vacancies").set("authorization", `Bearer ${h.p.employer}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items.every((v: { employerId: string }) => v.employerId === h.p.employerId)).toBe(true);
  });

  it("a referent cannot move an offer to a CPI outside their scope", async () => {
    const res = await request(h.t.app)
      .patch(`/api/v1/vacancies/${ids.torinoVacancy}`)
      .set("authorization", `Bearer ${h.p.referent}`)
      .send({ cpiCode: CPI_MILANO });
    expect(res.status).toBe(403);
  });

  it("a revoked token is refused", async () => {
    const me = await request(h.t.app).get("/api/v1/users/me").set("authorization", `Bearer ${h.p.navigator}`);
    await h.t.ctx.db.apiToken.updateMany({ where: { userId: me.body.userId }, data: { revokedAt: new Date() } });
    const res = await request(h.t.app).get("/api/v1/users/me").set("authorization", `Bearer ${h.p.navigator}`);
    expect(res.status).toBe(401);
  });
});
