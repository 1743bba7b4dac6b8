import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { readEventsAfter } from "../src/events/read-events.js";
import { partitaIva } from "./fixtures/italian-codes.js";

describe("employer events", () => {
  const h = useTestApp();

  it("creating and changing an employer append their events, naming the changed fields only", async () => {
    const admin = h.as(h.p.admin);
    const from = (await h.t.ctx.db.domainEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    const created = await admin.post("/api/v1/employers", { name: "Mario Bianchi ditta individuale", taxCode: partitaIva(41) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await admin.patch(`/api/v1/employers/${id}`, { name: "Bianchi Mario & C. S.n.c." })).status).toBe(200);
    const events = await readEventsAfter(h.t.ctx.db, from, 10);
    expect(events.map((e) => [e.type, e.entityId, e.payload])).toEqual([
      ["employer.created", id, {}],
      ["employer.changed", id, { fields: ["name"] }],
    ]);
    expect(JSON.stringify(events)).not.toContain("Bianchi");
    // A refused change (duplicate tax code) leaves no event.
    expect((await admin.post("/api/v1/employers", { name: "Doppione", taxCode: partitaIva(41) })).status).toBe(409);
    expect(await readEventsAfter(h.t.ctx.db, events.at(-1)!.seq, 10)).toEqual([]);
  });
});
