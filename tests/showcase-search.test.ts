import { beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { useTestApp, CPI_MILANO, CPI_MONCALIERI } from "./helpers/test-app.js";
import { vacancyBody } from "./helpers/sample-bodies.js";
import { MILANO, MONCALIERI, TORINO } from "./helpers/valid-codes.js";

const h = useTestApp();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const publish = async (key: string, body: Record<string, unknown>) => {
    const res = await request(h.t.app).post("/api/v1/vacancies").set("authorization", `Bearer ${h.p.admin}`).send(vacancyBody(body));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  };
  await publish("magazziniere", {
    requestedProfile: "Magazziniere",
    mustHaveCompetences: ["Conduzione carrelli elevatori", "Saldatura ossiacetilenica"],
    arrivalDate: "2026-09-01",
    workplaceIstatCode: TORINO,
  });
  await publish("pulizie", {
    requestedProfile: "Addetta alle pulizie",
    companyName: "Pulizie Ambrosiane S.p.A.",
    atecoCode: "81.21",
    contractType: "permanent",
    contractMonths: undefined,
    arrivalDate: "2026-10-01",
    workplaceIstatCode: MILANO,
    cpiCode: CPI_MILANO,
    sourceService: "grandi_reclutamenti",
  });
  await publish("oss", {
    requestedProfile: "Operatore socio sanitario",
    mustHaveCompetences: ["Assistenza alla persona", "Igiene del paziente"],
    atecoCode: "87.10",
    arrivalDate: "2026-11-01",
    workplaceIstatCode: MONCALIERI,
    cpiCode: CPI_MONCALIERI,
    reservedL68: true,
  });
  await publish("ossSigla", { requestedProfile: "OSS", arrivalDate: "2026-08-01", workplaceIstatCode: MILANO, cpiCode: CPI_MILANO });
  await publish("chiusa", { requestedProfile: "Magazziniere notturno", arrivalDate: "2026-07-01", workplaceIstatCode: TORINO });
  const closed = await request(h.t.app).post(`/api/v1/vacancies/${ids.chiusa}/close`).set("authorization", `Bearer ${h.p.admin}`).send({ outcome: "cancelled" });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
});

const search = (qs: string) => request(h.t.app).get(`/api/v1/vacancies?${qs}`).set("authorization", `Bearer ${h.p.tutor}`);
const found = async (qs: string) => ((await search(qs)).body.items as { id: string }[]).map((i) => i.id);

describe("showcase search, as a tutor types it", () => {
  it.each(["magazziniera", "MAGAZZINIERI", "magazz", "Magazzinière"])("%s finds the Magazziniere offer", async (q) => {
    expect(await found(`q=${encodeURIComponent(q)}`)).toContain(ids.magazziniere);
  });

  it("pulizie finds Addetta alle pulizie, and not the warehouse job", async () => {
    const hits = await found("q=pulizie");
    expect(hits).toContain(ids.pulizie);
    expect(hits).not.toContain(ids.magazziniere);
  });

  it("searches competences and company too", async () => {
    expect(await found("q=igiene%20paziente")).toEqual([ids.oss]);
    expect(await found("q=ambrosiane")).toEqual([ids.pulizie]);
  });

  it("near Moncalieri within 15 km finds Torino and Moncalieri but not Milano, nearest first", async () => {
    const res = await search(`nearComune=${MONCALIERI}&withinKm=15&sort=distance`);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.oss, ids.magazziniere]);
    expect(res.body.items[1].distanceKm).toBeGreaterThan(3);
    expect(res.body.items[1].distanceKm).toBeLessThan(15);
  });

  it("filters combine (AND across fields, OR within one) and facets count the filtered set", async () => {
    expect(await found("province=TO&reservedL68=true")).toEqual([ids.oss]);
    expect((await found("cpi=TO-MONCALIERI,MI-MILANO")).sort()).toEqual([ids.oss, ids.ossSigla, ids.pulizie].sort());
    expect(await found("sector=N")).toEqual([ids.pulizie]);
    expect(await found("sourceService=grandi_reclutamenti")).toEqual([ids.pulizie]);
    const res = await search("province=TO");
    expect(res.body.total).toBe(2);
    expect(res.body.facets.province).toEqual([{ code: "TO", label: "Torino", count: 2 }]);
    expect(res.body.facets.sector).toEqual(expect.arrayContaining([expect.objectContaining({ code: "H", count: 1 }), expect.objectContaining({ code: "Q", count: 1 })]));
  });

  it("sorts by date and paginates with a stable total", async () => {
    const page1 = await search("sort=date&pageSize=2&page=1");
    const page2 = await search("sort=date&pageSize=2&page=2");
    expect(page1.body.total).toBe(4);
    expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([ids.oss, ids.pulizie]);
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([ids.magazziniere, ids.ossSigla]);
  });

  it("a query full of search-engine syntax is just text", async () => {
    const res = await search(`q=${encodeURIComponent('magazz* OR "NEAR( -')}`);
    expect(res.status).toBe(200);
  });

  it("an unknown comune for near is a 422 UNKNOWN_REFERENCE naming the filter, as in a body", async () => {
    const res = await search("nearComune=999999");
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("UNKNOWN_REFERENCE");
    expect(res.body.fields).toEqual([{ field: "nearComune", message: expect.stringContaining("999999") }]);
  });
});

describe("showcase search that forgives", () => {
  it.each(["magazzinere", "Magazinniere", "magazzinieri "])("the typo %s still finds the Magazziniere offer", async (q) => {
    expect(await found(`q=${encodeURIComponent(q)}`)).toEqual([ids.magazziniere]);
  });

  it("oss and operatore socio sanitario find the same offers, and oss never finds ossiacetilenico", async () => {
    const oss = (await found("q=oss")).sort();
    expect(oss).toEqual([ids.oss, ids.ossSigla].sort());
    expect((await found(`q=${encodeURIComponent("operatore socio sanitario")}`)).sort()).toEqual(oss);
    expect((await found("q=OSS")).sort()).toEqual(oss);
    expect(await found("q=ossiacetilenica")).toEqual([ids.magazziniere]);
  });

  it("closed offers are left out unless asked for, by includeClosed or by status", async () => {
    expect(await found("q=magazziniere")).toEqual([ids.magazziniere]);
    expect((await found("q=magazziniere&includeClosed=true")).sort()).toEqual([ids.magazziniere, ids.chiusa].sort());
    expect(await found("q=magazziniere&status=cancelled")).toEqual([ids.chiusa]);
    const all = await search("includeClosed=true");
    expect(all.body.total).toBe(5);
    expect(all.body.facets.status).toEqual([
      { code: "open", label: "Aperta", count: 4 },
      { code: "cancelled", label: "Annullata", count: 1 },
    ]);
  });

  it("facets carry the label beside the code: CPI, contract type, province, reservation", async () => {
    const res = await search("q=oss");
    expect(res.body.facets.cpi).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: CPI_MONCALIERI, label: expect.stringMatching(/Moncalieri/i), count: 1 })]),
    );
    expect(res.body.facets.contractType).toEqual([{ code: "fixed_term", label: expect.stringMatching(/determinato/i), count: 2 }]);
    expect(res.body.facets.province).toEqual([
      { code: "MI", label: "Milano", count: 1 },
      { code: "TO", label: "Torino", count: 1 },
    ]);
    expect(res.body.facets.reservedL68).toEqual([
      { code: "false", label: "Non riservata", count: 1 },
      { code: "true", label: expect.stringContaining("68/1999"), count: 1 },
    ]);
  });

  it("withinKm without a place is a 400 naming withinKm, not a radius silently ignored", async () => {
    const res = await search("withinKm=10");
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.fields).toEqual([{ field: "withinKm", message: expect.stringContaining("nearComune") }]);
    expect((await search(`nearComune=${MONCALIERI}`)).status).toBe(200);
  });
});
