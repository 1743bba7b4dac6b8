import { beforeAll, describe, expect, it } from "vitest";
import { CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { candidateBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { MONCALIERI } from "./helpers/valid-codes.js";

/** People search as an operator types it: the same forgiving text and labelled facets as the showcase. */
const h = useTestApp();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const register = async (key: string, n: number, overrides: Record<string, unknown>) => {
    const res = await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(n), overrides));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  };
  await register("magazziniera", 11, {});
  await register("oss", 12, {
    declaredProfiles: [{ title: "OSS" }],
    competences: ["Igiene della persona"],
    experiences: [],
    programmes: [{ programme: "ADI", startDate: "2026-01-15" }],
    drivingLicences: [],
  });
  await register("saldatore", 13, {
    declaredProfiles: [{ title: "Saldatore" }],
    competences: ["Saldatura ossiacetilenica"],
    experiences: [],
    drivingLicences: ["B", "C"],
  });
});

const search = (qs: string) => h.as(h.p.admin).get(`/api/v1/candidates?${qs}`);
const found = async (qs: string) => ((await search(qs)).body.items as { id: string }[]).map((i) => i.id).sort();

describe("people search that forgives", () => {
  it("a typo in the job title still finds the person", async () => {
    expect(await found("q=magazzinera")).toEqual([ids.magazziniera]);
  });

  it("operatore socio sanitario finds the person who wrote OSS, and oss never finds ossiacetilenica", async () => {
    expect(await found(`q=${encodeURIComponent("operatore socio sanitario")}`)).toEqual([ids.oss]);
    expect(await found("q=oss")).toEqual([ids.oss]);
  });

  it("facets carry the label beside the code", async () => {
    const res = await search("");
    expect(res.body.facets.cpi).toEqual([{ code: CPI_TORINO, label: expect.any(String), count: 3 }]);
    expect(res.body.facets.cpi[0].label).not.toBe(CPI_TORINO);
    expect(res.body.facets.programme).toEqual(expect.arrayContaining([{ code: "ADI", label: "Assegno di inclusione", count: 1 }]));
    expect(res.body.facets.licence).toEqual([
      { code: "B", label: "patente B", count: 2 },
      { code: "C", label: "patente C", count: 1 },
    ]);
    expect(res.body.facets.educationLevel).toEqual([{ code: "4", label: expect.any(String), count: 3 }]);
    expect(res.body.facets.educationLevel[0].label).not.toBe("4");
    expect(res.body.facets.availability).toEqual([{ code: "available", label: "Disponibile", count: 3 }]);
  });

  it("withinKm without a place is a 400 naming withinKm", async () => {
    const res = await search("withinKm=20");
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.fields).toEqual([{ field: "withinKm", message: expect.stringContaining("nearComune") }]);
    expect((await search(`nearComune=${MONCALIERI}&withinKm=20`)).body.total).toBe(3);
  });
});
