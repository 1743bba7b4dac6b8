import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { vacancyBody } from "./helpers/sample-bodies.js";
import { canTransition, VACANCY_STATUSES, type VacancyStatus } from "../src/vacancies/vacancy-status.js";

const ALLOWED: [VacancyStatus, VacancyStatus][] = [
  ["open", "in_preselection"],
  ["open", "cancelled"],
  ["open", "expired"],
  ["in_preselection", "list_sent"],
  ["in_preselection", "open"],
  ["in_preselection", "cancelled"],
  ["in_preselection", "expired"],
  ["list_sent", "filled"],
  ["list_sent", "in_preselection"],
  ["list_sent", "cancelled"],
  ["list_sent", "expired"],
];

describe("the status transition table", () => {
  for (const from of VACANCY_STATUSES) {
    for (const to of VACANCY_STATUSES) {
      const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to}: ${allowed ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
      });
    }
  }
});

describe("a vacancy through its life over HTTP", () => {
  const h = useTestApp();
  const as = (token: string) => h.as(token);

  it("open → in preselection → list sent → filled, with who and why kept in the history", async () => {
    const referent = as(h.p.referent);
    const created = await referent.post("/api/v1/vacancies", vacancyBody());
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("open");
    expect(created.body.shortlistCap).toBe(15);
    const id = created.body.id as string;
    for (const to of ["in_preselection", "list_sent"]) {
      const res = await referent.post(`/api/v1/vacancies/${id}/status`, { to, reason: `verso ${to}` });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.status).toBe(to);
    }
    const closed = await referent.post(`/api/v1/vacancies/${id}/close`, { outcome: "filled", reason: "assunta una persona della rosa" });
    expect(closed.body.statusLabel).toBe("Coperta");
    const history = await referent.get(`/api/v1/vacancies/${id}/history`);
    expect(history.body.map((h: { to: string }) => h.to)).toEqual(["open", "in_preselection", "list_sent", "filled"]);
    expect(history.body[3].reason).toBe("assunta una persona della rosa");
    expect(history.body.every((h: { byUserId: string | null }) => h.byUserId !== null)).toBe(true);
  });

  it("an illegal jump is a 409 that names the allowed moves, and the status does not change", async () => {
    const admin = as(h.p.admin);
    const created = await admin.post("/api/v1/vacancies", vacancyBody());
    const res = await admin.post(`/api/v1/vacancies/${created.body.id}/status`, { to: "filled" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("INVALID_TRANSITION");
    expect(res.body.message).toContain("In preselezione");
    expect((await admin.get(`/api/v1/vacancies/${created.body.id}`)).body.status).toBe("open");
  });

  it("a closed offer can be neither edited nor reopened", async () => {
    const admin = as(h.p.admin);
    const created = await admin.post("/api/v1/vacancies", vacancyBody());
    await admin.post(`/api/v1/vacancies/${created.body.id}/close`, { outcome: "cancelled" });
    const edit = await admin.patch(`/api/v1/vacancies/${created.body.id}`, { notes: "x" });
    expect(edit.status).toBe(409);
    expect((await admin.post(`/api/v1/vacancies/${created.body.id}/status`, { to: "open" })).status).toBe(409);
  });

  it("the employer may ask for a different list size", async () => {
    const res = await as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ shortlistCap: 5 }));
    expect(res.body.shortlistCap).toBe(5);
  });

  it("status changes are reflected in the showcase search at once", async () => {
    const admin = as(h.p.admin);
    const created = await admin.post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Saldatore a filo" }));
    await admin.post(`/api/v1/vacancies/${created.body.id}/status`, { to: "in_preselection" });
    const open = await admin.get("/api/v1/vacancies?q=saldatore&status=open");
    const pre = await admin.get("/api/v1/vacancies?q=saldatore&status=in_preselection");
    expect(open.body.items.map((v: { id: string }) => v.id)).not.toContain(created.body.id);
    expect(pre.body.items.map((v: { id: string }) => v.id)).toContain(created.body.id);
  });
});

describe("an offer's dates are in order and a permanent contract has no duration, on publish and on PATCH", () => {
  const h = useTestApp();
  const fields = (res: { body: { fields: { field: string }[] } }) => res.body.fields.map((f) => f.field);
  const count = () => h.t.ctx.db.vacancy.count();

  it("publish: closing before arrival, publication before arrival, months on a permanent contract are 400s; nothing written", async () => {
    const before = await count();
    const closing = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ arrivalDate: "2026-10-10", closingDate: "2026-10-01" }));
    expect([closing.status, closing.body.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(fields(closing)).toEqual(["closingDate"]);
    const published = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ arrivalDate: "2026-10-10", publishedAt: "2026-10-09" }));
    expect(fields(published)).toEqual(["publishedAt"]);
    const permanent = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ contractType: "permanent", contractMonths: 12 }));
    expect(permanent.status).toBe(400);
    expect(fields(permanent)).toEqual(["contractMonths", "contractType"]);
    expect(permanent.body.fields[0].message).toMatch(/indeterminato/);
    expect(await count()).toBe(before);
  });

  it("publish: the same day for arrival and closing, and a permanent contract without months, are fine", async () => {
    expect((await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ arrivalDate: "2026-10-10", closingDate: "2026-10-10" }))).status).toBe(201);
    expect((await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ contractType: "permanent", contractMonths: undefined }))).status).toBe(201);
  });

  it("PATCH is checked against the stored offer: a closing date before the stored arrival, permanent over stored months", async () => {
    const created = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ arrivalDate: "2026-10-10", contractMonths: 6 }));
    const path = `/api/v1/vacancies/${created.body.id}`;
    const closing = await h.as(h.p.admin).patch(path, { closingDate: "2026-09-30" });
    expect([closing.status, fields(closing)]).toEqual([400, ["closingDate"]]);
    const permanent = await h.as(h.p.admin).patch(path, { contractType: "permanent" });
    expect([permanent.status, fields(permanent)]).toEqual([400, ["contractMonths", "contractType"]]);
    const stored = await h.t.ctx.db.vacancy.findUniqueOrThrow({ where: { id: created.body.id } });
    expect([stored.closingDate, stored.contractType, stored.contractMonths]).toEqual([null, "fixed_term", 6]);
    // Removing the duration in the same change makes it permanent.
    const fixed = await h.as(h.p.admin).patch(path, { contractType: "permanent", contractMonths: null });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ contractType: "permanent", contractMonths: null });
  });
});
