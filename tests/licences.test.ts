import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { holdsLicence, licenceCovers, licenceEntry, listLicences } from "../src/reference/driving-licences.js";

describe("licence categories and what they imply (Directive 2006/126/EC)", () => {
  it("reads the ways operators write a category, and the old national codes", () => {
    for (const written of ["CE", "ce", "C+E", "C + E", "patente CE", "Patente C E", "cat. CE", "categoria CE"]) {
      expect(licenceEntry(written)?.code, written).toBe("CE");
    }
    expect(licenceEntry("C1+E")?.code).toBe("C1E");
    expect(licenceEntry("02")?.code).toBe("B");
    expect(licenceEntry("PATENTE B")?.code).toBe("B");
    expect(licenceEntry("05")?.code).toBe("E");
    expect(licenceEntry("CQC merci")?.code).toBe("CQC-MERCI");
    expect(licenceEntry("CQC trasporto persone")?.code).toBe("CQC-PERSONE");
    expect(licenceEntry("patentino ADR")?.code).toBe("ADR");
    expect(licenceEntry("CQC")).toBeUndefined();
    expect(licenceEntry("patente Z")).toBeUndefined();
  });

  it("knows every European category", () => {
    const codes = listLicences().map((l) => l.code);
    for (const c of ["AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"]) expect(codes).toContain(c);
  });

  it("follows the equivalences to the end", () => {
    expect([...licenceCovers("CE")].sort()).toEqual(["A1", "AM", "B", "B1", "BE", "C", "C1", "C1E", "CE", "E"]);
    expect(holdsLicence(["C"], "C1")).toBe(true);
    expect(holdsLicence(["C1E"], "BE")).toBe(true);
    expect(holdsLicence(["D"], "D1")).toBe(true);
    expect(holdsLicence(["D"], "B")).toBe(true);
    expect(holdsLicence(["A"], "A2")).toBe(true);
    // Never the other way round.
    expect(holdsLicence(["C"], "CE")).toBe(false);
    expect(holdsLicence(["C1"], "C")).toBe(false);
    expect(holdsLicence(["B"], "C1")).toBe(false);
    expect(holdsLicence(["C"], "D")).toBe(false);
  });

  it("keeps the professional qualifications apart", () => {
    expect(holdsLicence(["CQC-PERSONE"], "CQC-MERCI")).toBe(false);
    expect(holdsLicence(["CE"], "CQC-MERCI")).toBe(false);
    expect(holdsLicence(["CQC-MERCI"], "CQC-MERCI")).toBe(true);
    expect(holdsLicence(["ADR-CISTERNE"], "ADR")).toBe(true);
  });
});

describe("a truck-driver vacancy says what it needs", () => {
  const h = useTestApp();
  const ids: Record<string, string> = {};
  let vacancyId = "";

  const PEOPLE: Record<string, unknown[]> = {
    ce: ["C+E", "CQC merci"],
    c: ["patente C", "CQC-MERCI"],
    oldCode: ["02", "03", "CQC merci"],
    passengers: ["CE", "CQC persone"],
    onlyB: ["B"],
  };

  beforeAll(async () => {
    const admin = h.as(h.p.admin);
    let n = 700;
    for (const [key, drivingLicences] of Object.entries(PEOPLE)) {
      const res = await admin.post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(n++), { drivingLicences, declaredProfiles: [{ title: "Autista di camion" }] }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[key] = res.body.id;
    }
    const v = await admin.post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Autista patente C", requiredLicences: ["patente C", "CQC merci"], mustHaveCompetences: [] }));
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    vacancyId = v.body.id;
    expect(v.body.requiredLicences).toEqual(["C", "CQC-MERCI"]);
  });

  it("stores what was written in its canonical code", async () => {
    const res = await h.as(h.p.admin).get(`/api/v1/candidates/${ids.ce}`);
    expect(res.body.drivingLicences).toEqual(["CE", "CQC-MERCI"]);
    const old = await h.as(h.p.admin).get(`/api/v1/candidates/${ids.oldCode}`);
    expect(old.body.drivingLicences).toEqual(["B", "C", "CQC-MERCI"]);
  });

  it("lets a CE holder meet an offer asking for C, and no one without CQC merci", async () => {
    const explain = (who: string) => h.as(h.p.referent).get(`/api/v1/vacancies/${vacancyId}/matches/${ids[who]}`);
    for (const who of ["ce", "c", "oldCode"]) {
      const res = await explain(who);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.exclusions, who).toEqual([]);
    }
    const passengers = await explain("passengers");
    expect(passengers.body.exclusions).toEqual([{ code: "missing_licence", reason: "Manca l'abilitazione richiesta: CQC trasporto merci" }]);
    const onlyB = await explain("onlyB");
    expect(onlyB.body.exclusions).toEqual([{ code: "missing_licence", reason: "Manca la patente richiesta: C; Manca l'abilitazione richiesta: CQC trasporto merci" }]);
  });

  it("finds in the people search whoever holds a licence that covers the one asked", async () => {
    const res = await h.as(h.p.admin).get("/api/v1/candidates?licence=C&pageSize=50");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = (res.body.items as { id: string }[]).map((c) => c.id);
    for (const who of ["ce", "c", "oldCode", "passengers"]) expect(found, who).toContain(ids[who]);
    expect(found).not.toContain(ids.onlyB);
    const cqc = await h.as(h.p.admin).get("/api/v1/candidates?licence=CQC%20merci&pageSize=50");
    expect((cqc.body.items as { id: string }[]).map((c) => c.id).sort()).toEqual([ids.ce, ids.c, ids.oldCode].sort());
  });

  it("refuses what is not a licence, naming it, and a bare «CQC»", async () => {
    const res = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ requiredLicences: ["patente Z", "CQC"] }));
    expect(res.status).toBe(400);
    const messages = (res.body.fields as { message: string }[]).map((f) => f.message).join(" | ");
    expect(messages).toMatch(/Patente o abilitazione sconosciuta «patente Z»/);
    expect(messages).toMatch(/CQC merci» o «CQC persone/);
  });
});
