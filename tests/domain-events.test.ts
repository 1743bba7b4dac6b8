import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { codiceFiscale } from "./fixtures/italian-codes.js";
import { AppError } from "../src/errors/app-error.js";
import type { DomainEventType } from "../src/events/domain-events.js";
import { onEvent } from "../src/events/handler-registry.js";
import { readEventsAfter } from "../src/events/read-events.js";
import { candidateRecordOf, insertCandidates } from "../src/candidates/insert-candidates.js";
import { candidateCreateSchema } from "../src/candidates/candidate-schemas.js";

const V = "/api/v1/vacancies";
const C = "/api/v1/candidates";

/** A test-only handler that makes the transaction of one event type fail, to show nothing of it is kept. */
let failOn: DomainEventType | null = null;

describe("domain events, appended in the transaction of each use-case", () => {
  const h = useTestApp();
  const referent = () => h.as(h.p.referent);
  let seq = 0;
  let referentId = "";

  const lastSeq = async () => (await h.t.ctx.db.domainEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  /** What one request appended: types in order, with their entity and author. */
  async function appendedBy(send: () => Promise<{ status: number; body: unknown }>, status = 200) {
    const from = await lastSeq();
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return { res, events: await readEventsAfter(h.t.ctx.db, from, 100) };
  }
  const types = (events: { type: string }[]) => events.map((e) => e.type);

  async function person(): Promise<string> {
    seq += 1;
    const lastName = `Evento ${seq}`;
    const birth = new Date(Date.UTC(1985, 0, seq)).toISOString().slice(0, 10);
    const res = await referent().post(
      C,
      candidateBody(codiceFiscale(lastName, "Persona", birth, "F", "L219"), {
        firstName: "Persona",
        lastName,
        email: `evento.${seq}@example.it`,
        declaredProfiles: [{ title: "Magazziniere" }],
        competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }
  async function vacancy(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", employerId: h.p.employerId, shortlistCap: 2, ...overrides }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    onEvent("vacancy.published", async (e) => failIf(e.type));
    for (const type of ["vacancy.changed", "vacancy.status_changed", "candidate.registered", "candidate.changed", "candidate.erased", "shortlist.built", "shortlist.closed"] as const) {
      onEvent(type, async (e) => failIf(e.type));
    }
    for (let i = 0; i < 3; i++) await person();
    referentId = (await referent().get("/api/v1/users/me")).body.userId as string;
  });

  it("each change of a vacancy, a person and a list appends its events, with who", async () => {
    const published = await appendedBy(() => referent().post(V, vacancyBody({ profileTitle: "Magazziniere", shortlistCap: 2 })), 201);
    const id = published.res.body as { id: string };
    expect(types(published.events)).toEqual(["vacancy.published"]);
    expect(published.events[0]).toMatchObject({ entityType: "vacancy", entityId: id.id, actorUserId: referentId, payload: { status: "open" } });

    const changed = await appendedBy(() => referent().patch(`${V}/${id.id}`, { positions: 4 }));
    expect(changed.events).toMatchObject([{ type: "vacancy.changed", payload: { changes: [{ field: "positions", before: 2, after: 4 }] } }]);
    expect((await appendedBy(() => referent().patch(`${V}/${id.id}`, { positions: 4 }))).events).toEqual([]);

    // A list built moves the vacancy to preselection through the handler, in the same transaction.
    const built = await appendedBy(() => referent().post(`${V}/${id.id}/shortlist`, {}), 201);
    expect(types(built.events)).toEqual(["shortlist.built", "vacancy.status_changed"]);
    expect(built.events[1]).toMatchObject({ payload: { from: "open", to: "in_preselection" } });
    const listId = built.events[0]!.entityId;
    const [first, second] = (built.res.body as { entries: { candidateId: string }[] }).entries.map((e) => e.candidateId);

    const contacted = await appendedBy(() => referent().post(`${V}/${id.id}/shortlist/entries/${first}/contact`, { status: "available" }));
    expect(contacted.events).toMatchObject([{ type: "shortlist.contact_marked", entityId: listId, payload: { candidateId: first, from: "to_contact", to: "available" } }]);
    const removed = await appendedBy(() => referent().post(`${V}/${id.id}/shortlist/entries/${second}/remove`, { reason: "prova" }));
    expect(types(removed.events)).toEqual(["shortlist.entry_removed"]);
    const added = await appendedBy(() => referent().post(`${V}/${id.id}/shortlist/entries`, { candidateId: second, reason: "ripensamento" }), 201);
    expect(added.events).toMatchObject([{ type: "shortlist.entry_added", payload: { candidateId: second, restored: true } }]);

    // A list sent moves the vacancy to "list sent" through the handler.
    const sent = await appendedBy(() => referent().post(`${V}/${id.id}/shortlist/send`, {}));
    expect(types(sent.events)).toEqual(["shortlist.sent", "vacancy.status_changed"]);
    expect(sent.events[0]).toMatchObject({ payload: { vacancyId: id.id, candidateIds: [first] } });
    expect(sent.events[1]).toMatchObject({ payload: { from: "in_preselection", to: "list_sent" } });

    const interviewed = await appendedBy(() => referent().post(`${V}/${id.id}/shortlist/entries/${first}/outcome`, { outcome: "interviewed" }));
    expect(interviewed.events).toMatchObject([{ type: "shortlist.outcome_recorded", payload: { candidateId: first, from: null, to: "interviewed" } }]);
    const hired = await appendedBy(() => referent().post(`${V}/${id.id}/shortlist/entries/${first}/outcome`, { outcome: "hired" }));
    expect(types(hired.events)).toEqual(["shortlist.outcome_recorded", "candidate.changed"]);
    expect(hired.events[1]).toMatchObject({ entityId: first, payload: { fields: ["availability"] } });

    // A vacancy closing closes its list through the handler.
    const closed = await appendedBy(() => referent().post(`${V}/${id.id}/close`, { outcome: "filled", reason: "assunta" }));
    expect(types(closed.events)).toEqual(["vacancy.status_changed", "shortlist.closed"]);
    expect(closed.events[1]).toMatchObject({ entityId: listId, payload: { from: "sent", reason: "assunta" } });
    expect((await referent().get(`${V}/${id.id}/shortlist`)).body.status).toBe("closed");
    expect([...published.events, ...built.events, ...sent.events, ...closed.events].every((e) => e.actorUserId === referentId)).toBe(true);
  });

  it("a person's events name the changed fields and never their values, also after erasure", async () => {
    const registered = await appendedBy(() => referent().post(C, candidateBody(codiceFiscale("Verdi", "Giulia", "1990-05-05", "F", "L219"), { firstName: "Giulia", lastName: "Verdi", email: "giulia.verdi@example.it" })), 201);
    const id = (registered.res.body as { id: string }).id;
    expect(registered.events).toMatchObject([{ type: "candidate.registered", entityType: "candidate", entityId: id, payload: {} }]);
    const changed = await appendedBy(() => referent().patch(`${C}/${id}`, { email: "g.verdi@example.it", phone: "+39 333 1234567", maxTravelKm: 30 }));
    expect(changed.events).toMatchObject([{ type: "candidate.changed", payload: { fields: ["email", "phone"] } }]);
    const erased = await appendedBy(() => referent().del(`${C}/${id}`), 204);
    expect(erased.events).toMatchObject([{ type: "candidate.erased", entityId: id, payload: {} }]);
    const text = JSON.stringify(await h.t.ctx.db.domainEvent.findMany({ where: { entityId: id } }));
    for (const personal of ["Verdi", "Giulia", "giulia.verdi", "g.verdi", "333 1234567", "VRDGLI"]) expect(text).not.toContain(personal);
  });

  it("the bulk path appends one event per person, in the caller's transaction", async () => {
    const from = await lastSeq();
    const [comune, cpi] = await Promise.all([h.t.ctx.db.comune.findFirstOrThrow({ where: { istatCode: "001272" } }), h.t.ctx.db.cpi.findFirstOrThrow()]);
    const bulk = (n: number) =>
      candidateRecordOf(
        `bulk-${n}`,
        candidateCreateSchema.parse(candidateBody(codiceFiscale("Bulk", "Persona", `1970-02-0${n}`, "M", "L219"), { firstName: "Persona", lastName: "Bulk", cpiCode: cpi.code })),
        new Date(),
        comune,
        cpi,
      );
    const records = [1, 2, 3].map(bulk);
    await h.t.ctx.db.$transaction((tx) => insertCandidates(h.t.ctx, tx, records));
    const events = await readEventsAfter(h.t.ctx.db, from, 100);
    expect(events.map((e) => [e.type, e.entityId, e.actorUserId])).toEqual(records.map((r) => ["candidate.registered", r.id, null]));

    failOn = "candidate.registered";
    await expect(h.t.ctx.db.$transaction((tx) => insertCandidates(h.t.ctx, tx, [bulk(4)]))).rejects.toThrow("prova");
    failOn = null;
    expect(await h.t.ctx.db.candidate.findUnique({ where: { id: "bulk-4" } })).toBeNull();
    expect(await readEventsAfter(h.t.ctx.db, events.at(-1)!.seq, 100)).toEqual([]);
  });

  describe("a write that fails in a handler leaves neither the change nor any event", () => {
    async function refusedWhen(type: DomainEventType, send: () => Promise<{ status: number; body: unknown }>) {
      const from = await lastSeq();
      failOn = type;
      try {
        const res = await send();
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect((res.body as { message: string }).message).toBe("prova di errore nel gestore");
      } finally {
        failOn = null;
      }
      expect(await readEventsAfter(h.t.ctx.db, from, 100)).toEqual([]);
    }

    it("publish, update and status change of a vacancy", async () => {
      const body = vacancyBody();
      await refusedWhen("vacancy.published", () => referent().post(V, body));
      expect(await h.t.ctx.db.vacancy.count({ where: { requestedProfile: body.requestedProfile } })).toBe(0);

      const id = await vacancy();
      await refusedWhen("vacancy.changed", () => referent().patch(`${V}/${id}`, { positions: 9 }));
      await refusedWhen("vacancy.status_changed", () => referent().post(`${V}/${id}/status`, { to: "in_preselection" }));
      const read = (await referent().get(`${V}/${id}`)).body as { positions: number; status: string };
      expect([read.positions, read.status]).toEqual([2, "open"]);
      expect(await h.t.ctx.db.vacancyStatusChange.count({ where: { vacancyId: id } })).toBe(1);
    });

    it("registration, update and erasure of a person", async () => {
      const taxCode = codiceFiscale("Neri", "Paola", "1991-06-06", "F", "L219");
      await refusedWhen("candidate.registered", () => referent().post(C, candidateBody(taxCode, { firstName: "Paola", lastName: "Neri" })));
      expect(await h.t.ctx.db.candidate.count({ where: { taxCode } })).toBe(0);

      const id = await person();
      await refusedWhen("candidate.changed", () => referent().patch(`${C}/${id}`, { maxTravelKm: 5 }));
      await refusedWhen("candidate.erased", () => referent().del(`${C}/${id}`));
      expect((await h.t.ctx.db.candidate.findUniqueOrThrow({ where: { id } })).maxTravelKm).toBe(30);
    });

    it("a list built, and the reactions of its vacancy: a list sent, a vacancy closing", async () => {
      const id = await vacancy();
      await refusedWhen("shortlist.built", () => referent().post(`${V}/${id}/shortlist`, {}));
      expect(await h.t.ctx.db.shortlist.count({ where: { vacancyId: id } })).toBe(0);

      const entries = (await referent().post(`${V}/${id}/shortlist`, {})).body.entries as { candidateId: string }[];
      expect((await referent().post(`${V}/${id}/shortlist/entries/${entries[0]!.candidateId}/contact`, { status: "available" })).status).toBe(200);
      // The vacancy's move is the handler's: when it fails, the list is not sent either.
      await refusedWhen("vacancy.status_changed", () => referent().post(`${V}/${id}/shortlist/send`, {}));
      expect((await referent().get(`${V}/${id}/shortlist`)).body.status).toBe("draft");
      // Closing the list is the handler's: when it fails, the vacancy stays open too.
      await refusedWhen("shortlist.closed", () => referent().post(`${V}/${id}/close`, { outcome: "cancelled" }));
      expect((await referent().get(`${V}/${id}`)).body.status).toBe("in_preselection");
    });
  });
});

function failIf(type: DomainEventType): void {
  // A code every route declares (the store refusing a write), so the refusal goes out as the service would send it.
  if (failOn === type) throw new AppError("UNAVAILABLE", "prova di errore nel gestore");
}
