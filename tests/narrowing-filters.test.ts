import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, CPI_MILANO, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { TORINO } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";

/**
 * The narrowing a ranking proposes can be applied: to the matches (whose pool counts and options then
 * follow every filter given) and to building a list, which draws only on the people it keeps.
 */
const h = useTestApp();
const V = "/api/v1/vacancies";
const truckers: { id: string; licences: string[]; cpiCode: string }[] = [];
let vacancyId = "";

const trucker = (n: number, licences: string[], cpiCode: string, languages: { code: string; level: string }[]) =>
  candidateBody(mariaRossiTaxCode(700 + n), {
    declaredProfiles: [{ title: "Autista di camion" }],
    competences: ["Guida di autocarri", "Carico e scarico merci"],
    experiences: [{ profileTitle: "Autista di camion", fromDate: "2018-01-01", toDate: "2025-06-30" }],
    drivingLicences: licences,
    languages,
    cpiCode,
    domicileIstatCode: TORINO,
    maxTravelKm: 50,
  });

beforeAll(async () => {
  const admin = h.as(h.p.admin);
  const people: [string[], string, { code: string; level: string }[]][] = [
    [["B", "CE"], CPI_TORINO, [{ code: "INGLESE", level: "B2" }]],
    [["B", "CE"], CPI_MILANO, []],
    [["B", "C"], CPI_TORINO, [{ code: "INGLESE", level: "B1" }]],
    [["B"], CPI_TORINO, []],
    [["B"], CPI_TORINO, []],
    [["B"], CPI_MILANO, []],
  ];
  for (const [i, [licences, cpiCode, languages]] of people.entries()) {
    const res = await admin.post("/api/v1/candidates", trucker(i, licences, cpiCode, languages));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    truckers.push({ id: res.body.id, licences, cpiCode });
  }
  const v = await admin.post(
    V,
    vacancyBody({ requestedProfile: "Autista di camion", mustHaveCompetences: ["Guida di autocarri"], requiredLicences: ["B"], shortlistCap: 2, employerId: h.p.employerId }),
  );
  expect(v.status, JSON.stringify(v.body)).toBe(201);
  vacancyId = v.body.id;
});

type Matches = {
  total: number;
  items: { candidateId: string; rank: number }[];
  pool: { qualified: number; exceedsCap: boolean; narrowing: { parameter: string; value: string; remaining: number; filter: string }[] };
};

async function matches(query: string): Promise<Matches> {
  const res = await h.as(h.p.admin).get(`${V}/${vacancyId}/matches?onlyQualified=true${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Matches;
}

const holdersOfC = () => truckers.filter((t) => t.licences.some((l) => l === "C" || l === "CE")).map((t) => t.id).sort();

describe("narrowing applied to the matches", () => {
  it("proposes parameters in Italian, each with the filter that applies it and what would remain", async () => {
    const all = await matches("");
    expect(all.pool).toMatchObject({ qualified: 6, exceedsCap: true });
    const ce = all.pool.narrowing.find((o) => o.filter === "patente:CE");
    expect(ce).toMatchObject({ parameter: "patente", value: "CE", remaining: 2 });
  });

  it("applying a proposed option leaves exactly the people it said would remain, and the counts follow", async () => {
    const all = await matches("");
    for (const option of all.pool.narrowing) {
      const narrowed = await matches(`&narrow=${encodeURIComponent(option.filter)}`);
      expect(narrowed.pool.qualified, option.filter).toBe(option.remaining);
      expect(narrowed.total).toBe(option.remaining);
    }
  });

  it("a licence filter keeps who holds it through a higher category: C is met by C and by CE", async () => {
    const narrowed = await matches("&narrow=patente:C");
    expect(narrowed.items.map((m) => m.candidateId).sort()).toEqual(holdersOfC());
    expect(narrowed.items.map((m) => m.rank)).toEqual([1, 2, 3]);
    expect(narrowed.pool).toMatchObject({ qualified: 3, exceedsCap: true });
  });

  it("every filter given must hold, and the pool counts honour the CPI filter too", async () => {
    const torinoWithC = truckers.filter((t) => t.cpiCode === CPI_TORINO && t.licences.some((l) => l === "C" || l === "CE")).map((t) => t.id).sort();
    const both = await matches(`&cpi=${CPI_TORINO}&narrow=patente:C`);
    expect(both.items.map((m) => m.candidateId).sort()).toEqual(torinoWithC);
    expect(both.pool).toMatchObject({ qualified: 2, exceedsCap: false, narrowing: [] });
    const twoNarrowings = await matches(`&narrow=${encodeURIComponent("patente:C,lingua:inglese")}`);
    expect(twoNarrowings.items.map((m) => m.candidateId).sort()).toEqual(torinoWithC);
  });

  it("an unknown parameter or value is a 400 naming the field, in Italian", async () => {
    for (const bad of ["patente:ZZ", "colore:rosso", "distanza:vicino"]) {
      const res = await h.as(h.p.admin).get(`${V}/${vacancyId}/matches?narrow=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe("VALIDATION_FAILED");
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain("narrow");
    }
  });
});

describe("narrowing applied to building a list", () => {
  it("a bad narrowing builds nothing; a good one builds the list from the people it keeps", async () => {
    const bad = await h.as(h.p.referent).post(`${V}/${vacancyId}/shortlist`, { narrow: ["patente:ZZ"] });
    expect(bad.status).toBe(400);
    expect((await h.as(h.p.referent).get(`${V}/${vacancyId}/shortlist`)).status).toBe(404);

    const built = await h.as(h.p.referent).post(`${V}/${vacancyId}/shortlist`, { narrow: ["patente:C", "lingua:inglese"] });
    expect(built.status, JSON.stringify(built.body)).toBe(201);
    const onList = (built.body.entries as { candidateId: string }[]).map((e) => e.candidateId).sort();
    expect(onList).toEqual(truckers.filter((t) => t.cpiCode === CPI_TORINO && t.licences.some((l) => l === "C" || l === "CE")).map((t) => t.id).sort());
  });
});
