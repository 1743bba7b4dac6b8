import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody, WAREHOUSE_WORKER } from "./helpers/sample-bodies.js";
import { codiceFiscale } from "./fixtures/italian-codes.js";
import { closeShortlistsOfVacancy } from "../src/shortlists/shortlist-transitions.js";
import { rankCandidatesForVacancy } from "../src/matching/rank-vacancy-candidates.js";
import { findVacancy } from "../src/vacancies/vacancy-repository.js";

const V = "/api/v1/vacancies";

interface Entry {
  candidateId: string;
  name: string;
  email?: string | null;
  source: string;
  score: number | null;
  reasons: string[];
  reason: string | null;
  contactStatus: string;
  contactStatusLabel: string;
  sentToEmployer: boolean;
  outcome: string | null;
  removed: boolean;
  removedReason: string | null;
}

describe("candidate lists (rosa) over HTTP", () => {
  const h = useTestApp();
  const referent = () => h.as(h.p.referent);
  let seq = 0;
  /** People who qualify for the warehouse vacancies below; every other one shares contacts. */
  const pool: string[] = [];

  async function person(overrides: Record<string, unknown> = {}): Promise<string> {
    seq += 1;
    const lastName = `Numero ${seq}`;
    // Every "Numero n" gives the same letters, so the birth date (one day per person) keeps codes distinct.
    const birth = new Date(Date.UTC(1980, 0, seq)).toISOString().slice(0, 10);
    const res = await referent().post(
      "/api/v1/candidates",
      candidateBody(codiceFiscale(lastName, "Persona", birth, "F", "L219"), {
        firstName: "Persona",
        lastName,
        email: `persona.${seq}@example.it`,
        phone: `+39 333 000 ${String(seq).padStart(4, "0")}`,
        shareContactsConsent: seq % 2 === 0,
        ...WAREHOUSE_WORKER,
        ...overrides,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function vacancy(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", employerId: h.p.employerId, referentName: "Anna Bianchi", referentEmail: "anna.bianchi@cpi.example.it", ...overrides }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function build(vacancyId: string): Promise<{ entries: Entry[]; [k: string]: unknown }> {
    const res = await referent().post(`${V}/${vacancyId}/shortlist`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  const contact = (vacancyId: string, candidateId: string, status: string, note?: string) =>
    referent().post(`${V}/${vacancyId}/shortlist/entries/${candidateId}/contact`, note ? { status, note } : { status });

  /** A list sent to the employer: the first `available` people confirmed, the next one unreachable. */
  async function sentList(cap: number, available: number) {
    const id = await vacancy({ shortlistCap: cap });
    const built = await build(id);
    const ids = built.entries.map((e) => e.candidateId);
    for (const c of ids.slice(0, available)) expect((await contact(id, c, "available")).status).toBe(200);
    if (ids[available]) expect((await contact(id, ids[available], "unreachable")).status).toBe(200);
    const sent = await referent().post(`${V}/${id}/shortlist/send`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return { id, sent: ids.slice(0, available), unsent: ids.slice(available), body: sent.body };
  }

  beforeAll(async () => {
    for (let i = 0; i < 20; i++) pool.push(await person());
  });

  it("builds the list from the matching, capped at 15 by default, and puts the vacancy in preselection", async () => {
    const id = await vacancy();
    const list = await build(id);
    expect(list.status).toBe("draft");
    expect(list.statusLabel).toBe("In preparazione");
    expect(list.cap).toBe(15);
    expect(list.entries).toHaveLength(15);
    for (const e of list.entries) {
      expect(e.source).toBe("matching");
      expect(e.score).toBeGreaterThan(0);
      expect(e.reasons.length).toBeGreaterThan(0);
      expect(e.contactStatus).toBe("to_contact");
      expect(e.contactStatusLabel).toBe("Da contattare");
      expect(e.email).toBeUndefined();
    }
    const scores = list.entries.map((e) => e.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await referent().get(`${V}/${id}`)).body.status).toBe("in_preselection");

    const again = await referent().post(`${V}/${id}/shortlist`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CONFLICT");
  });

  it("builds at the employer's number when the vacancy sets one", async () => {
    const list = await build(await vacancy({ shortlistCap: 5 }));
    expect(list.cap).toBe(5);
    expect(list.entries).toHaveLength(5);
  });

  it("adds and removes people by hand, keeping the reasons; refuses duplicates, unavailable people and going past the cap", async () => {
    const id = await vacancy({ shortlistCap: 3 });
    const list = await build(id);
    expect(list.entries).toHaveLength(3);
    const first = list.entries[0]!.candidateId;
    const extra = await person({ declaredProfiles: [{ title: "Cuoca" }], competences: ["Cucina"] });
    const unavailable = await person({ availability: "not_available" });
    const entries = `${V}/${id}/shortlist/entries`;

    const noReason = await referent().post(entries, { candidateId: extra });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe("VALIDATION_FAILED");
    expect(noReason.body.fields.map((f: { field: string }) => f.field)).toContain("reason");
    const unknownKey = await referent().post(entries, { candidateId: extra, reason: "Segnalata dal tutor", score: 99 });
    expect(unknownKey.status).toBe(400);

    const full = await referent().post(entries, { candidateId: extra, reason: "Segnalata dal tutor AdR" });
    expect(full.status).toBe(409);
    expect(full.body.message).toContain("tetto per questa offerta è 3");

    const removed = await referent().post(`${entries}/${first}/remove`, { reason: "Ha già un colloquio con un'altra azienda" });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.counts.onList).toBe(2);
    const removedAgain = await referent().post(`${entries}/${first}/remove`, { reason: "di nuovo" });
    expect(removedAgain.status).toBe(409);

    const added = await referent().post(entries, { candidateId: extra, reason: "Segnalata dal tutor AdR" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const manual = (added.body.entries as Entry[]).find((e) => e.candidateId === extra)!;
    expect(manual).toMatchObject({ source: "manual", reason: "Segnalata dal tutor AdR", score: null, contactStatus: "to_contact" });

    const duplicate = await referent().post(entries, { candidateId: extra, reason: "ancora" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toContain("già nella rosa");
    const notAvailable = await referent().post(entries, { candidateId: unavailable, reason: "Proposta dal tutor" });
    expect(notAvailable.status).toBe(409);
    expect(notAvailable.body.message).toContain("non è disponibile");
    expect(notAvailable.body.fields).toEqual([{ field: "candidateId", message: "Disponibilità: Non disponibile" }]);
    const missing = await referent().post(entries, { candidateId: "inesistente", reason: "Proposta dal tutor" });
    expect(missing.status).toBe(404);

    const read = await referent().get(`${V}/${id}/shortlist`);
    expect(read.status).toBe(200);
    expect(read.body.entries).toHaveLength(4);
    const flagged = (read.body.entries as Entry[]).find((e) => e.candidateId === first)!;
    expect(flagged).toMatchObject({ removed: true, removedReason: "Ha già un colloquio con un'altra azienda" });
    expect(read.body.counts).toMatchObject({ onList: 3, removed: 1 });
    const types = (read.body.history as { type: string; reason: string | null }[]).map((e) => `${e.type}:${e.reason ?? ""}`);
    expect(types).toContain("entry_removed:Ha già un colloquio con un'altra azienda");
    expect(types).toContain("entry_added:Segnalata dal tutor AdR");
  });

  it("records each contact along its table: an answer, a retry, another answer", async () => {
    const id = await vacancy({ shortlistCap: 4 });
    const [a, b] = (await build(id)).entries.map((e) => e.candidateId) as [string, string];

    const ok = await contact(id, a, "available", "Confermata al telefono");
    expect(ok.status).toBe(200);
    expect((ok.body.entries as Entry[]).find((e) => e.candidateId === a)).toMatchObject({ contactStatus: "available", contactStatusLabel: "Disponibile" });
    const jump = await contact(id, a, "unreachable");
    expect(jump.status).toBe(409);
    expect(jump.body.code).toBe("INVALID_TRANSITION");
    expect(jump.body.message).toContain("Da contattare");
    expect((await contact(id, a, "to_contact", "Ci ha ripensato, richiamare")).status).toBe(200);
    expect((await contact(id, a, "unreachable")).status).toBe(200);
    expect((await contact(id, b, "not_available", "Ha trovato lavoro")).status).toBe(200);
    const bad = await contact(id, b, "forse");
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe("status");

    const history = (await referent().get(`${V}/${id}/shortlist/history`)).body as { type: string; candidateId: string; from: string; to: string; toLabel: string; reason: string | null; byUserName: string }[];
    const contacts = history.filter((e) => e.type === "contact" && e.candidateId === a);
    expect(contacts.map((e) => `${e.from}→${e.to}`)).toEqual(["to_contact→available", "available→to_contact", "to_contact→unreachable"]);
    expect(contacts[0]).toMatchObject({ reason: "Confermata al telefono", toLabel: "Disponibile", byUserName: "Referente Torino" });
  });

  it("sends only the people who confirmed, sets the outcome check at +15 days and the vacancy to list sent", async () => {
    const id = await vacancy({ shortlistCap: 4 });
    const ids = (await build(id)).entries.map((e) => e.candidateId);
    const none = await referent().post(`${V}/${id}/shortlist/send`, {});
    expect(none.status).toBe(409);
    expect(none.body.message).toContain("disponibilità");

    await contact(id, ids[0]!, "available");
    await contact(id, ids[1]!, "available");
    await contact(id, ids[2]!, "not_available");
    await contact(id, ids[3]!, "unreachable");
    const sent = await referent().post(`${V}/${id}/shortlist/send`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.status).toBe("sent");
    const sentAt = new Date(sent.body.sentAt);
    expect(Math.abs(sentAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(sent.body.outcomeCheckDue).toBe(new Date(sentAt.getTime() + 15 * 86_400_000).toISOString().slice(0, 10));
    expect(sent.body.sentById).toBeTruthy();
    const sentIds = (sent.body.entries as Entry[]).filter((e) => e.sentToEmployer).map((e) => e.candidateId);
    expect(sentIds.sort()).toEqual([ids[0], ids[1]].sort());
    expect((await referent().get(`${V}/${id}`)).body.status).toBe("list_sent");

    expect((await referent().post(`${V}/${id}/shortlist/send`, {})).status).toBe(409);
    const extraField = await referent().post(`${V}/${id}/shortlist/send`, { cap: 30 });
    expect(extraField.status).toBe(400);
    expect(extraField.body.code).toBe("VALIDATION_FAILED");
    const late = await referent().post(`${V}/${id}/shortlist/entries`, { candidateId: pool[19], reason: "dopo l'invio" });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain("già stata inviata");
  });

  it("never sends more than the cap: lowering it after the build makes the referent narrow the list first", async () => {
    const id = await vacancy({ shortlistCap: 3 });
    const ids = (await build(id)).entries.map((e) => e.candidateId);
    for (const c of ids) await contact(id, c, "available");
    expect((await referent().patch(`${V}/${id}`, { shortlistCap: 2 })).status).toBe(200);
    const over = await referent().post(`${V}/${id}/shortlist/send`, {});
    expect(over.status).toBe(409);
    expect(over.body.message).toContain("tetto di 2");
    expect((await referent().get(`${V}/${id}`)).body.status).toBe("in_preselection");

    await referent().post(`${V}/${id}/shortlist/entries/${ids[2]}/remove`, { reason: "Richiesta l'azienda di ridurre a 2" });
    const sent = await referent().post(`${V}/${id}/shortlist/send`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.cap).toBe(2);
    expect((sent.body.entries as Entry[]).filter((e) => e.sentToEmployer)).toHaveLength(2);
  });

  it("shows the employer only the people sent to it, their contacts only with consent, and records each read", async () => {
    const { id, sent, unsent } = await sentList(4, 3);
    const employer = h.as(h.p.employer);
    const res = await employer.get(`${V}/${id}/shortlist`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entries = res.body.entries as { candidateId: string; contact: Record<string, unknown>; outcomeLabel: string }[];
    expect(entries.map((e) => e.candidateId).sort()).toEqual([...sent].sort());
    const text = JSON.stringify(res.body);
    for (const hidden of ["score", "reasons", "contactStatus", "history", "removedReason"]) expect(text).not.toContain(`"${hidden}"`);

    const people = await h.t.ctx.db.candidate.findMany({ where: { id: { in: sent } } });
    for (const p of people) {
      const e = entries.find((x) => x.candidateId === p.id)!;
      if (p.shareContactsConsent) {
        expect(e.contact).toMatchObject({ via: "candidate", email: p.email, phone: p.phone });
      } else {
        expect(e.contact).toMatchObject({ via: "cpi_referent", name: "Anna Bianchi", email: "anna.bianchi@cpi.example.it" });
        expect(text).not.toContain(p.email!);
        expect(text).not.toContain(p.phone!);
      }
      expect(e.outcomeLabel).toBe("In attesa di esito");
    }
    expect(people.some((p) => p.shareContactsConsent) && people.some((p) => !p.shareContactsConsent)).toBe(true);

    const employerUser = await h.t.ctx.db.user.findFirstOrThrow({ where: { employerId: h.p.employerId } });
    const reads = await h.t.ctx.db.auditLog.findMany({ where: { userId: employerUser.id, action: "read", entityType: "candidate", entityId: { in: [...sent, ...unsent] } } });
    expect(reads.map((r) => r.entityId).sort()).toEqual([...sent].sort());
    expect(reads[0]!.route).toBe("GET /vacancies/:id/shortlist");

    expect((await h.as(h.p.otherEmployer).get(`${V}/${id}/shortlist`)).status).toBe(403);
    expect((await employer.get(`${V}/${id}/shortlist/history`)).status).toBe(403);
    const draftOnly = await vacancy({ shortlistCap: 2 });
    await build(draftOnly);
    expect((await employer.get(`${V}/${draftOnly}/shortlist`)).status).toBe(404);
  });

  it("takes outcomes from the referent and the owning employer along the table; a hired person becomes employed and leaves the matches", async () => {
    const { id, sent, unsent } = await sentList(4, 3);
    const [a, b, c] = sent as [string, string, string];
    const employer = h.as(h.p.employer);
    const outcome = (as: ReturnType<typeof h.as>, who: string, value: string, note?: string) =>
      as.post(`${V}/${id}/shortlist/entries/${who}/outcome`, note ? { outcome: value, note } : { outcome: value });

    const direct = await outcome(employer, a, "hired");
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe("INVALID_TRANSITION");
    expect((await outcome(employer, a, "interviewed", "Colloquio del 3 novembre")).status).toBe(200);
    const hired = await outcome(employer, a, "hired");
    expect(hired.status, JSON.stringify(hired.body)).toBe(200);
    expect(hired.body).toMatchObject({ outcome: "hired", outcomeLabel: "Assunta/o", availability: "employed" });
    expect((await outcome(referent(), a, "interviewed")).status).toBe(409);

    expect((await outcome(referent(), b, "not_selected", "Profilo junior")).status).toBe(200);
    expect((await outcome(referent(), c, "no_show")).status).toBe(200);
    expect((await outcome(referent(), c, "interviewed")).status).toBe(409);
    expect((await outcome(referent(), unsent[0]!, "interviewed")).status).toBe(409);
    expect((await outcome(h.as(h.p.otherEmployer), b, "hired")).status).toBe(403);
    expect((await outcome(h.as(h.p.otherReferent), b, "hired")).status).toBe(403);
    expect((await outcome(referent(), b, "assunto")).status).toBe(400);

    expect((await referent().get(`/api/v1/candidates/${a}`)).body.availability).toBe("employed");
    const employed = await referent().get(`/api/v1/candidates?availability=employed&pageSize=100`);
    expect(JSON.stringify(employed.body)).toContain(a);
    const other = await findVacancy(h.t.ctx.db, await vacancy());
    const ranked = (await rankCandidatesForVacancy(h.t.ctx, other, { limit: 100 })).map((m) => m.candidateId);
    expect(ranked).toContain(c);
    expect(ranked).not.toContain(a);

    const seen = (await employer.get(`${V}/${id}/shortlist`)).body.entries as { candidateId: string; outcome: string }[];
    expect(seen.find((e) => e.candidateId === b)!.outcome).toBe("not_selected");

    // Outcomes arrive late: still recorded once the vacancy is filled.
    expect((await referent().post(`${V}/${id}/close`, { outcome: "filled" })).status).toBe(200);
    expect((await outcome(employer, b, "hired", "La prima scelta era già assunta")).status).toBe(200);
  });

  it("keeps the history of who changed what, across the lists of the vacancy, and replaces a turned-down list", async () => {
    const { id } = await sentList(3, 2);
    expect((await referent().post(`${V}/${id}/status`, { to: "in_preselection", reason: "L'azienda ha scartato la rosa" })).status).toBe(200);
    const second = await build(id);
    expect(second.status).toBe("draft");

    const history = (await referent().get(`${V}/${id}/shortlist/history`)).body as { shortlistId: string; type: string; typeLabel: string; to: string | null; reason: string | null; byUserId: string; byUserName: string }[];
    const types = history.map((e) => e.type);
    for (const t of ["created", "entry_added", "contact", "sent", "entry_sent", "closed"]) expect(types).toContain(t);
    const closed = history.find((e) => e.type === "closed")!;
    expect(closed).toMatchObject({ to: "closed", typeLabel: "Rosa chiusa", reason: "Sostituita da una nuova rosa", byUserName: "Referente Torino" });
    expect(new Set(history.map((e) => e.shortlistId)).size).toBe(2);
    expect(history.every((e) => e.byUserId && e.byUserName)).toBe(true);

    const current = await referent().get(`${V}/${id}/shortlist`);
    expect(current.body.id).toBe(second.id);
    const employerView = await h.as(h.p.employer).get(`${V}/${id}/shortlist`);
    expect(employerView.body).toMatchObject({ status: "closed", statusLabel: "Chiusa" });
  });

  it("lets only the vacancy's CPI work on its list: other referents get 403, tutors and navigators read only", async () => {
    const id = await vacancy({ shortlistCap: 2 });
    const other = h.as(h.p.otherReferent);
    expect((await other.post(`${V}/${id}/shortlist`, {})).status).toBe(403);
    const list = await build(id);
    const who = list.entries[0]!.candidateId;
    expect((await other.get(`${V}/${id}/shortlist`)).status).toBe(403);
    expect((await other.get(`${V}/${id}/shortlist/history`)).status).toBe(403);
    expect((await other.post(`${V}/${id}/shortlist/entries/${who}/contact`, { status: "available" })).status).toBe(403);
    expect((await other.post(`${V}/${id}/shortlist/send`, {})).status).toBe(403);

    for (const token of [h.p.tutor, h.p.navigator]) {
      const as = h.as(token);
      const read = await as.get(`${V}/${id}/shortlist`);
      expect(read.status).toBe(200);
      expect(read.body.entries[0].email).toBeDefined();
      expect((await as.get(`${V}/${id}/shortlist/history`)).status).toBe(200);
      expect((await as.post(`${V}/${id}/shortlist/entries/${who}/contact`, { status: "available" })).status).toBe(403);
      expect((await as.post(`${V}/${id}/shortlist/entries/${who}/remove`, { reason: "prova" })).status).toBe(403);
    }
    expect((await h.as(h.p.employer).post(`${V}/${id}/shortlist/send`, {})).status).toBe(403);
    expect((await h.as(h.p.admin).post(`${V}/${id}/shortlist/entries/${who}/contact`, { status: "available" })).status).toBe(200);
  });

  it("closes the lists of a closed vacancy and refuses further changes", async () => {
    const id = await vacancy({ shortlistCap: 2 });
    const who = (await build(id)).entries[0]!.candidateId;
    expect((await referent().post(`${V}/${id}/close`, { outcome: "cancelled", reason: "Posizione soppressa" })).status).toBe(200);
    const refused = await contact(id, who, "available");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("chiusa");
    expect((await referent().post(`${V}/${id}/shortlist`, {})).status).toBe(409);
    // Closing the vacancy closed its list already: closing again changes nothing.
    const read = await referent().get(`${V}/${id}/shortlist`);
    expect(read.body.status).toBe("closed");
    expect(await h.t.ctx.db.$transaction((tx) => closeShortlistsOfVacancy({ ctx: h.t.ctx, tx, actor: null, route: "test" }, id, "Offerta annullata"))).toBe(0);
  });
});
