import { beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { registeredRoutes } from "../src/api/route-contract.js";
import { useTestApp, CPI_MILANO, CPI_MONCALIERI, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { MILANO, TORINO, VALID_VAT_NUMBERS } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { waitForImport } from "./helpers/imports.js";
import { peopleCsv } from "./fixtures/make-fixtures.js";

type Who = "anonymous" | "admin" | "referent" | "tutor" | "navigator" | "otherReferent" | "employer" | "otherEmployer";
const WHO: Who[] = ["anonymous", "admin", "referent", "tutor", "navigator", "otherReferent", "employer", "otherEmployer"];

// Every route is tried anonymously too: more than the anonymous rate limit allows in a minute (tested in rate-limits.test.ts).
const h = useTestApp({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: "0" });
const ids = { torinoVacancy: "", torinoCandidate: "", milanoCandidate: "", listedVacancy: "" };
let taxCodeSeq = 0;

// Each request that creates something gets fresh, valid data so only the role decides the outcome.
const nextTaxCode = () => mariaRossiTaxCode(taxCodeSeq++);

beforeAll(async () => {
  const v = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody({ employerId: h.p.employerId }));
  ids.torinoVacancy = v.body.id;
  // Neither covers the warehouse offers' must-have in any wording: no list built from the matching picks them.
  const c = await request(h.t.app).post("/api/v1/candidates").set("authorization", `Bearer ${h.p.admin}`).send(candidateBody(nextTaxCode(), { tutorId: h.p.tutorId, competences: ["Contabilità generale"] }));
  ids.torinoCandidate = c.body.id;
  const m = await request(h.t.app)
    .post("/api/v1/candidates")
    .set("authorization", `Bearer ${h.p.admin}`)
    .send(candidateBody(nextTaxCode(), { cpiCode: CPI_MILANO, domicileIstatCode: MILANO, competences: ["Contabilità generale"] }));
  ids.milanoCandidate = m.body.id;
  expect([v.status, c.status, m.status]).toEqual([201, 201, 201]);
  const listed = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody({ employerId: h.p.employerId }));
  ids.listedVacancy = listed.body.id;
  expect((await request(h.t.app).post(`/api/v1/vacancies/${ids.listedVacancy}/shortlist`).set("authorization", `Bearer ${h.p.admin}`).send({})).status).toBe(201);
});


/** People on the list whose contacts the table below checks role by role (see beforeAll). */
const contactsFixture = { vacancy: "", poolVacancy: "", people: {} as Record<"torino" | "moncalieri" | "milano" | "removed" | "handAdded", string> };

/** Who qualifies for the fixture's warehouse offers: the profile and the must-have competence. */
const warehouseWorker = (cpiCode: string) =>
  candidateBody(nextTaxCode(), {
    cpiCode,
    domicileIstatCode: TORINO,
    email: `magazzino.${taxCodeSeq}@example.it`,
    phone: `+39 333 222 ${String(taxCodeSeq).padStart(4, "0")}`,
    declaredProfiles: [{ title: "Magazziniere" }],
    competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
  });

/**
 * A Torino warehouse list built from the matching by its referent: a person of Torino, one of Moncalieri
 * (the referent's, not the tutor's), one of Milano, one of Milano removed, and one of Milano added by hand
 * after the matching found them qualified. A second offer, with no list, for the pool counts.
 */
beforeAll(async () => {
  const admin = (r: request.Test) => r.set("authorization", `Bearer ${h.p.admin}`);
  const referent = (r: request.Test) => r.set("authorization", `Bearer ${h.p.referent}`);
  const add = async (cpiCode: string) => {
    const res = await admin(request(h.t.app).post("/api/v1/candidates")).send(warehouseWorker(cpiCode));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const p = contactsFixture.people;
  p.torino = await add(CPI_TORINO);
  p.moncalieri = await add(CPI_MONCALIERI);
  p.milano = await add(CPI_MILANO);
  p.removed = await add(CPI_MILANO);
  const offer = () => referent(request(h.t.app).post("/api/v1/vacancies")).send(vacancyBody({ profileTitle: "Magazziniere", employerId: h.p.employerId }));
  contactsFixture.vacancy = (await offer()).body.id;
  contactsFixture.poolVacancy = (await offer()).body.id;
  const list = `/api/v1/vacancies/${contactsFixture.vacancy}/shortlist`;
  const built = await referent(request(h.t.app).post(list)).send({});
  expect(built.status, JSON.stringify(built.body)).toBe(201);
  const onList = (built.body.entries as { candidateId: string }[]).map((e) => e.candidateId);
  expect(onList).toEqual(expect.arrayContaining([p.torino, p.moncalieri, p.milano, p.removed]));
  expect((await referent(request(h.t.app).post(`${list}/entries/${p.removed}/remove`)).send({ reason: "Ha trovato lavoro" })).status).toBe(200);
  p.handAdded = await add(CPI_MILANO);
  const added = await referent(request(h.t.app).post(`${list}/entries`)).send({ candidateId: p.handAdded, reason: "Segnalata dal CPI di Milano" });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
});

/** A fresh Torino offer of the employer with a draft list holding the Torino person, contacted as asked. */
async function draftWithTorinoPerson(contact?: "available"): Promise<string> {
  const admin = (r: request.Test) => r.set("authorization", `Bearer ${h.p.admin}`);
  const v = await admin(request(h.t.app).post("/api/v1/vacancies")).send(vacancyBody({ employerId: h.p.employerId }));
  const list = `/api/v1/vacancies/${v.body.id}/shortlist`;
  expect((await admin(request(h.t.app).post(list)).send({})).status).toBe(201);
  const added = await admin(request(h.t.app).post(`${list}/entries`)).send({ candidateId: ids.torinoCandidate, reason: "Proposta dal tutor" });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  if (contact) expect((await admin(request(h.t.app).post(`${list}/entries/${ids.torinoCandidate}/contact`)).send({ status: contact })).status).toBe(200);
  return v.body.id as string;
}

/** A person of Torino no warehouse list picks, registered by the admin: free to be proposed anywhere. */
async function torinoCook(): Promise<string> {
  const r = await request(h.t.app)
    .post("/api/v1/candidates")
    .set("authorization", `Bearer ${h.p.admin}`)
    .send(candidateBody(nextTaxCode(), { declaredProfiles: [{ title: "Cuoca" }], competences: ["Cucina"] }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/** A fresh offer of the Torino referent (who refers it), optionally with a draft list, and the Torino tutor's proposal for it. */
async function pendingProposal(withList: boolean): Promise<string> {
  const referent = (r: request.Test) => r.set("authorization", `Bearer ${h.p.referent}`);
  const v = await referent(request(h.t.app).post("/api/v1/vacancies")).send(vacancyBody({ employerId: h.p.employerId }));
  if (withList) expect((await referent(request(h.t.app).post(`/api/v1/vacancies/${v.body.id}/shortlist`)).send({})).status).toBe(201);
  const proposal = await request(h.t.app)
    .post(`/api/v1/vacancies/${v.body.id}/proposals`)
    .set("authorization", `Bearer ${h.p.tutor}`)
    .send({ candidateId: await torinoCook(), note: "Proposta per la prova dei ruoli" });
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
  return proposal.body.id as string;
}

/**
 * One row per route: `route` starts with the method and the path as the route's contract declares it
 * (src/api/routes), then anything that tells the row apart; the coverage check below reads those two words.
 */
interface Row {
  route: string;
  send: (who: Who) => Promise<request.Response>;
  expect: Partial<Record<Who, number>> & { default: number };
}

const as = (who: Who, req: request.Test) => (who === "anonymous" ? req : req.set("authorization", `Bearer ${h.p[who]}`));
const get = (path: () => string) => (who: Who) => as(who, request(h.t.app).get(path()));

/** A Torino vacancy the admin publishes, so every role records a deadline fact on an offer of its own. */
async function freshTorinoVacancy(): Promise<string> {
  const r = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody());
  expect(r.status).toBe(201);
  return r.body.id as string;
}

/** A person of Milano created by the admin, so every role tries to erase a record that exists. */
async function milanoCandidate(): Promise<string> {
  const r = await request(h.t.app)
    .post("/api/v1/candidates")
    .set("authorization", `Bearer ${h.p.admin}`)
    .send(candidateBody(nextTaxCode(), { cpiCode: CPI_MILANO, domicileIstatCode: MILANO, competences: ["Contabilità generale"] }));
  expect(r.status).toBe(201);
  return r.body.id as string;
}

/** Each persona's user id, read once through GET /users/me (anonymous callers aim at the referent's). */
const userIds = new Map<Who, string>();
async function userIdOf(who: Who): Promise<string> {
  const whose = who === "anonymous" ? "referent" : who;
  if (!userIds.has(whose)) userIds.set(whose, (await request(h.t.app).get("/api/v1/users/me").set("authorization", `Bearer ${h.p[whose]}`)).body.userId);
  return userIds.get(whose)!;
}

let userSeq = 0;
/** A tutor of Milano created by the admin, so a row may change a user without touching the personas. */
async function freshUser(): Promise<string> {
  userSeq += 1;
  const user = await request(h.t.app)
    .post("/api/v1/users")
    .set("authorization", `Bearer ${h.p.admin}`)
    .send({ name: `Utente ${userSeq}`, email: `utente.${userSeq}@example.it`, role: "tutor", cpiCodes: [CPI_MILANO] });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  return user.body.user.id as string;
}

/** A further token the admin issues to a user, so revoking it leaves the user's own token working. */
async function secondToken(userId: string): Promise<string> {
  const issued = await request(h.t.app).post(`/api/v1/users/${userId}/tokens`).set("authorization", `Bearer ${h.p.admin}`).send({ label: "secondo" });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body.id as string;
}

/** An import run of the Torino referent; a failed one keeps its file (people, as a dry run) for a retry. */
async function referentImport(status: "succeeded" | "failed"): Promise<string> {
  const file = status === "failed" ? { create: { name: "persone.csv", mimeType: "text/csv", dryRun: true, data: Buffer.from(peopleCsv()) } } : undefined;
  const run = await h.t.ctx.db.jobRun.create({ data: { kind: "import-candidates", source: "persone.csv", status, byUserId: await userIdOf("referent"), ...(file ? { file } : {}) } });
  return run.id;
}

/** Terms of an external offer congrua under NASpI for a person of the sample body living in `comune`. */
const congruaTerms = (comune: string) => ({
  profile: "Magazziniere",
  profileCode: "8.1.3.1.0",
  employerName: "Magazzini Subalpini S.r.l.",
  workplaceComune: comune,
  contractType: "tempo indeterminato",
  hoursPerWeek: 40,
  grossMonthlyPay: 2000,
  ccnl: "CCNL Commercio",
  competencesText: "Carico e scarico merci",
});

/** A congrua offer the admin records for a person; refused without reason (opening a conditionality event) when asked. */
async function congruaOffer(candidateId: string, comune: string, refuse = false): Promise<string> {
  const admin = (r: request.Test) => r.set("authorization", `Bearer ${h.p.admin}`);
  const offer = await admin(request(h.t.app).post(`/api/v1/candidates/${candidateId}/congrua-offers`)).send({ terms: congruaTerms(comune), offeredAt: "2026-06-15", channel: "telefono" });
  expect(offer.status, JSON.stringify(offer.body)).toBe(201);
  if (refuse) expect((await admin(request(h.t.app).post(`/api/v1/congrua-offers/${offer.body.id}/outcome`)).send({ outcome: "rifiutata_senza_motivo" })).status).toBe(200);
  return offer.body.id as string;
}

/** An export of the Torino conditionality events holding a fresh one. */
async function torinoConditionalityExport(): Promise<string> {
  await congruaOffer(ids.torinoCandidate, TORINO, true);
  const created = await request(h.t.app).post("/api/v1/conditionality-events/exports").set("authorization", `Bearer ${h.p.admin}`).send({ cpi: CPI_TORINO });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}
let torinoOffer: Promise<string> | undefined;
let torinoExport: Promise<string> | undefined;

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
    // Not a match for the fixture's warehouse offers, whose pool counts are checked below.
    send: (who) => as(who, request(h.t.app).post("/api/v1/candidates").send(candidateBody(nextTaxCode(), { competences: ["Contabilità generale"] }))),
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
    route: "GET /candidates/:id/proximity (a Torino person)",
    send: get(() => `/api/v1/candidates/${ids.torinoCandidate}/proximity`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /proximity/group (a Torino person)",
    send: async (who) => as(who, request(h.t.app).post("/api/v1/proximity/group").send({ candidateIds: [ids.torinoCandidate] })),
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
    route: "POST /vacancies/:id/shortlist/entries (a person of Torino)",
    send: async (who) => {
      const v = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody());
      expect((await request(h.t.app).post(`/api/v1/vacancies/${v.body.id}/shortlist`).set("authorization", `Bearer ${h.p.admin}`).send({})).status).toBe(201);
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${v.body.id}/shortlist/entries`).send({ candidateId: ids.torinoCandidate, reason: "Proposta dal tutor" }));
    },
    expect: { default: 403, anonymous: 401, admin: 201, referent: 201 },
  },
  {
    route: "POST /vacancies/:id/shortlist/entries/:candidateId/remove",
    send: async (who) =>
      as(who, request(h.t.app).post(`/api/v1/vacancies/${await draftWithTorinoPerson()}/shortlist/entries/${ids.torinoCandidate}/remove`).send({ reason: "Non interessata" })),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /vacancies/:id/shortlist/entries/:candidateId/contact",
    send: async (who) =>
      as(who, request(h.t.app).post(`/api/v1/vacancies/${await draftWithTorinoPerson()}/shortlist/entries/${ids.torinoCandidate}/contact`).send({ status: "available" })),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /vacancies/:id/shortlist/send",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/vacancies/${await draftWithTorinoPerson("available")}/shortlist/send`).send({})),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /vacancies/:id/shortlist/entries/:candidateId/outcome (a list sent to the employer)",
    send: async (who) => {
      const id = await draftWithTorinoPerson("available");
      expect((await request(h.t.app).post(`/api/v1/vacancies/${id}/shortlist/send`).set("authorization", `Bearer ${h.p.admin}`).send({})).status).toBe(200);
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${id}/shortlist/entries/${ids.torinoCandidate}/outcome`).send({ outcome: "interviewed" }));
    },
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200, employer: 200 },
  },
  {
    route: "POST /vacancies/:id/status (a fresh Torino vacancy)",
    send: async (who) => {
      const v = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody());
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${v.body.id}/status`).send({ to: "in_preselection", reason: "Prova dei ruoli" }));
    },
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /vacancies/:id/close (a fresh Torino vacancy)",
    send: async (who) => {
      const v = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody());
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${v.body.id}/close`).send({ outcome: "cancelled", reason: "Prova dei ruoli" }));
    },
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /vacancies/:id/shortlist/decline (a list sent to the employer)",
    send: async (who) => {
      const id = await draftWithTorinoPerson("available");
      expect((await request(h.t.app).post(`/api/v1/vacancies/${id}/shortlist/send`).set("authorization", `Bearer ${h.p.admin}`).send({})).status).toBe(200);
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${id}/shortlist/decline`).send({ reason: "Profili non adatti" }));
    },
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200, employer: 200 },
  },
  {
    route: "POST /vacancies/:id/referent (a fresh Torino vacancy, to the Torino referent)",
    send: async (who) => {
      const v = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody());
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${v.body.id}/referent`).send({ referentUserId: await userIdOf("referent"), reason: "Prova dei ruoli" }));
    },
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "GET /cpis/:code/referents (Torino)",
    send: get(() => `/api/v1/cpis/${CPI_TORINO}/referents`),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /referents",
    send: get(() => "/api/v1/referents"),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /vacancies/:id/proposals (a Torino person, a fresh Torino vacancy)",
    send: async (who) => {
      const v = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody({ employerId: h.p.employerId }));
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${v.body.id}/proposals`).send({ candidateId: await torinoCook(), note: "Prova dei ruoli" }));
    },
    expect: { default: 403, anonymous: 401, tutor: 201, navigator: 201 },
  },
  {
    route: "GET /vacancies/:id/proposals",
    send: get(() => `/api/v1/vacancies/${ids.torinoVacancy}/proposals`),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /proposals",
    send: get(() => "/api/v1/proposals"),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /proposals/:id (the Torino tutor's, on a Torino vacancy)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/proposals/${await pendingProposal(false)}`)),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /proposals/:id/accept (the vacancy has a draft list)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/proposals/${await pendingProposal(true)}/accept`).send({})),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /proposals/:id/decline",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/proposals/${await pendingProposal(false)}/decline`).send({ reason: "rosa_completa" })),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /proposals/:id/withdraw (the Torino tutor's)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/proposals/${await pendingProposal(false)}/withdraw`).send({})),
    expect: { default: 403, anonymous: 401, tutor: 200 },
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
  {
    route: "POST /imports/candidates (without a file)",
    send: (who) => as(who, request(h.t.app).post("/api/v1/imports/candidates")),
    expect: { default: 403, anonymous: 401, admin: 400, referent: 400, otherReferent: 400 },
  },
  {
    route: "GET /imports/:id (an import of the Torino referent)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/imports/${await referentImport("succeeded")}`)),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "GET /imports/:id/rows (an import of the Torino referent)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/imports/${await referentImport("succeeded")}/rows`)),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /imports/:id/retry (a failed import of the Torino referent)",
    send: async (who) => {
      const res = await as(who, request(h.t.app).post(`/api/v1/imports/${await referentImport("failed")}/retry`));
      // The retry runs in the background: let it end before the next row.
      if (res.status === 202) await waitForImport(h.t.app, h.p.admin, res.body.id);
      return res;
    },
    expect: { default: 403, anonymous: 401, admin: 202, referent: 202 },
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
  { route: "GET /cpis/:code", send: get(() => `/api/v1/cpis/${CPI_TORINO}`), expect: { default: 200, anonymous: 401 } },
  { route: "GET /cpis/:code/catchment", send: get(() => `/api/v1/cpis/${CPI_TORINO}/catchment`), expect: { default: 200, anonymous: 401 } },
  {
    route: "POST /cpis",
    send: (who) => as(who, request(h.t.app).post("/api/v1/cpis").send({ code: `AT-PROVA-${WHO.indexOf(who)}`, name: `CPI di prova ${who}`, comuneIstatCode: "005005" })),
    expect: { default: 403, anonymous: 401, admin: 201 },
  },
  {
    route: "PATCH /cpis/:code",
    send: (who) => as(who, request(h.t.app).patch(`/api/v1/cpis/${CPI_MILANO}`).send({ address: `Via di ${who}` })),
    expect: { default: 403, anonymous: 401, admin: 200 },
  },
  {
    route: "PUT /cpis/:code/catchment",
    send: (who) => as(who, request(h.t.app).put("/api/v1/cpis/AT-ASTI/catchment").send({ comuni: ["005005"] })),
    expect: { default: 403, anonymous: 401, admin: 200 },
  },
  {
    route: "POST /cpis/:code/close (a CPI of its own per caller)",
    send: async (who) => {
      const code = `AT-CHIUSO-${WHO.indexOf(who)}`;
      await h.t.ctx.db.cpi.create({ data: { code, name: `CPI da chiudere ${who}`, provinceAcronym: "AT", comuneIstatCode: "005005" } });
      return as(who, request(h.t.app).post(`/api/v1/cpis/${code}/close`).send({}));
    },
    expect: { default: 403, anonymous: 401, admin: 200 },
  },
  {
    route: "POST /cpis/import",
    send: async (who) => {
      const res = await as(who, request(h.t.app).post("/api/v1/cpis/import").attach("file", Buffer.from(`Codice;Nome;Comune sede\nAT-IMPORT-${WHO.indexOf(who)};CPI importato;Asti\n`), "cpi.csv"));
      if (res.status === 202) await waitForImport(h.t.app, h.p.admin, res.body.id);
      return res;
    },
    expect: { default: 403, anonymous: 401, admin: 202 },
  },
  { route: "GET /comuni?q=", send: get(() => "/api/v1/comuni?q=monca"), expect: { default: 200, anonymous: 401 } },
  { route: "GET /comuni/:istatCode", send: get(() => `/api/v1/comuni/${TORINO}`), expect: { default: 200, anonymous: 401 } },
  { route: "GET /code-lists/:list", send: get(() => "/api/v1/code-lists/licences"), expect: { default: 200, anonymous: 401 } },
  { route: "GET /occupations?q=", send: get(() => "/api/v1/occupations?q=magazziniere"), expect: { default: 200, anonymous: 401 } },
  { route: "GET /competences?q=", send: get(() => "/api/v1/competences?q=carrello"), expect: { default: 200, anonymous: 401 } },
  { route: "GET /users/me", send: get(() => "/api/v1/users/me"), expect: { default: 200, anonymous: 401 } },
  { route: "GET /audit", send: get(() => "/api/v1/audit?entityType=candidate"), expect: { default: 403, anonymous: 401, admin: 200 } },
  { route: "GET /users", send: get(() => "/api/v1/users"), expect: { default: 403, anonymous: 401, admin: 200 } },
  { route: "GET /jobs", send: get(() => "/api/v1/jobs"), expect: { default: 403, anonymous: 401, admin: 200 } },
  { route: "POST /backups", send: (who) => as(who, request(h.t.app).post("/api/v1/backups").send({})), expect: { default: 403, anonymous: 401, admin: 201 } },
  {
    route: "POST /jobs/:id/retry (a failed job)",
    send: async (who) => {
      const job = await h.t.ctx.db.job.create({ data: { kind: "expire-vacancies", state: "failed", attempts: 5, lastError: "Errore di prova" } });
      return as(who, request(h.t.app).post(`/api/v1/jobs/${job.id}/retry`).send({}));
    },
    expect: { default: 403, anonymous: 401, admin: 200 },
  },
  {
    route: "POST /users",
    send: (who) =>
      as(who, request(h.t.app).post("/api/v1/users").send({ name: `Nuovo ${who}`, email: `nuovo.${who}@example.it`, role: "tutor", cpiCodes: [CPI_MILANO] })),
    expect: { default: 403, anonymous: 401, admin: 201 },
  },
  {
    route: "POST /users/:id/tokens (a fresh user)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/users/${await freshUser()}/tokens`).send({ label: "prova" })),
    expect: { default: 403, anonymous: 401, admin: 201 },
  },
  {
    route: "GET /users/:id/tokens (one's own)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/users/${await userIdOf(who)}/tokens`)),
    expect: { default: 200, anonymous: 401 },
  },
  {
    route: "GET /users/:id/tokens (of the Torino referent)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/users/${await userIdOf("referent")}/tokens`)),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /users/:id/tokens/:tokenId/revoke (a second token of one's own)",
    send: async (who) => {
      const userId = await userIdOf(who);
      return as(who, request(h.t.app).post(`/api/v1/users/${userId}/tokens/${await secondToken(userId)}/revoke`).send({}));
    },
    expect: { default: 200, anonymous: 401 },
  },
  {
    route: "POST /users/:id/tokens/:tokenId/revoke (a second token of the Torino referent)",
    send: async (who) => {
      const userId = await userIdOf("referent");
      return as(who, request(h.t.app).post(`/api/v1/users/${userId}/tokens/${await secondToken(userId)}/revoke`).send({}));
    },
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /users/:id/deactivate (a fresh user)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/users/${await freshUser()}/deactivate`).send({})),
    expect: { default: 403, anonymous: 401, admin: 200 },
  },
  {
    route: "POST /users/:id/deactivate (oneself)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/users/${await userIdOf(who)}/deactivate`).send({})),
    expect: { default: 403, anonymous: 401 },
  },
  {
    route: "POST /users/:id/reactivate (a deactivated user)",
    send: async (who) => {
      const userId = await freshUser();
      expect((await request(h.t.app).post(`/api/v1/users/${userId}/deactivate`).set("authorization", `Bearer ${h.p.admin}`).send({})).status).toBe(200);
      return as(who, request(h.t.app).post(`/api/v1/users/${userId}/reactivate`).send({}));
    },
    expect: { default: 403, anonymous: 401, admin: 200 },
  },
  {
    route: "POST /candidates/:id/congrua-offers (a Torino person)",
    send: (who) => as(who, request(h.t.app).post(`/api/v1/candidates/${ids.torinoCandidate}/congrua-offers`).send({ terms: congruaTerms(TORINO), offeredAt: "2026-06-15", channel: "email" })),
    expect: { default: 201, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /candidates/:id/congrua-offers (a Torino person)",
    send: get(() => `/api/v1/candidates/${ids.torinoCandidate}/congrua-offers`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /vacancies/:id/shortlist/entries/:candidateId/congrua-offer (the Torino person on the list)",
    send: (who) => as(who, request(h.t.app).post(`/api/v1/vacancies/${contactsFixture.vacancy}/shortlist/entries/${contactsFixture.people.torino}/congrua-offer`).send({ channel: "colloquio" })),
    expect: { default: 201, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /congrua-offers/:id (of a Torino person)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/congrua-offers/${await (torinoOffer ??= congruaOffer(ids.torinoCandidate, TORINO))}`)),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /congrua-offers/:id/outcome (a fresh offer to a Torino person)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/congrua-offers/${await congruaOffer(ids.torinoCandidate, TORINO)}/outcome`).send({ outcome: "accettata" })),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /conditionality-events",
    send: get(() => "/api/v1/conditionality-events"),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200, otherReferent: 200 },
  },
  {
    route: "POST /conditionality-events/exports (Milano, with a fresh event)",
    send: async (who) => {
      const person = await milanoCandidate();
      await congruaOffer(person, MILANO, true);
      return as(who, request(h.t.app).post("/api/v1/conditionality-events/exports").send({ cpi: CPI_MILANO }));
    },
    expect: { default: 403, anonymous: 401, admin: 201, otherReferent: 201 },
  },
  {
    route: "GET /conditionality-events/exports",
    send: get(() => "/api/v1/conditionality-events/exports"),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200, otherReferent: 200 },
  },
  {
    route: "GET /conditionality-events/exports/:id.csv (of Torino)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/conditionality-events/exports/${await (torinoExport ??= torinoConditionalityExport())}.csv`)),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /conditionality-events/exports/:id/reported (a fresh Torino export)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/conditionality-events/exports/${await torinoConditionalityExport()}/reported`).send({})),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "GET /deadlines",
    send: get(() => "/api/v1/deadlines"),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "POST /vacancies/:id/selection-request (a fresh Torino vacancy)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/vacancies/${await freshTorinoVacancy()}/selection-request`).send({})),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /vacancies/:id/selection-start (a fresh Torino vacancy, selection asked for)",
    send: async (who) => {
      const id = await freshTorinoVacancy();
      expect((await request(h.t.app).post(`/api/v1/vacancies/${id}/selection-request`).set("authorization", `Bearer ${h.p.admin}`).send({})).status).toBe(200);
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${id}/selection-start`).send({}));
    },
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /vacancies/:id/shortlist/outcome-check (a fresh Torino vacancy: no list sent, 409 once allowed)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/vacancies/${await freshTorinoVacancy()}/shortlist/outcome-check`).send({})),
    expect: { default: 403, anonymous: 401, admin: 409, referent: 409 },
  },
  {
    route: "GET /figures",
    send: get(() => "/api/v1/figures?from=2026-01-01&to=2026-12-31"),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /figures.csv",
    send: get(() => "/api/v1/figures.csv?from=2026-01-01&to=2026-12-31"),
    expect: { default: 200, anonymous: 401, employer: 403, otherEmployer: 403 },
  },
  { route: "GET /emails", send: get(() => "/api/v1/emails"), expect: { default: 200, anonymous: 401 } },
  {
    route: "GET /emails/:id (a message to the Torino referent)",
    send: async (who) => {
      const m = await h.t.ctx.db.emailMessage.create({ data: { kind: "scadenza", toAddress: "referente.torino@example.it", subject: "Prova", body: "Prova", status: "in_coda" } });
      return as(who, request(h.t.app).get(`/api/v1/emails/${m.id}`));
    },
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /emails/:id/retry (a message given up)",
    send: async (who) => {
      const m = await h.t.ctx.db.emailMessage.create({
        data: { kind: "scadenza", toAddress: "referente.torino@example.it", subject: "Prova", body: "Prova", status: "non_inviata", attempts: 8, lastError: "Errore di prova" },
      });
      return as(who, request(h.t.app).post(`/api/v1/emails/${m.id}/retry`).send({}));
    },
    expect: { default: 403, anonymous: 401, admin: 200 },
  },
  {
    route: "POST /candidates/:id/conditionality-events (the Torino person, followed by the tutor; a day per caller)",
    send: (who) =>
      as(who, request(h.t.app).post(`/api/v1/candidates/${ids.torinoCandidate}/conditionality-events`).send({ kind: "appuntamento_mancato", occurredAt: `2026-05-${String(10 + WHO.indexOf(who)).padStart(2, "0")}` })),
    expect: { default: 403, anonymous: 401, admin: 201, referent: 201, tutor: 201 },
  },
  {
    route: "GET /candidates/:id/conditionality-events",
    send: get(() => `/api/v1/candidates/${ids.torinoCandidate}/conditionality-events`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /vacancies/:id/shortlist/links",
    send: get(() => `/api/v1/vacancies/${ids.listedVacancy}/shortlist/links`),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "POST /vacancies/:id/shortlist/links (a list sent to the employer)",
    send: async (who) => {
      const { vacancyId } = await sentWithLink();
      return as(who, request(h.t.app).post(`/api/v1/vacancies/${vacancyId}/shortlist/links`).send({ recipientEmail: "selezione@example.it" }));
    },
    expect: { default: 403, anonymous: 401, admin: 201, referent: 201 },
  },
  {
    route: "POST /shortlist-links/:id/revoke (the link of a list sent to the employer)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/shortlist-links/${(await sentWithLink()).linkId}/revoke`).send({})),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200 },
  },
  {
    route: "GET /vacancies/:id/shortlist.xlsx (a list sent to the employer)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/vacancies/${(await sharedLink()).vacancyId}/shortlist.xlsx`)),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200, employer: 200 },
  },
  {
    route: "GET /vacancies/:id/shortlist.pdf (a list sent to the employer)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/vacancies/${(await sharedLink()).vacancyId}/shortlist.pdf`)),
    expect: { default: 403, anonymous: 401, admin: 200, referent: 200, employer: 200 },
  },
  // The employer's link: public, the token is the credential, whoever calls (a bearer token changes nothing).
  {
    route: "GET /link/:token (an active link)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/link/${(await sharedLink()).token}`)),
    expect: { default: 200 },
  },
  {
    route: "GET /link/:token/lista.xlsx (an active link)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/link/${(await sharedLink()).token}/lista.xlsx`)),
    expect: { default: 200 },
  },
  {
    route: "GET /link/:token/lista.pdf (an active link)",
    send: async (who) => as(who, request(h.t.app).get(`/api/v1/link/${(await sharedLink()).token}/lista.pdf`)),
    expect: { default: 200 },
  },
  {
    route: "POST /link/:token/entries/:entryId/outcome (a fresh list's link)",
    send: async (who) => {
      const { token, vacancyId } = await sentWithLink();
      const entry = await h.t.ctx.db.shortlistEntry.findFirstOrThrow({ where: { shortlist: { vacancyId }, sentToEmployer: true } });
      return as(who, request(h.t.app).post(`/api/v1/link/${token}/entries/${entry.id}/outcome`).send({ outcome: "interviewed" }));
    },
    expect: { default: 200 },
  },
  {
    route: "POST /link/:token/decline (a fresh list's link)",
    send: async (who) => as(who, request(h.t.app).post(`/api/v1/link/${(await sentWithLink()).token}/decline`).send({ reason: "Profili non adatti" })),
    expect: { default: 200 },
  },
  // Everyone's own feed (employers have none).
  { route: "GET /feed", send: get(() => "/api/v1/feed"), expect: { default: 200, employer: 403, otherEmployer: 403, anonymous: 401 } },
  { route: "GET /feed.atom", send: get(() => "/api/v1/feed.atom"), expect: { default: 200, employer: 403, otherEmployer: 403, anonymous: 401 } },
  {
    route: "POST /feed/seen",
    send: (who) => as(who, request(h.t.app).post("/api/v1/feed/seen").send({ ids: ["elemento-di-nessuno"] })),
    expect: { default: 200, employer: 403, otherEmployer: 403, anonymous: 401 },
  },
  {
    route: "GET /watch-list (Torino)",
    send: get(() => `/api/v1/watch-list?cpi=${CPI_TORINO}`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /trends (Torino)",
    send: get(() => `/api/v1/trends?cpi=${CPI_TORINO}&half=2026-H1`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
  {
    route: "GET /trends.svg (Torino)",
    send: get(() => `/api/v1/trends.svg?cpi=${CPI_TORINO}&half=2026-H1`),
    expect: { default: 200, anonymous: 401, otherReferent: 403, employer: 403, otherEmployer: 403 },
  },
];

/** A list of the Torino person sent to the employer, and its link's token (read from the e-mail it went out with). */
async function sentWithLink(): Promise<{ vacancyId: string; token: string; linkId: string }> {
  const vacancyId = await draftWithTorinoPerson("available");
  expect((await request(h.t.app).post(`/api/v1/vacancies/${vacancyId}/shortlist/send`).set("authorization", `Bearer ${h.p.admin}`).send({})).status).toBe(200);
  const email = await h.t.ctx.db.emailMessage.findFirstOrThrow({ where: { kind: "rosa_inviata", body: { contains: `offerta ${vacancyId}` } } });
  const link = await h.t.ctx.db.shortlistLink.findFirstOrThrow({ where: { shortlist: { vacancyId } } });
  return { vacancyId, token: /\/link\/([\w-]+)/.exec(email.body)![1]!, linkId: link.id };
}
let sharedSentLink: ReturnType<typeof sentWithLink> | undefined;
const sharedLink = () => (sharedSentLink ??= sentWithLink());

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

/** "GET /vacancies/:id (Torino)" → "GET /vacancies/:id": the method and the contract's path. */
const routeKey = (route: string) => route.split(" ").slice(0, 2).join(" ").replace(/\?.*$/, "");

describe("the role table covers every route", () => {
  it("has a row for every registered route, and no row for a route that does not exist", () => {
    const registered = registeredRoutes.map((r) => `${r.contract.method.toUpperCase()} ${r.contract.path}`);
    const covered = new Set(ROWS.map((r) => routeKey(r.route)));
    const missing = registered.filter((k) => !covered.has(k));
    expect(missing, `Routes with no row in ROWS (tests/api-access.test.ts): add one each.\n${missing.join("\n")}`).toEqual([]);
    expect([...covered].filter((k) => !registered.includes(k)), "Rows naming no registered route").toEqual([]);
  });
});

type Person = keyof typeof contactsFixture.people;
const EVERYONE: Person[] = ["torino", "moncalieri", "milano", "removed", "handAdded"];

/**
 * The list view, role by role: whose e-mail and phone each caller gets (the rule in
 * src/shortlists/shortlist-policies.ts, canSeeEntryContacts). Anyone else on the list shows no contacts.
 */
const CONTACT_ROWS: { who: Who; status: number; contacts?: Person[] }[] = [
  { who: "admin", status: 200, contacts: EVERYONE },
  // The vacancy's referent: their own people, plus those of other CPIs who came through the matching; not the removed.
  { who: "referent", status: 200, contacts: ["torino", "moncalieri", "milano", "handAdded"] },
  // Tutors and navigators of the vacancy's CPI: only the people of their own CPI.
  { who: "tutor", status: 200, contacts: ["torino"] },
  { who: "navigator", status: 200, contacts: ["torino"] },
  { who: "otherReferent", status: 403 },
  { who: "employer", status: 404 },
  { who: "otherEmployer", status: 403 },
  { who: "anonymous", status: 401 },
];

describe("contacts on the list view, role by role", () => {
  for (const row of CONTACT_ROWS) {
    it(`GET /vacancies/:id/shortlist as ${row.who} → ${row.status}${row.contacts ? `, contacts of ${row.contacts.join(", ")}` : ""}`, async () => {
      const res = await as(row.who, request(h.t.app).get(`/api/v1/vacancies/${contactsFixture.vacancy}/shortlist`));
      expect(res.status, JSON.stringify(res.body)).toBe(row.status);
      if (!row.contacts) return;
      const entries = res.body.entries as { candidateId: string; email?: string; phone?: string; contactsWithheld: string | null }[];
      const people = await h.t.ctx.db.candidate.findMany({ where: { id: { in: Object.values(contactsFixture.people) } } });
      for (const key of EVERYONE) {
        const id = contactsFixture.people[key];
        const entry = entries.find((e) => e.candidateId === id)!;
        const person = people.find((p) => p.id === id)!;
        if (row.contacts.includes(key)) {
          expect(entry, key).toMatchObject({ email: person.email, phone: person.phone, contactsWithheld: null });
        } else {
          expect(entry.email, key).toBeUndefined();
          expect(entry.phone, key).toBeUndefined();
          expect(entry.contactsWithheld, key).toMatch(/\S/);
          expect(JSON.stringify(res.body)).not.toContain(person.email!);
        }
      }
    });
  }
});

/** The matches' pool, role by role: counted over the people the caller may see (the five above qualify). */
const POOL_ROWS: { who: Who; status: number; qualified?: number }[] = [
  { who: "admin", status: 200, qualified: 5 },
  { who: "referent", status: 200, qualified: 5 },
  { who: "tutor", status: 200, qualified: 1 },
  { who: "navigator", status: 200, qualified: 1 },
  { who: "otherReferent", status: 200, qualified: 3 },
  { who: "employer", status: 403 },
  { who: "otherEmployer", status: 403 },
  { who: "anonymous", status: 401 },
];

describe("the matches' pool, role by role", () => {
  for (const row of POOL_ROWS) {
    it(`GET /vacancies/:id/matches as ${row.who} → ${row.status}${row.qualified !== undefined ? `, ${row.qualified} qualified` : ""}`, async () => {
      const res = await as(row.who, request(h.t.app).get(`/api/v1/vacancies/${contactsFixture.poolVacancy}/matches?onlyQualified=true`));
      expect(res.status, JSON.stringify(res.body)).toBe(row.status);
      if (row.qualified === undefined) return;
      expect(res.body.pool.qualified).toBe(row.qualified);
      expect(res.body.total).toBe(row.qualified);
      expect(res.body.items.map((m: { rank: number }) => m.rank)).toEqual(Array.from({ length: row.qualified }, (_, i) => i + 1));
    });
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
