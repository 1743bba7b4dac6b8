import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, Role } from "../src/auth/actor.js";
import { canSeeEntryContacts } from "../src/shortlists/shortlist-policies.js";
import { useTestApp, CPI_MILANO, CPI_MONCALIERI, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { TORINO } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";

const V = "/api/v1/vacancies";

describe("who sees the contacts of a person on a list (the rule, as a table)", () => {
  const actor = (role: Role, cpiCodes: string[], userId = "u1"): Actor => ({ userId, name: role, role, cpiCodes, employerId: role === "employer" ? "e1" : null });
  const referent = actor("referent", [CPI_TORINO]);
  const otherReferent = actor("referent", [CPI_MILANO]);
  const tutor = actor("tutor", [CPI_TORINO], "tutor-1");
  const navigator = actor("navigator", [CPI_TORINO]);
  const admin = actor("admin", []);
  const employer = actor("employer", []);
  const vacancy = { cpiCode: CPI_TORINO, employerId: "e1" };
  type Person = { cpiCode: string; tutorId: string | null };
  const torinese: Person = { cpiCode: CPI_TORINO, tutorId: null };
  const milanese = { cpiCode: CPI_MILANO, tutorId: null };
  const inCaseload = { cpiCode: CPI_MILANO, tutorId: "tutor-1" };
  const removedAt = new Date("2026-11-01");

  const rows: { who: string; a: Actor; list: string; source: string; removed?: boolean; person: Person; shown: boolean }[] = [
    // (a) within the caller's own scope: always, whatever the way in, the list state or a removal.
    { who: "referent", a: referent, list: "draft", source: "manual", person: torinese, shown: true },
    { who: "referent", a: referent, list: "closed", source: "manual", removed: true, person: torinese, shown: true },
    { who: "tutor", a: tutor, list: "draft", source: "matching", person: torinese, shown: true },
    { who: "tutor (caseload)", a: tutor, list: "closed", source: "manual", removed: true, person: inCaseload, shown: true },
    { who: "navigator", a: navigator, list: "sent", source: "matching", person: torinese, shown: true },
    { who: "admin", a: admin, list: "closed", source: "manual", removed: true, person: milanese, shown: true },
    // (b) outside scope: the vacancy's referent, open list, not removed, through the matching.
    { who: "referent", a: referent, list: "draft", source: "matching", person: milanese, shown: true },
    { who: "referent", a: referent, list: "sent", source: "matching", person: milanese, shown: true },
    { who: "referent", a: referent, list: "draft", source: "manual_ranked", person: milanese, shown: true },
    { who: "referent", a: referent, list: "draft", source: "manual", person: milanese, shown: false },
    { who: "referent", a: referent, list: "draft", source: "matching", removed: true, person: milanese, shown: false },
    { who: "referent", a: referent, list: "draft", source: "manual_ranked", removed: true, person: milanese, shown: false },
    { who: "referent", a: referent, list: "closed", source: "matching", person: milanese, shown: false },
    { who: "referent", a: referent, list: "draft", source: "something_else", person: milanese, shown: false },
    { who: "tutor", a: tutor, list: "draft", source: "matching", person: milanese, shown: false },
    { who: "navigator", a: navigator, list: "draft", source: "manual_ranked", person: milanese, shown: false },
    { who: "another CPI's referent", a: otherReferent, list: "draft", source: "matching", person: torinese, shown: false },
    // Employers have their own view (only what was sent, contacts with consent): never this one.
    { who: "employer", a: employer, list: "sent", source: "matching", person: torinese, shown: false },
  ];
  for (const r of rows) {
    const label = `${r.who}, list ${r.list}, ${r.source}${r.removed ? ", removed" : ""}, person of ${r.person.cpiCode}${r.person.tutorId ? " in caseload" : ""}`;
    it(`${label} → ${r.shown ? "shown" : "withheld"}`, () => {
      const reason = canSeeEntryContacts(r.a, vacancy, { status: r.list }, { source: r.source, removedAt: r.removed ? removedAt : null, candidate: r.person });
      if (r.shown) expect(reason).toBeNull();
      else expect(reason).toMatch(/\S/);
    });
  }
});

interface Entry {
  candidateId: string;
  email?: string | null;
  phone?: string | null;
  contactsWithheld?: string | null;
  source: string;
  sourceLabel: string;
  score: number | null;
  reason: string | null;
  removed: boolean;
}

describe("contacts on the list views, over HTTP", () => {
  const h = useTestApp();
  const referent = () => h.as(h.p.referent);
  let seq = 0;
  const warehouse = {
    declaredProfiles: [{ title: "Magazziniere" }],
    competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
    experiences: [{ profileTitle: "Magazziniere", fromDate: "2018-01-01", toDate: "2025-12-31" }],
  };
  const cook = { declaredProfiles: [{ title: "Cuoco" }], competences: ["Preparazione primi piatti"], experiences: [{ profileTitle: "Cuoco", fromDate: "2018-01-01" }] };

  /** A person registered by the admin at the given CPI, living in Torino (so distance never decides). */
  async function person(cpiCode: string, profile: Record<string, unknown>): Promise<string> {
    seq += 1;
    const res = await h.as(h.p.admin).post(
      "/api/v1/candidates",
      candidateBody(mariaRossiTaxCode(700 + seq), {
        email: `contatti.${seq}@example.it`,
        phone: `+39 333 111 ${String(seq).padStart(4, "0")}`,
        cpiCode,
        domicileIstatCode: TORINO,
        ...profile,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function vacancy(cap: number): Promise<string> {
    const res = await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", employerId: h.p.employerId, shortlistCap: cap }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  const read = async (token: string, vacancyId: string): Promise<Entry[]> => {
    const res = await h.as(token).get(`${V}/${vacancyId}/shortlist`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.entries as Entry[];
  };
  const entryOf = (entries: Entry[], id: string) => entries.find((e) => e.candidateId === id)!;
  const emailOf = async (id: string) => (await h.t.ctx.db.candidate.findUniqueOrThrow({ where: { id } })).email!;

  /** The CPIs of the region other than the referent's own: where the hand-added people come from. */
  let otherCpis: string[] = [];
  beforeAll(async () => {
    otherCpis = (await h.t.ctx.db.cpi.findMany({ where: { code: { notIn: [CPI_TORINO, CPI_MONCALIERI] } }, orderBy: { code: "asc" }, take: 18 })).map((c) => c.code);
    expect(otherCpis.length).toBe(18);
  });

  it("refuses to hand-add people of other CPIs the matching does not find qualified, with the reason, and the list never shows them", async () => {
    await person(CPI_TORINO, warehouse);
    const id = await vacancy(15);
    expect((await referent().post(`${V}/${id}/shortlist`, {})).status).toBe(201);
    const strangers: string[] = [];
    for (let i = 0; i < 20; i++) strangers.push(await person(otherCpis[i % otherCpis.length]!, cook));

    for (const s of strangers) {
      const res = await referent().post(`${V}/${id}/shortlist/entries`, { candidateId: s, reason: "Conosciuta a un evento" });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.code).toBe("NOT_QUALIFIED");
      expect(res.body.message).toMatch(/fuori dall'ambito del referente/);
      expect(res.body.message).toMatch(/non la indica tra le persone idonee/);
      expect(res.body.fields).toEqual([{ field: "candidateId", message: expect.stringMatching(/^(Sotto la soglia|Non proponibile|Esclusa)/) }]);
    }
    for (const token of [h.p.referent, h.p.tutor, h.p.navigator]) {
      const text = JSON.stringify((await h.as(token).get(`${V}/${id}/shortlist`)).body);
      for (const s of strangers) expect(text).not.toContain(await emailOf(s));
      // The same people, read one by one, are refused: the list is no way around that.
      expect((await h.as(token).get(`/api/v1/candidates/${strangers[0]}`)).status).toBe(403);
    }
  });

  it("hides the contacts of people who entered by hand from outside the scope before the rule (removed ones included) from referent, tutor and navigator", async () => {
    const id = await vacancy(15);
    const list = (await referent().post(`${V}/${id}/shortlist`, {})).body as { id: string };
    const legacy: string[] = [];
    for (let i = 0; i < 4; i++) legacy.push(await person(otherCpis[i]!, cook));
    // Entries as the old hand-add wrote them: "manual", no check of who the person was.
    await h.t.ctx.db.shortlistEntry.createMany({
      data: legacy.map((candidateId, i) => ({ shortlistId: list.id, candidateId, source: "manual", reason: "Aggiunta a mano", ...(i % 2 ? { removedAt: new Date(), removedReason: "Tolta" } : {}) })),
    });
    for (const token of [h.p.referent, h.p.tutor, h.p.navigator]) {
      const entries = await read(token, id);
      for (const c of legacy) {
        const e = entryOf(entries, c);
        expect(e.email).toBeUndefined();
        expect(e.phone).toBeUndefined();
        expect(e.contactsWithheld).toMatch(/non appartiene ai CPI o al portafoglio/);
      }
      const text = JSON.stringify(entries);
      for (const c of legacy) expect(text).not.toContain(await emailOf(c));
    }
    const asAdmin = await read(h.p.admin, id);
    for (const c of legacy) expect(entryOf(asAdmin, c).email).toBe(await emailOf(c));
  });

  it("lets the referent hand-add a qualified person of another CPI, records score and reason, and shows the contacts to the referent only", async () => {
    const id = await vacancy(15);
    expect((await referent().post(`${V}/${id}/shortlist`, {})).status).toBe(201);
    const milanese = await person(CPI_MILANO, warehouse);
    const added = await referent().post(`${V}/${id}/shortlist/entries`, { candidateId: milanese, reason: "Segnalata dal CPI di Milano" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const entry = entryOf(added.body.entries as Entry[], milanese);
    expect(entry).toMatchObject({ source: "manual_ranked", sourceLabel: "Inserimento manuale tra le persone idonee", reason: "Segnalata dal CPI di Milano" });
    expect(entry.score).toBeGreaterThanOrEqual(h.t.ctx.matching.qualifyingScore);
    expect(entry.email).toBeUndefined();

    expect(entryOf(await read(h.p.referent, id), milanese)).toMatchObject({ email: await emailOf(milanese), contactsWithheld: null });
    expect(entryOf(await read(h.p.admin, id), milanese).email).toBe(await emailOf(milanese));
    for (const token of [h.p.tutor, h.p.navigator]) {
      const e = entryOf(await read(token, id), milanese);
      expect(e.email).toBeUndefined();
      expect(e.contactsWithheld).toMatch(/solo al referente dell'offerta/);
    }
    const history = (await referent().get(`${V}/${id}/shortlist/history`)).body as { type: string; candidateId: string; to: string; toLabel: string; reason: string }[];
    expect(history.find((e) => e.type === "entry_added" && e.candidateId === milanese)).toMatchObject({
      to: "manual_ranked",
      toLabel: "Inserimento manuale tra le persone idonee",
      reason: "Segnalata dal CPI di Milano",
    });
  });

  it("keeps the hand-add of the referent's own people as it was, contacts shown to whoever has them in scope", async () => {
    const id = await vacancy(15);
    expect((await referent().post(`${V}/${id}/shortlist`, {})).status).toBe(201);
    const ownCook = await person(CPI_MONCALIERI, cook);
    const added = await referent().post(`${V}/${id}/shortlist/entries`, { candidateId: ownCook, reason: "Proposta dal tutor" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(entryOf(added.body.entries as Entry[], ownCook)).toMatchObject({ source: "manual", score: null, reason: "Proposta dal tutor" });
    expect(entryOf(await read(h.p.referent, id), ownCook).email).toBe(await emailOf(ownCook));
    // Moncalieri is the referent's, not the Torino tutor's: the tutor does not get the contacts.
    expect(entryOf(await read(h.p.tutor, id), ownCook).email).toBeUndefined();
  });

  it("withdraws the contacts of people outside the scope once removed, and once the list is closed; a sent list still shows them", async () => {
    const torinese = await person(CPI_TORINO, warehouse);
    const [a, b] = [await person(CPI_MILANO, warehouse), await person(CPI_MILANO, warehouse)];
    const id = await vacancy(15);
    const built = (await referent().post(`${V}/${id}/shortlist`, {})).body as { entries: Entry[] };
    for (const c of [torinese, a, b]) expect(entryOf(built.entries, c).source).toBe("matching");
    const before = await read(h.p.referent, id);
    expect(entryOf(before, a).email).toBe(await emailOf(a));
    expect(entryOf(await read(h.p.tutor, id), a).email).toBeUndefined();
    expect(entryOf(await read(h.p.tutor, id), torinese).email).toBe(await emailOf(torinese));

    expect((await referent().post(`${V}/${id}/shortlist/entries/${b}/remove`, { reason: "Non più interessata" })).status).toBe(200);
    const removed = entryOf(await read(h.p.referent, id), b);
    expect(removed).toMatchObject({ removed: true });
    expect(removed.email).toBeUndefined();
    expect(removed.contactsWithheld).toMatch(/tolta dalla rosa/);
    expect(entryOf(await read(h.p.admin, id), b).email).toBe(await emailOf(b));

    for (const c of [torinese, a]) expect((await referent().post(`${V}/${id}/shortlist/entries/${c}/contact`, { status: "available" })).status).toBe(200);
    expect((await referent().post(`${V}/${id}/shortlist/send`, {})).status).toBe(200);
    expect(entryOf(await read(h.p.referent, id), a).email).toBe(await emailOf(a));

    expect((await referent().post(`${V}/${id}/close`, { outcome: "cancelled", reason: "Posizione soppressa" })).status).toBe(200);
    const closed = await read(h.p.referent, id);
    expect(entryOf(closed, a).email).toBeUndefined();
    expect(entryOf(closed, a).contactsWithheld).toMatch(/rosa è chiusa/);
    expect(entryOf(closed, torinese).email).toBe(await emailOf(torinese));
  });
});
