import { beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { xml2js, type Element } from "xml-js";
import { buildTrendMap, classifyMeeting, occupationGroupOf, sectorSectionOf } from "../src/trends/trend-map.js";
import { halfYearOf, halfYearPeriod } from "../src/trends/half-year.js";
import { CPI_MILANO, CPI_MONCALIERI, CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { MILANO } from "./helpers/valid-codes.js";
import { monitoringFixtures } from "./helpers/monitoring-fixtures.js";

const T = "/api/v1/trends";

describe("trend maps (pure)", () => {
  it.each([
    [2, 3, "incontro"],
    [1, 0, "solo_offerte"],
    [0, 4, "solo_persone"],
    [0, 0, null],
  ])("%i vacancies and %i people: %s", (vacancies, people, expected) => {
    expect(classifyMeeting(vacancies, people)).toBe(expected);
  });

  it.each([
    ["2026-H1", { from: "2026-01-01", to: "2026-06-30" }],
    ["2026-H2", { from: "2026-07-01", to: "2026-12-31" }],
    ["2028-H1", { from: "2028-01-01", to: "2028-06-30" }],
  ])("half-year %s", (half, period) => {
    expect(halfYearPeriod(half)).toEqual(period);
  });

  it.each([
    ["2026-01-01", "2026-H1"],
    ["2026-06-30", "2026-H1"],
    ["2026-07-01", "2026-H2"],
    ["2026-12-31", "2026-H2"],
  ])("%s falls in %s", (day, half) => {
    expect(halfYearOf(day)).toBe(half);
  });

  it.each([
    ["a CP2011 unit code", "Magazziniere", "8.1.3.1.0", "8.1"],
    ["a CP2011 category code", "Addetto", "5.2.2.1", "5.2"],
    ["a title alone", "Cuoco", null, "5.2"],
    ["a title nothing resolves", "Qwxzj", null, null],
  ])("occupation group from %s", (_what, title, code, group) => {
    expect(occupationGroupOf(title, code)).toBe(group);
  });

  it.each([
    ["52.10", "H"],
    ["5210", "H"],
    ["47.11.10", "G"],
    ["C", "C"],
    ["logistica", null],
    [null, null],
  ])("sector %s is in section %s", (sector, section) => {
    expect(sectorSectionOf(sector)).toBe(section);
  });

  it("counts a vacancy once, a person once per group, and keeps what says nothing apart", () => {
    const map = buildTrendMap(
      [
        { profileTitle: "Magazziniere", profileCode: "8.1.3.1.0", atecoCode: "52.10", positions: 2 },
        { profileTitle: "Cuoco", profileCode: null, atecoCode: null, positions: 1 },
      ],
      [
        { occupations: [{ title: "Magazziniere", code: "8.1.3.1.0" }, { title: "Facchino", code: "8.1.3.1.0" }], sectors: ["52.10", "49.41"] },
        { occupations: [], sectors: [] },
      ],
    );
    expect(map.occupations).toEqual({
      rows: [
        { code: "8.1", label: "Professioni non qualificate nel commercio e nei servizi", vacancies: 1, positions: 2, people: 1, meeting: "incontro", meetingLabel: "Offerte e persone si incontrano" },
        { code: "5.2", label: "Professioni qualificate nelle attività ricettive e della ristorazione", vacancies: 1, positions: 1, people: 0, meeting: "solo_offerte", meetingLabel: "Offerte senza persone con quel profilo (domanda scoperta)" },
      ],
      unclassified: { vacancies: 0, people: 1 },
    });
    expect(map.sectors).toEqual({
      rows: [{ code: "H", label: "TRASPORTO E MAGAZZINAGGIO", vacancies: 1, positions: 2, people: 1, meeting: "incontro", meetingLabel: "Offerte e persone si incontrano" }],
      unclassified: { vacancies: 1, people: 1 },
    });
  });
});

describe("trend maps per CPI and half-year, over HTTP", () => {
  const h = useTestApp();
  const f = monitoringFixtures(h, 7800);

  beforeAll(async () => {
    const ref = h.p.referent;
    const warehouse = (overrides: Record<string, unknown>) => f.vacancy(ref, { profileTitle: "Magazziniere", atecoCode: "52.10", ...overrides });
    await warehouse({ profileCode: "8.1.3.1.0", arrivalDate: "2026-03-10", positions: 2 });
    await warehouse({ profileCode: "8.1.3.2.0", arrivalDate: "2026-05-05", positions: 1 });
    await f.vacancy(ref, { requestedProfile: "Cuoco", profileTitle: "Cuoco", profileCode: "5.2.2.1.0", atecoCode: "56.10", arrivalDate: "2026-06-30", positions: 3 });
    await f.vacancy(ref, { requestedProfile: "Qwxzj", profileTitle: "Qwxzj", atecoCode: undefined, arrivalDate: "2026-04-01", positions: 1 });
    // Outside the map: the next half-year, and another CPI.
    await warehouse({ profileCode: "8.1.3.1.0", arrivalDate: "2026-07-01" });
    await warehouse({ profileCode: "8.1.3.1.0", arrivalDate: "2026-03-10", cpiCode: CPI_MONCALIERI });

    await f.person(ref, { declaredProfiles: [{ title: "Magazziniere", code: "8.1.3.1.0" }], experiences: [{ profileTitle: "Magazziniere", sector: "52.10", fromDate: "2019-01-01", toDate: "2025-12-31" }] });
    await f.person(ref, { declaredProfiles: [{ title: "Programmatore", code: "3.1.2.1.0" }], experiences: [{ profileTitle: "Programmatore", sector: "62.01", fromDate: "2020-01-01" }] });
    await f.person(ref, { declaredProfiles: [{ title: "Qwxzj" }], competences: [], experiences: [] });
    // Followed by a Torino tutor though registered in Milano: in Torino's caseload.
    await f.person(h.p.otherReferent, {
      cpiCode: CPI_MILANO,
      domicileIstatCode: MILANO,
      tutorId: h.p.tutorId,
      declaredProfiles: [{ title: "Addetta alle pulizie", code: "8.1.4.3.0" }],
      experiences: [{ profileTitle: "Addetta alle pulizie", sector: "81.21", fromDate: "2021-01-01" }],
    });
    // Not in it: Milano's own, and a Torino person not available.
    await f.person(h.p.otherReferent, { cpiCode: CPI_MILANO, domicileIstatCode: MILANO });
    await f.person(ref, { availability: "not_available" });
  });

  const incontro = { meeting: "incontro", meetingLabel: "Offerte e persone si incontrano" };
  const soloOfferte = { meeting: "solo_offerte", meetingLabel: "Offerte senza persone con quel profilo (domanda scoperta)" };
  const soloPersone = { meeting: "solo_persone", meetingLabel: "Persone senza offerte di quel profilo" };

  it("maps the occupations and sectors of the vacancies of the half-year against the caseload", async () => {
    const res = await h.as(h.p.navigator).get(`${T}?cpi=${CPI_TORINO}&half=2026-H1`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ cpiCode: CPI_TORINO, half: "2026-H1", from: "2026-01-01", to: "2026-06-30", vacancies: 4, people: 4 });
    expect(res.body.occupations).toEqual({
      rows: [
        { code: "8.1", label: "Professioni non qualificate nel commercio e nei servizi", vacancies: 2, positions: 3, people: 2, ...incontro },
        { code: "3.1", label: "Professioni tecniche in campo scientifico, ingegneristico e della produzione", vacancies: 0, positions: 0, people: 1, ...soloPersone },
        { code: "5.2", label: "Professioni qualificate nelle attività ricettive e della ristorazione", vacancies: 1, positions: 3, people: 0, ...soloOfferte },
      ],
      unclassified: { vacancies: 1, people: 1 },
    });
    expect(res.body.sectors.rows.map((r: { code: string; vacancies: number; people: number; meeting: string }) => [r.code, r.vacancies, r.people, r.meeting])).toEqual([
      ["H", 2, 1, "incontro"],
      ["I", 1, 0, "solo_offerte"],
      ["J", 0, 1, "solo_persone"],
      ["N", 0, 1, "solo_persone"],
    ]);
    expect(res.body.sectors.unclassified).toEqual({ vacancies: 1, people: 1 });
  });

  it("draws the map as an SVG chart with Italian titles and the groups' labels", async () => {
    const res = await request(h.t.app).get(`${T}.svg?cpi=${CPI_TORINO}&half=2026-H1`).set("authorization", `Bearer ${h.p.navigator}`).buffer(true).parse((r, done) => {
      let text = "";
      r.on("data", (c: Buffer) => (text += c.toString("utf8")));
      r.on("end", () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
    const svg = res.body as string;
    const root = xml2js(svg) as Element;
    expect(root.elements?.[0]?.name).toBe("svg");
    const texts: string[] = [];
    const walk = (e: Element) => {
      if (e.type === "text" && typeof e.text === "string") texts.push(e.text);
      for (const c of e.elements ?? []) walk(c);
    };
    walk(root);
    for (const label of [
      "Professioni (gruppi CP2011)",
      "Settori (sezioni ATECO)",
      "Offerte di lavoro arrivate",
      "Persone in carico",
      "8.1 · Professioni non qualificate nel commercio e nei servizi",
      "H · TRASPORTO E MAGAZZINAGGIO",
      "Semestre 2026-H1 (01/01/2026 – 30/06/2026): offerte arrivate e persone in carico",
    ]) {
      expect(texts, label).toContain(label);
    }
    expect(texts.some((t) => t.startsWith("Mappa dei fabbisogni: "))).toBe(true);
  });

  it.each([
    ["admin", 200],
    ["referent", 200],
    ["tutor", 200],
    ["navigator", 200],
    ["otherReferent", 403],
    ["employer", 403],
  ] as const)("Torino's map as %s: %i, as JSON and as SVG", async (who, status) => {
    expect((await h.as(h.p[who]).get(`${T}?cpi=${CPI_TORINO}&half=2026-H1`)).status).toBe(status);
    expect((await h.as(h.p[who]).get(`${T}.svg?cpi=${CPI_TORINO}&half=2026-H1`)).status).toBe(status);
  });

  it.each([
    ["no CPI", "?half=2026-H1", 400],
    ["a malformed half-year", `?cpi=${CPI_TORINO}&half=2026-H3`, 400],
    ["an unknown CPI", "?cpi=XX-NOWHERE&half=2026-H1", 422],
  ])("refuses %s", async (_what, query, status) => {
    expect((await h.as(h.p.navigator).get(`${T}${query}`)).status).toBe(status);
    expect((await h.as(h.p.navigator).get(`${T}.svg${query}`)).status).toBe(status);
  });

  it("without a half-year maps the current one", async () => {
    const res = await h.as(h.p.navigator).get(`${T}?cpi=${CPI_TORINO}`);
    expect(res.status).toBe(200);
    expect(res.body.half).toBe(halfYearOf(new Date().toISOString().slice(0, 10)));
  });
});
