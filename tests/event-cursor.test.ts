import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { advanceCursor, readCursor } from "../src/events/event-cursor.js";
import { readEventsAfter } from "../src/events/read-events.js";
import { appendEvents } from "../src/events/append-events.js";

describe("reading the event log in order, from a consumer's cursor", () => {
  const h = useTestApp();
  const append = (ids: string[]) =>
    h.t.ctx.db.$transaction((tx) =>
      appendEvents(
        { ctx: h.t.ctx, tx, actor: null, route: "test" },
        ids.map((id) => ({ type: "employer.changed" as const, entityType: "employer" as const, entityId: id, payload: { fields: ["name"] } })),
      ),
    );

  it("reads the events after a seq, in order, a page at a time", async () => {
    const start = (await h.t.ctx.db.domainEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    await append(["e1", "e2", "e3"]);
    await append(["e4"]);
    const first = await readEventsAfter(h.t.ctx.db, start, 3);
    expect(first.map((e) => e.entityId)).toEqual(["e1", "e2", "e3"]);
    expect(first.map((e) => e.seq)).toEqual([...first.map((e) => e.seq)].sort((a, b) => a - b));
    const next = await readEventsAfter(h.t.ctx.db, first.at(-1)!.seq, 3);
    expect(next.map((e) => [e.entityId, e.type, e.payload])).toEqual([["e4", "employer.changed", { fields: ["name"] }]]);
    expect(await readEventsAfter(h.t.ctx.db, next[0]!.seq, 3)).toEqual([]);
  });

  it("advances a cursor and never moves it back: an older or repeated seq changes nothing", async () => {
    expect(await readCursor(h.t.ctx.db, "index-sync")).toBe(0);
    expect(await advanceCursor(h.t.ctx.db, "index-sync", 7)).toBe(7);
    expect(await advanceCursor(h.t.ctx.db, "index-sync", 7)).toBe(7);
    expect(await advanceCursor(h.t.ctx.db, "index-sync", 3)).toBe(7);
    expect(await advanceCursor(h.t.ctx.db, "index-sync", 12)).toBe(12);
    expect(await readCursor(h.t.ctx.db, "e-mail")).toBe(0);
    expect(await advanceCursor(h.t.ctx.db, "e-mail", 2)).toBe(2);
    expect(await readCursor(h.t.ctx.db, "index-sync")).toBe(12);
  });

  it("refuses to hand a consumer an event that does not match its type", async () => {
    const bad = await h.t.ctx.db.domainEvent.create({ data: { type: "vacancy.changed", entityType: "vacancy", entityId: "v1", payload: { changes: [] } } });
    await expect(readEventsAfter(h.t.ctx.db, bad.seq - 1, 10)).rejects.toThrow();
    await h.t.ctx.db.domainEvent.delete({ where: { seq: bad.seq } });
  });
});
