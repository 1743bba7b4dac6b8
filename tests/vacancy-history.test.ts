import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { vacancyBody } from "./helpers/sample-bodies.js";
import type { VacancyHistoryItem as Item } from "../src/vacancies/vacancy-history.js";

const V = "/api/v1/vacancies";


describe("GET /vacancies/:id/history: every change, field by field, with who and when", () => {
  const h = useTestApp();
  const referent = () => h.as(h.p.referent);
  const referentUserId = async () => (await referent().get("/api/v1/users/me")).body.userId as string;

  async function publish(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await referent().post(V, vacancyBody({ referentName: "Anna Bianchi", referentEmail: "anna.bianchi@cpi.example.it", ...overrides }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }
  const history = async (id: string) => {
    const res = await referent().get(`${V}/${id}/history`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Item[];
  };

  it("a PATCH of two fields shows both with before and after, who and when", async () => {
    const id = await publish({ positions: 2, hoursPerWeek: 40 });
    const before = Date.now();
    const patched = await referent().patch(`${V}/${id}`, { positions: 3, hoursPerWeek: 30, contractMonths: 6 });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    const items = await history(id);
    expect(items.map((i) => i.type)).toEqual(["published", "changed"]);
    const changed = items[1]!;
    // contractMonths was sent unchanged: not a change.
    expect(changed.changes).toEqual([
      { field: "positions", before: 2, after: 3 },
      { field: "hoursPerWeek", before: 40, after: 30 },
    ]);
    expect(changed.byUserId).toBe(await referentUserId());
    expect(changed.byUserName).toBe("Referente Torino");
    expect(Date.parse(changed.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(changed.seq).toBeGreaterThan(items[0]!.seq!);
  });

  it("a status change still shows with from, to and its reason, after the publication", async () => {
    const id = await publish();
    expect((await referent().post(`${V}/${id}/status`, { to: "in_preselection", reason: "colloqui in corso" })).status).toBe(200);
    expect((await referent().post(`${V}/${id}/close`, { outcome: "cancelled", reason: "posizione soppressa" })).status).toBe(200);
    const items = await history(id);
    expect(items.map((i) => [i.type, i.from, i.to, i.reason])).toEqual([
      ["published", null, "open", "Pubblicazione"],
      ["status_changed", "open", "in_preselection", "colloqui in corso"],
      ["status_changed", "in_preselection", "cancelled", "posizione soppressa"],
    ]);
    expect(items[1]!.changes).toEqual([{ field: "status", before: "open", after: "in_preselection" }]);
    expect(items.every((i) => i.byUserName === "Referente Torino")).toBe(true);
  });

  it("names the referent's contact fields without their values, in the answer and in the stored event", async () => {
    const id = await publish();
    expect((await referent().patch(`${V}/${id}`, { referentEmail: "nuovo.referente@cpi.example.it", referentName: "Nuovo Referente", positions: 5 })).status).toBe(200);
    const changed = (await history(id)).find((i) => i.type === "changed")!;
    expect([...changed.changes].sort(byField)).toEqual([{ field: "positions", before: 2, after: 5 }, { field: "referentEmail" }, { field: "referentName" }]);
    const stored = await h.t.ctx.db.domainEvent.findMany({ where: { entityId: id } });
    const text = JSON.stringify(stored);
    for (const personal of ["anna.bianchi", "nuovo.referente", "Nuovo Referente", "Anna Bianchi"]) expect(text).not.toContain(personal);
  });

  it("keeps showing status changes recorded before events existed", async () => {
    const id = await publish();
    await h.t.ctx.db.vacancyStatusChange.create({ data: { vacancyId: id, fromState: "open", toState: "in_preselection", reason: "storico", at: new Date(Date.now() + 1000) } });
    const items = await history(id);
    expect(items.map((i) => [i.type, i.to, i.seq === null])).toEqual([
      ["published", "open", false],
      ["status_changed", "in_preselection", true],
    ]);
  });

  it("is refused to an employer for another's offer, and refuses unknown parameters", async () => {
    const id = await publish({ employerId: h.p.employerId });
    expect((await h.as(h.p.employer).get(`${V}/${id}/history`)).status).toBe(200);
    expect((await h.as(h.p.otherEmployer).get(`${V}/${id}/history`)).status).toBe(403);
    expect((await referent().get(`${V}/${id}/history?order=desc`)).status).toBe(400);
  });
});

const byField = (a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field);
