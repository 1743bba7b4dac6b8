import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { TORINO } from "./helpers/valid-codes.js";

const h = useTestApp();

describe("code lists for forms", () => {
  it("lists licences with what each satisfies, and the other lists with Italian labels", async () => {
    const licences = await h.as(h.p.tutor).get("/api/v1/code-lists/licences");
    expect(licences.status).toBe(200);
    const ce = licences.body.find((l: { code: string }) => l.code === "CE");
    expect(ce).toMatchObject({ kind: "patente" });
    expect(ce.satisfies).toEqual(expect.arrayContaining(["C", "C1", "C1E", "BE", "B"]));
    expect(licences.body.find((l: { code: string }) => l.code === "CQC-MERCI")).toMatchObject({ kind: "abilitazione", label: "CQC trasporto merci", satisfies: [] });

    const contracts = await h.as(h.p.tutor).get("/api/v1/code-lists/contract-types");
    expect(contracts.body).toEqual(expect.arrayContaining([{ code: "fixed_term", label: "tempo determinato" }, { code: "agency", label: "somministrazione" }]));
    const education = await h.as(h.p.tutor).get("/api/v1/code-lists/education-levels");
    expect(education.body[0]).toMatchObject({ code: "0", label: "NESSUN TITOLO DI STUDIO", rank: 0 });
    const languages = await h.as(h.p.tutor).get("/api/v1/code-lists/languages");
    expect(languages.body).toContainEqual({ code: "001", label: "INGLESE" });
    expect((await h.as(h.p.tutor).get("/api/v1/code-lists/pizze")).status).toBe(400);
  });
});

describe("autocomplete of occupations and competences", () => {
  it("reads a job title as typed, with the code to store and how sure it is", async () => {
    const res = await h.as(h.p.referent).get("/api/v1/occupations?q=magazziniere");
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    const [best] = res.body;
    expect(best).toMatchObject({ code: expect.stringMatching(/^\d\.\d\.\d\.\d\.\d$/), via: "exact", confidence: 1 });
    expect(best.label.toLowerCase()).toMatch(/magazzin/);
    expect((await h.as(h.p.referent).get("/api/v1/occupations")).status).toBe(400);
  });

  it("completes a word still being typed", async () => {
    const res = await h.as(h.p.referent).get("/api/v1/occupations?q=magazz&limit=5");
    expect(res.status).toBe(200);
    expect(res.body.map((s: { label: string }) => s.label.toLowerCase())).toContain("magazziniere");
    for (const s of res.body) {
      expect(s.via).toBe("completion");
      expect(s.confidence).toBeLessThan(0.9);
      expect(s.label.toLowerCase()).toMatch(/magazz/);
    }
  });

  it("suggests competences for the words typed so far", async () => {
    const stated = await h.as(h.p.referent).get("/api/v1/competences?q=HACCP");
    expect(stated.body[0]).toMatchObject({ confidence: 1 });
    expect(stated.body[0].label).toMatch(/HACCP/);
    const res = await h.as(h.p.referent).get("/api/v1/competences?q=carrell&limit=5");
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.length).toBeLessThanOrEqual(5);
    for (const s of res.body) {
      expect(s).toEqual({ code: expect.any(String), label: expect.any(String), confidence: expect.any(Number) });
      expect(s.label.toLowerCase()).toMatch(/carrell/);
    }
  });
});

describe("comuni by name wherever a comune is asked for", () => {
  let torinoVacancy = "";
  beforeAll(async () => {
    const v = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ workplaceIstatCode: "Torino" }));
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    torinoVacancy = v.body.id;
  });

  it("stores the ISTAT code of a name, and of «Nome (PR)»", async () => {
    expect((await h.t.ctx.db.vacancy.findUniqueOrThrow({ where: { id: torinoVacancy } })).workplaceIstatCode).toBe(TORINO);
    const person = await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(910), { domicileIstatCode: "Samone (TO)" }));
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    expect((await h.t.ctx.db.candidate.findUniqueOrThrow({ where: { id: person.body.id } })).domicileIstatCode).toBe("001235");
  });

  it("searches near a comune named in the query string", async () => {
    const byName = await h.as(h.p.referent).get("/api/v1/vacancies?nearComune=Torino&withinKm=10");
    expect(byName.status, JSON.stringify(byName.body)).toBe(200);
    const byCode = await h.as(h.p.referent).get(`/api/v1/vacancies?nearComune=${TORINO}&withinKm=10`);
    expect(byName.body.total).toBe(byCode.body.total);
    expect(byName.body.items.map((v: { id: string }) => v.id)).toContain(torinoVacancy);
    const people = await h.as(h.p.referent).get("/api/v1/candidates?nearComune=Moncalieri");
    expect(people.status, JSON.stringify(people.body)).toBe(200);
  });

  it("refuses an ambiguous name with a 400 listing the candidates, and an unknown one", async () => {
    const res = await h.as(h.p.referent).get("/api/v1/vacancies?nearComune=Samone");
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: "nearComune", message: expect.stringMatching(/Comune ambiguo «Samone»: Samone \(TN\), Samone \(TO\)/) }]);
    const castro = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ workplaceIstatCode: "Castro" }));
    expect(castro.status).toBe(400);
    expect(JSON.stringify(castro.body.fields)).toMatch(/Castro \(BG\), Castro \(LE\)/);
    const unknown = await h.as(h.p.referent).get("/api/v1/candidates?nearComune=Atlantide");
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.fields)).toMatch(/Comune sconosciuto «Atlantide»/);
  });
});

describe("the profile code of a vacancy", () => {
  it("is resolved from the title on publishing when none is given, and shown", async () => {
    const res = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Magazziniere" }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [suggested] = (await h.as(h.p.admin).get("/api/v1/occupations?q=Magazziniere")).body;
    expect(res.body.profileCode).toBe(suggested.code);
  });

  it("keeps the code given, and gives none to a title that reads as no occupation", async () => {
    const given = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Magazziniere notturno", profileCode: "8.1.3.1.0" }));
    expect(given.body.profileCode).toBe("8.1.3.1.0");
    const none = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Xqzw plorb" }));
    expect(none.status, JSON.stringify(none.body)).toBe(201);
    expect(none.body.profileCode).toBeNull();
  });
});
