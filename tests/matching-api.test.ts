import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, CPI_MILANO, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { MILANO, MONCALIERI, TORINO } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { rematchOpenVacancies } from "../src/jobs/rematch/rematch-vacancies.js";

const h = useTestApp();
const ids: Record<string, string> = {};
let vacancyId = "";

// The people a Torino warehouse offer should rank: clear matches first, the wrong ones never.
const PEOPLE: Record<string, Record<string, unknown>> = {
  expert: { declaredProfiles: [{ title: "Magazziniere" }], competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"], domicileIstatCode: MONCALIERI },
  feminine: { declaredProfiles: [{ title: "Magazziniera" }], competences: ["Uso del carrello elevatore"], experiences: [] },
  related: { declaredProfiles: [{ title: "Operatore di magazzino" }], competences: ["Guida del carrello elevatore"], experiences: [] },
  cook: { declaredProfiles: [{ title: "Cuoco" }], competences: ["Preparazione primi piatti"], experiences: [{ profileTitle: "Cuoco", fromDate: "2018-01-01" }] },
  noLicence: { drivingLicences: [] },
  tooFar: { domicileIstatCode: MILANO, cpiCode: CPI_MILANO, maxTravelKm: 20 },
  employed: { availability: "employed" },
};

beforeAll(async () => {
  const admin = h.as(h.p.admin);
  let n = 500;
  for (const [key, over] of Object.entries(PEOPLE)) {
    const res = await admin.post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(n++), { maxTravelKm: 40, ...over }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  }
  const v = await admin.post(
    "/api/v1/vacancies",
    vacancyBody({ requestedProfile: "Magazziniere", workplaceIstatCode: TORINO, mustHaveCompetences: ["Conduzione carrelli elevatori"], requiredLicences: ["B"], shortlistCap: 2 }),
  );
  vacancyId = v.body.id;
});

const matches = (token: string, qs = "") => h.as(token).get(`/api/v1/vacancies/${vacancyId}/matches${qs}`);
const order = (body: { items: { candidateId: string }[] }) => body.items.map((m) => Object.entries(ids).find(([, id]) => id === m.candidateId)?.[0]);

describe("matches for a vacancy", () => {
  it("ranks who fits, explains every score, and leaves out who cannot take the job", async () => {
    const res = await matches(h.p.referent);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ranked = order(res.body);
    expect(ranked.slice(0, 2)).toEqual(["expert", "feminine"]);
    expect(ranked).toContain("related");
    for (const excluded of ["noLicence", "tooFar", "employed"]) expect(ranked).not.toContain(excluded);
    expect(ranked.indexOf("related")).toBeLessThan(ranked.indexOf("cook") === -1 ? Infinity : ranked.indexOf("cook"));
    const top = res.body.items[0];
    expect(top).toMatchObject({ rank: 1, qualified: true, candidate: { firstName: "Maria", lastName: "Rossi", comune: "Moncalieri" } });
    expect(top.components.map((c: { name: string }) => c.name)).toEqual(["profile", "competences", "territory", "requirements", "priority"]);
    expect(top.reasons.join(" ")).toMatch(/Profilo dichiarato «Magazziniere»/);
    expect(top.matchedCompetences[0]).toMatchObject({ required: "Conduzione carrelli elevatori" });
    expect(top.congrua.verdict).toMatch(/pass|fail|unknown|not_applicable/);
  });

  it("says when more people qualify than the list may hold, and how to narrow", async () => {
    const res = await matches(h.p.referent);
    expect(res.body.pool).toMatchObject({ cap: 2, exceedsCap: true });
    expect(res.body.pool.qualified).toBeGreaterThan(2);
    expect(res.body.pool.message).toMatch(/rosa di al massimo 2/);
    expect(res.body.pool.narrowing.length).toBeGreaterThan(0);
  });

  it("explains why not, for a person the ranking leaves out", async () => {
    const res = await h.as(h.p.referent).get(`/api/v1/vacancies/${vacancyId}/matches/${ids.noLicence}`);
    expect(res.status).toBe(200);
    expect(res.body.exclusions).toEqual([{ code: "missing_licence", reason: "Manca la patente richiesta: B" }]);
    expect(res.body.summary).toMatch(/^Esclusa\/o: Manca la patente/);
  });

  it("reading stores nothing: the matches are new until the rematch job stores a run", async () => {
    expect(await h.t.ctx.db.matchResult.count()).toBe(0);
    const before = await matches(h.p.referent);
    expect(before.body.items[0]).toMatchObject({ isNew: true, previousScore: null });
    expect(await h.t.ctx.db.matchResult.count()).toBe(0);
  });

  it("after the rematch job, a read tells what is new or better since that run, and still writes nothing", async () => {
    await rematchOpenVacancies(h.t.ctx);
    const stored = await h.t.ctx.db.matchResult.findMany({ where: { vacancyId }, orderBy: { candidateId: "asc" } });
    expect(stored.length).toBeGreaterThanOrEqual(3);
    expect(stored[0]).toMatchObject({ modelVersion: h.t.ctx.matching.modelVersion });
    const again = await matches(h.p.referent);
    expect(again.body.items[0]).toMatchObject({ isNew: false, previousScore: again.body.items[0].score });
    await h.as(h.p.tutor).get(`/api/v1/candidates/${ids.expert}/matches`);
    expect(await h.t.ctx.db.matchResult.findMany({ where: { vacancyId }, orderBy: { candidateId: "asc" } })).toEqual(stored);
  });

  it("filters by CPI, distance and programme", async () => {
    expect(order((await matches(h.p.referent, `?cpi=${CPI_TORINO}`)).body)).toContain("expert");
    expect(order((await matches(h.p.referent, `?cpi=${CPI_MILANO}`)).body)).toEqual([]);
    expect(order((await matches(h.p.referent, "?maxDistanceKm=5")).body)).not.toContain("expert");
    expect(order((await matches(h.p.referent, "?programme=NASPI")).body)).toContain("expert");
    expect((await matches(h.p.referent, "?programme=ADI")).body.items).toEqual([]);
  });

  it("keeps people where they belong: another CPI's operator sees only their own people; employers see none", async () => {
    const other = await matches(h.p.otherReferent);
    expect(other.status).toBe(200);
    expect(other.body.items.every((m: { candidate: { cpiCode: string } }) => m.candidate.cpiCode === CPI_MILANO)).toBe(true);
    expect((await matches(h.p.employer)).status).toBe(403);
    expect((await h.as(h.p.otherReferent).get(`/api/v1/vacancies/${vacancyId}/matches/${ids.expert}`)).status).toBe(403);
  });

  it("records that the people shown were read", async () => {
    const before = await h.t.ctx.db.auditLog.count({ where: { entityId: ids.expert, action: "read" } });
    await matches(h.p.referent);
    expect(await h.t.ctx.db.auditLog.count({ where: { entityId: ids.expert, action: "read" } })).toBe(before + 1);
  });
});

describe("matches for a person", () => {
  it("lists the open vacancies that fit, with the competences missing", async () => {
    await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Cuoco", workplaceIstatCode: TORINO, mustHaveCompetences: ["HACCP"], requiredLicences: [] }));
    const res = await h.as(h.p.tutor).get(`/api/v1/candidates/${ids.cook}/matches`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items[0].vacancy.title).toBe("Cuoco");
    expect(res.body.items[0].missingCompetences).toEqual([{ competence: "HACCP", mustHave: true }]);
    const expert = await h.as(h.p.tutor).get(`/api/v1/candidates/${ids.expert}/matches`);
    expect(expert.body.items[0].vacancy.id).toBe(vacancyId);
    expect((await h.as(h.p.employer).get(`/api/v1/candidates/${ids.cook}/matches`)).status).toBe(403);
  });
});

describe("the pool as each caller may see it", () => {
  const welder = (cpiCode: string, licences: string[]) =>
    candidateBody(mariaRossiTaxCode(600 + welders.length), {
      cpiCode,
      domicileIstatCode: TORINO,
      declaredProfiles: [{ title: "Saldatore" }],
      competences: ["Saldatura a filo continuo"],
      experiences: [{ profileTitle: "Saldatore", fromDate: "2015-01-01", toDate: "2025-12-31" }],
      drivingLicences: licences,
    });
  const welders: { id: string; cpiCode: string }[] = [];
  let weldingVacancy = "";

  beforeAll(async () => {
    const admin = h.as(h.p.admin);
    for (const [cpiCode, licences] of [[CPI_TORINO, ["B"]], [CPI_TORINO, ["B"]], ...Array.from({ length: 4 }, () => [CPI_MILANO, ["B", "C"]])] as [string, string[]][]) {
      const res = await admin.post("/api/v1/candidates", welder(cpiCode, licences));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      welders.push({ id: res.body.id, cpiCode });
    }
    const v = await admin.post(
      "/api/v1/vacancies",
      vacancyBody({ requestedProfile: "Saldatore", workplaceIstatCode: TORINO, mustHaveCompetences: ["Saldatura a filo continuo"], requiredLicences: ["B"], shortlistCap: 1 }),
    );
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    weldingVacancy = v.body.id;
  });

  const pool = async (token: string) => {
    const res = await h.as(token).get(`/api/v1/vacancies/${weldingVacancy}/matches?onlyQualified=true`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { total: number; items: { rank: number; candidateId: string }[]; pool: { qualified: number; exceedsCap: boolean; narrowing: { value: string; remaining: number }[] } };
  };

  it("the vacancy's referent counts everyone; a tutor, a navigator and another CPI's referent count and rank only their own people", async () => {
    const all = await pool(h.p.referent);
    expect(all.pool.qualified).toBe(6);
    expect(all.pool.narrowing.some((o) => o.value === "C")).toBe(true);

    for (const [token, cpi] of [[h.p.tutor, CPI_TORINO], [h.p.navigator, CPI_TORINO], [h.p.otherReferent, CPI_MILANO]] as const) {
      const own = welders.filter((w) => w.cpiCode === cpi).map((w) => w.id);
      const seen = await pool(token);
      expect(seen.items.map((m) => m.candidateId).sort()).toEqual([...own].sort());
      expect(seen.items.map((m) => m.rank)).toEqual(own.map((_, i) => i + 1));
      expect(seen.total).toBe(own.length);
      expect(seen.pool).toMatchObject({ qualified: own.length, exceedsCap: true });
      for (const o of seen.pool.narrowing) expect(o.remaining).toBeLessThan(own.length);
    }
    // Only Milano's welders hold a C licence: the Torino operators are not told that anyone does.
    expect((await pool(h.p.tutor)).pool.narrowing.some((o) => o.value === "C")).toBe(false);
  });
});
