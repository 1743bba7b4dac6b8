import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody } from "./helpers/sample-bodies.js";
import { MONCALIERI } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";

const h = useTestApp();

describe("job seekers", () => {
  it("registers a person with programmes, history and languages, and reads them back", async () => {
    const res = await h.as(h.p.tutor).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(1), { tutorId: h.p.tutorId }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const read = await h.as(h.p.tutor).get(`/api/v1/candidates/${res.body.id}`);
    expect(read.body.programmes).toEqual([{ programme: "NASPI", startDate: "2026-03-01", endDate: null, monthlyAmount: 950 }]);
    expect(read.body.experiences[0]).toMatchObject({ profileTitle: "Magazziniere", fromDate: "2019-01-01", toDate: "2025-12-31" });
    expect(read.body.languages).toEqual([{ code: "001", level: "B1" }]);
    expect(read.body.drivingLicences).toEqual(["B"]);
    expect(read.body.domicile.name).toBe("Torino");
  });

  it("a list sent in an update replaces the stored one; fields not sent stay", async () => {
    const created = await h.as(h.p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(2)));
    const updated = await h.as(h.p.referent).patch(`/api/v1/candidates/${created.body.id}`, {
      experiences: [{ profileTitle: "Cuoco", fromDate: "2020-05-01" }],
      domicileIstatCode: MONCALIERI,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.experiences).toHaveLength(1);
    expect(updated.body.experiences[0].profileTitle).toBe("Cuoco");
    expect(updated.body.programmes).toHaveLength(1);
    expect(updated.body.domicile.name).toBe("Moncalieri");
    const search = await h.as(h.p.referent).get("/api/v1/candidates?q=cuoco");
    expect(search.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    expect((await h.as(h.p.referent).get("/api/v1/candidates?q=magazziniere")).body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
  });

  it("search finds people by declared profile, filters by programme and licence, and counts facets", async () => {
    await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(3), {
      declaredProfiles: [{ title: "Operatrice socio sanitaria" }],
      programmes: [{ programme: "ADI", startDate: "2026-01-15" }],
      drivingLicences: [],
    }));
    const res = await h.as(h.p.admin).get("/api/v1/candidates?q=operatore%20socio%20sanitario&programme=ADI");
    expect(res.body.total).toBe(1);
    expect(res.body.facets.programme).toEqual([{ code: "ADI", label: "Assegno di inclusione", count: 1 }]);
    expect((await h.as(h.p.admin).get("/api/v1/candidates?q=operatore%20socio%20sanitario&licence=B")).body.total).toBe(0);
  });

  it("erasure removes the person from the store and from search, and the audit keeps only the id", async () => {
    const created = await h.as(h.p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(4), { declaredProfiles: [{ title: "Falegname" }] }));
    const id = created.body.id as string;
    expect((await h.as(h.p.referent).get("/api/v1/candidates?q=falegname")).body.total).toBe(1);
    expect((await h.as(h.p.referent).del(`/api/v1/candidates/${id}`)).status).toBe(204);
    expect((await h.as(h.p.referent).get(`/api/v1/candidates/${id}`)).status).toBe(404);
    expect((await h.as(h.p.referent).get("/api/v1/candidates?q=falegname")).body.total).toBe(0);
    expect(await h.t.ctx.db.candidate.count({ where: { id } })).toBe(0);
    expect(await h.t.ctx.db.workExperience.count({ where: { candidateId: id } })).toBe(0);
    const audit = await h.t.ctx.db.auditLog.findMany({ where: { entityId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "read", "delete"]);
  });

  it("records who read or changed a person's data, and through which route", async () => {
    const created = await h.as(h.p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(5)));
    const id = created.body.id as string;
    await h.as(h.p.tutor).get(`/api/v1/candidates/${id}`);
    await h.as(h.p.navigator).patch(`/api/v1/candidates/${id}`, { maxTravelKm: 10 });
    const audit = await h.t.ctx.db.auditLog.findMany({ where: { entityId: id }, include: { user: true }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.user?.name, a.action, a.route])).toEqual([
      ["Referente Torino", "create", "POST /candidates"],
      ["Tutor Torino", "read", "GET /candidates/:id"],
      ["Navigator Torino", "update", "PATCH /candidates/:id"],
    ]);
    const log = await h.as(h.p.admin).get(`/api/v1/audit?entityType=candidate&entityId=${id}`);
    expect(log.body.items.map((a: { user: { name: string }; action: string }) => `${a.user.name}: ${a.action}`)).toEqual([
      "Navigator Torino: update",
      "Tutor Torino: read",
      "Referente Torino: create",
    ]);
  });

  it("a refused read leaves no audit entry of a read", async () => {
    const created = await h.as(h.p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(6)));
    expect((await h.as(h.p.otherReferent).get(`/api/v1/candidates/${created.body.id}`)).status).toBe(403);
    expect(await h.t.ctx.db.auditLog.count({ where: { entityId: created.body.id, action: "read" } })).toBe(0);
  });
});
