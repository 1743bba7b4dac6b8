import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { MILANO } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";

const V = "/api/v1/vacancies";

interface Entry {
  candidateId: string;
  source: string;
  reason: string | null;
  exception: { label: string; exclusions: { code: string; reason: string }[]; reason: string } | null;
}

describe("people a hard constraint excludes: on a list only by the referent's confirmed exception", () => {
  const h = useTestApp();
  const referent = () => h.as(h.p.referent);
  let seq = 0;

  async function person(overrides: Record<string, unknown>): Promise<string> {
    seq += 1;
    const res = await referent().post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(1100 + seq), { email: `deroga.${seq}@example.it`, ...overrides }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  /** A vacancy with a draft list (the matching's people, if any, on it). */
  async function draft(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", shortlistCap: 20, ...overrides }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await referent().post(`${V}/${res.body.id}/shortlist`, {})).status).toBe(201);
    return res.body.id as string;
  }

  const add = (vacancyId: string, body: Record<string, unknown>, token = h.p.referent) => h.as(token).post(`${V}/${vacancyId}/shortlist/entries`, body);
  const entryOf = (body: { entries: Entry[] }, id: string) => body.entries.find((e) => e.candidateId === id)!;

  const cases = [
    { constraint: "missing licence", vacancy: {}, person: { drivingLicences: [] }, code: "missing_licence", says: /Manca la patente richiesta: B/ },
    { constraint: "beyond the travel the person declared", vacancy: {}, person: { domicileIstatCode: MILANO, maxTravelKm: 10 }, code: "beyond_travel", says: /oltre/ },
    { constraint: "a vacancy reserved under L. 68 for a person not registered", vacancy: { reservedL68: true }, person: {}, code: "reserved_l68", says: /L\. 68\/1999/ },
  ];

  for (const c of cases) {
    it(`${c.constraint}: refused with the exclusion in Italian, then added with the referent's reason, shown on the list`, async () => {
      const id = await draft(c.vacancy);
      const who = await person(c.person);
      const refused = await add(id, { candidateId: who, reason: "Segnalata dal tutor" });
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.code).toBe("EXCLUDED_NEEDS_CONFIRMATION");
      expect(refused.body.message).toMatch(c.says);
      expect(refused.body.message).toContain("confirmException");
      expect(refused.body.fields).toEqual([{ field: "confirmException", message: expect.stringMatching(c.says) }]);
      const before = (await referent().get(`${V}/${id}/shortlist`)).body as { entries: Entry[] };
      expect(before.entries.map((e) => e.candidateId)).not.toContain(who);

      const added = await add(id, { candidateId: who, reason: "Segnalata dal tutor", confirmException: true, exceptionReason: "L'azienda accetta, sentita al telefono" });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      const read = (await referent().get(`${V}/${id}/shortlist`)).body as { entries: Entry[]; history: { type: string; candidateId: string; reason: string }[] };
      expect(entryOf(read, who)).toMatchObject({
        source: "manual",
        reason: "Segnalata dal tutor",
        exception: { label: expect.stringContaining("deroga"), exclusions: [{ code: c.code, reason: expect.stringMatching(c.says) }], reason: "L'azienda accetta, sentita al telefono" },
      });
      const line = read.history.find((e) => e.type === "entry_added" && e.candidateId === who)!;
      expect(line.reason).toContain("in deroga");
      expect(line.reason).toContain("L'azienda accetta, sentita al telefono");
    });
  }

  it("wants the confirmation and its reason together, and only from those who manage the list", async () => {
    const id = await draft();
    const who = await person({ drivingLicences: [] });
    const noReason = await add(id, { candidateId: who, reason: "Segnalata", confirmException: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.map((f: { field: string }) => f.field)).toEqual(["exceptionReason"]);
    const noFlag = await add(id, { candidateId: who, reason: "Segnalata", exceptionReason: "Va bene così" });
    expect(noFlag.status).toBe(400);
    expect(noFlag.body.fields.map((f: { field: string }) => f.field)).toEqual(["confirmException"]);
    const notTrue = await add(id, { candidateId: who, reason: "Segnalata", confirmException: false, exceptionReason: "Va bene così" });
    expect(notTrue.status).toBe(400);
    for (const token of [h.p.tutor, h.p.navigator]) {
      expect((await add(id, { candidateId: who, reason: "Segnalata", confirmException: true, exceptionReason: "Va bene così" }, token)).status).toBe(403);
    }
    expect((await add(id, { candidateId: who, reason: "Segnalata", confirmException: true, exceptionReason: "Va bene così" }, h.p.admin)).status).toBe(201);
  });

  it("stores no exception for a person nothing excludes, confirmed or not", async () => {
    const id = await draft();
    const plain = await person({ declaredProfiles: [{ title: "Cuoca" }], competences: ["Cucina"] });
    const added = await add(id, { candidateId: plain, reason: "Segnalata", confirmException: true, exceptionReason: "Per scrupolo" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(entryOf(added.body, plain).exception).toBeNull();
  });
});
