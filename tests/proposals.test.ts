import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, CPI_MILANO, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { TORINO } from "./helpers/valid-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { readEventsOf } from "../src/events/read-events.js";
import { createUser } from "../src/users/create-user.js";

const V = "/api/v1/vacancies";
const P = "/api/v1/proposals";

interface ProposalBody {
  id: string;
  status: string;
  statusLabel: string;
  candidate: { id: string; name: string; cpi: { code: string } };
  proposedBy: { id: string; name: string };
  decidedBy: { id: string; name: string } | null;
  declineReason: string | null;
  declineReasonLabel: string | null;
  declineNote: string | null;
  history: { from: string | null; to: string; toLabel: string; reason: string | null; reasonLabel: string | null; note: string | null; byUserName: string }[];
}

describe("proposals (segnalazioni)", () => {
  const h = useTestApp();
  const referent = () => h.as(h.p.referent);
  const tokens = { milanoTutor: "", secondReferent: "" };
  const users = { referent: "", milanoTutor: "", secondReferent: "" };
  let seq = 0;

  /** A person of the CPI, living in Torino; a cook unless told otherwise, so the warehouse matching leaves them out. */
  async function person(cpiCode: string, overrides: Record<string, unknown> = {}): Promise<string> {
    seq += 1;
    const res = await h.as(h.p.admin).post(
      "/api/v1/candidates",
      candidateBody(mariaRossiTaxCode(1500 + seq), {
        cpiCode,
        domicileIstatCode: TORINO,
        email: `segnalata.${seq}@example.it`,
        phone: `+39 333 555 ${String(seq).padStart(4, "0")}`,
        declaredProfiles: [{ title: "Cuoca" }],
        competences: ["Cucina"],
        ...overrides,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function vacancy(overrides: Record<string, unknown> = {}, withList = true): Promise<string> {
    const res = await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", employerId: h.p.employerId, ...overrides }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (withList) expect((await referent().post(`${V}/${res.body.id}/shortlist`, {})).status).toBe(201);
    return res.body.id as string;
  }

  const propose = (token: string, vacancyId: string, candidateId: string, note = "Segue un corso HACCP, molto motivata") =>
    h.as(token).post(`${V}/${vacancyId}/proposals`, { candidateId, note });

  beforeAll(async () => {
    users.referent = (await h.t.ctx.db.user.findUniqueOrThrow({ where: { email: "referente.torino@example.it" } })).id;
    const tutor = await createUser(h.t.ctx.db, { name: "Giulia Tutor Milano", email: "giulia.tutor@cpi-milano.example.it", role: "tutor", cpiCodes: [CPI_MILANO] });
    [tokens.milanoTutor, users.milanoTutor] = [tutor.token, tutor.user.id];
    const second = await createUser(h.t.ctx.db, { name: "Carla Seconda", email: "carla.seconda@cpi-torino.example.it", role: "referent", cpiCodes: [CPI_TORINO] });
    [tokens.secondReferent, users.secondReferent] = [second.token, second.user.id];
  });

  it("goes from a tutor of another CPI to the vacancy's referent, who accepts it onto the list; the tutor sees the decision", async () => {
    const id = await vacancy();
    const milanese = await person(CPI_MILANO, { tutorId: users.milanoTutor });

    const created = await propose(tokens.milanoTutor, id, milanese);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const proposal = created.body as ProposalBody;
    expect(proposal).toMatchObject({
      status: "in_attesa",
      statusLabel: "In attesa del referente",
      candidate: { id: milanese, cpi: { code: CPI_MILANO } },
      proposedBy: { id: users.milanoTutor, name: "Giulia Tutor Milano" },
      decidedBy: null,
    });
    expect(proposal.history).toEqual([expect.objectContaining({ from: null, to: "in_attesa", note: "Segue un corso HACCP, molto motivata", byUserName: "Giulia Tutor Milano" })]);
    const again = await propose(tokens.milanoTutor, id, milanese, "Ci riprovo");
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CONFLICT");

    // The referent's queue, and the vacancy's proposals as each reader may see them.
    const queue = await referent().get(`${P}?status=in_attesa`);
    expect((queue.body.items as ProposalBody[]).map((p) => p.id)).toContain(proposal.id);
    expect(((await h.as(h.p.otherReferent).get(`${P}?status=in_attesa`)).body.items as ProposalBody[]).map((p) => p.id)).not.toContain(proposal.id);
    expect(((await h.as(h.p.tutor).get(`${V}/${id}/proposals`)).body.items as ProposalBody[]).map((p) => p.id)).toEqual([proposal.id]);
    expect((await h.as(h.p.employer).get(`${V}/${id}/proposals`)).status).toBe(403);
    expect((await h.as(h.p.employer).get(`${P}/${proposal.id}`)).status).toBe(403);

    const accepted = await referent().post(`${P}/${proposal.id}/accept`, { note: "Colloquio conoscitivo fissato" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: "accettata", decidedBy: { id: users.referent, name: "Referente Torino" } });

    const list = await referent().get(`${V}/${id}/shortlist`);
    const entry = (list.body.entries as { candidateId: string; source: string; sourceLabel: string; proposalId: string; reason: string; email?: string; tutor: { name: string } }[]).find((e) => e.candidateId === milanese)!;
    expect(entry).toMatchObject({
      source: "proposal",
      sourceLabel: "Segnalazione accettata",
      proposalId: proposal.id,
      reason: "Segnalazione di Giulia Tutor Milano: Segue un corso HACCP, molto motivata",
      email: await emailOf(milanese),
      tutor: { name: "Giulia Tutor Milano" },
    });
    expect((await referent().get(`/api/v1/candidates/${milanese}`)).status).toBe(200);

    const mine = await h.as(tokens.milanoTutor).get(`${P}?mine=true`);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: proposal.id, status: "accettata", statusLabel: "Accettata: la persona è nella rosa" })]);
    const events = await readEventsOf(h.t.ctx.db, "proposal", proposal.id);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ["proposal.created", { vacancyId: id, candidateId: milanese, proposedById: users.milanoTutor }],
      ["proposal.decided", { vacancyId: id, candidateId: milanese, proposedById: users.milanoTutor, to: "accettata", reason: null }],
    ]);
    const twice = await referent().post(`${P}/${proposal.id}/accept`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("INVALID_TRANSITION");
  });

  const emailOf = async (id: string) => (await h.t.ctx.db.candidate.findUniqueOrThrow({ where: { id } })).email!;

  it("is declined by the vacancy's referent with a reason from the list, typed as a label; the proposer reads why", async () => {
    const id = await vacancy();
    const torinese = await person(CPI_TORINO);
    const { id: proposalId } = (await propose(h.p.tutor, id, torinese)).body as ProposalBody;
    for (const token of [h.p.tutor, h.p.otherReferent, tokens.secondReferent, h.p.employer]) {
      expect((await h.as(token).post(`${P}/${proposalId}/decline`, { reason: "rosa_completa" })).status).toBe(403);
    }
    const bare = await referent().post(`${P}/${proposalId}/decline`, { reason: "altro" });
    expect(bare.status).toBe(400);
    expect(bare.body.fields.map((f: { field: string }) => f.field)).toEqual(["note"]);
    const unknown = await referent().post(`${P}/${proposalId}/decline`, { reason: "antipatia" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0].message).toContain("profilo_non_coerente");

    const declined = await referent().post(`${P}/${proposalId}/decline`, { reason: "Rosa già completa", note: "Riproporre per la prossima offerta" });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    const read = (await h.as(h.p.tutor).get(`${P}/${proposalId}`)).body as ProposalBody;
    expect(read).toMatchObject({
      status: "rifiutata",
      declineReason: "rosa_completa",
      declineReasonLabel: "Rosa già completa",
      declineNote: "Riproporre per la prossima offerta",
      decidedBy: { name: "Referente Torino" },
    });
    expect(read.history.map((x) => [x.from, x.to, x.reason, x.reasonLabel, x.byUserName])).toEqual([
      [null, "in_attesa", null, null, "Tutor Torino"],
      ["in_attesa", "rifiutata", "rosa_completa", "Rosa già completa", "Referente Torino"],
    ]);
    expect((await readEventsOf(h.t.ctx.db, "proposal", proposalId)).at(-1)).toMatchObject({ type: "proposal.decided", payload: { to: "rifiutata", reason: "rosa_completa" } });
    expect((await referent().post(`${P}/${proposalId}/accept`, {})).status).toBe(409);
  });

  it("is withdrawn by its proposer only, while it waits, without a decision event", async () => {
    const id = await vacancy();
    const torinese = await person(CPI_TORINO);
    const { id: proposalId } = (await propose(h.p.navigator, id, torinese)).body as ProposalBody;
    expect((await h.as(h.p.tutor).post(`${P}/${proposalId}/withdraw`, {})).status).toBe(403);
    const withdrawn = await h.as(h.p.navigator).post(`${P}/${proposalId}/withdraw`, { note: "Ha trovato lavoro da sola" });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: "ritirata", decidedBy: null });
    expect((await readEventsOf(h.t.ctx.db, "proposal", proposalId)).map((e) => e.type)).toEqual(["proposal.created"]);
    const accept = await referent().post(`${P}/${proposalId}/accept`, {});
    expect(accept.status).toBe(409);
    expect(accept.body.message).toContain("Ritirata");
    // One per person and vacancy, whatever became of the first.
    expect((await propose(h.p.navigator, id, torinese)).status).toBe(409);
  });

  it("is refused to anyone but tutors and navigators following the person, for vacancies no longer open, for people unavailable or listed", async () => {
    const id = await vacancy({}, false);
    const torinese = await person(CPI_TORINO);
    const milanese = await person(CPI_MILANO);
    for (const token of [h.p.referent, h.p.admin, h.p.employer]) expect((await propose(token, id, torinese)).status).toBe(403);
    const notFollowed = await propose(h.p.tutor, id, milanese);
    expect(notFollowed.status).toBe(403);
    expect(notFollowed.body.message).toContain("persone seguite");
    expect((await h.as(h.p.tutor).post(`${V}/${id}/proposals`, { candidateId: torinese })).status).toBe(400);
    expect((await propose(h.p.tutor, id, "inesistente")).status).toBe(404);
    expect((await propose(h.p.tutor, id, await person(CPI_TORINO, { availability: "not_available" }))).status).toBe(409);

    // Proposed while open, accepted once the list exists; then a vacancy whose list is out, and a closed one.
    const waiting = (await propose(h.p.tutor, id, torinese)).body as ProposalBody;
    const noList = await referent().post(`${P}/${waiting.id}/accept`, {});
    expect(noList.status).toBe(409);
    expect(noList.body.message).toContain("costruirla");
    await person(CPI_TORINO, { declaredProfiles: [{ title: "Magazziniere" }], competences: ["Conduzione carrelli elevatori"] });
    const listed = await vacancy({ shortlistCap: 1 });
    const onList = (await referent().get(`${V}/${listed}/shortlist`)).body.entries[0].candidateId as string;
    expect((await propose(h.p.tutor, listed, onList)).status).toBe(409);

    await referent().post(`${V}/${listed}/shortlist/entries/${onList}/contact`, { status: "available" });
    expect((await referent().post(`${V}/${listed}/shortlist/send`, {})).status).toBe(200);
    const sent = await propose(h.p.tutor, listed, torinese);
    expect(sent.status).toBe(409);
    expect(sent.body).toMatchObject({ code: "VACANCY_CLOSED", message: expect.stringContaining("Rosa inviata") });
    const closed = await vacancy({}, false);
    await referent().post(`${V}/${closed}/close`, { outcome: "cancelled" });
    const late = await propose(h.p.tutor, closed, torinese);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("VACANCY_CLOSED");
  });

  it("puts an excluded person on the list only with the referent's confirmed exception, and within the cap", async () => {
    const id = await vacancy({ shortlistCap: 20 });
    const unlicensed = await person(CPI_MILANO, { tutorId: users.milanoTutor, drivingLicences: [] });
    const { id: proposalId } = (await propose(tokens.milanoTutor, id, unlicensed)).body as ProposalBody;
    const refused = await referent().post(`${P}/${proposalId}/accept`, {});
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "EXCLUDED_NEEDS_CONFIRMATION", fields: [{ field: "confirmException", message: "Manca la patente richiesta: B" }] });
    expect(((await referent().get(`${P}/${proposalId}`)).body as ProposalBody).status).toBe("in_attesa");
    const accepted = await referent().post(`${P}/${proposalId}/accept`, { confirmException: true, exceptionReason: "La patente serve solo per le consegne, non per questo turno" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const entry = ((await referent().get(`${V}/${id}/shortlist`)).body.entries as { candidateId: string; source: string; exception: unknown }[]).find((e) => e.candidateId === unlicensed)!;
    expect(entry).toMatchObject({ source: "proposal", exception: { exclusions: [{ code: "missing_licence" }], reason: "La patente serve solo per le consegne, non per questo turno" } });

    await person(CPI_TORINO, { declaredProfiles: [{ title: "Magazziniere" }], competences: ["Conduzione carrelli elevatori"] });
    const full = await vacancy({ shortlistCap: 1 });
    expect((await referent().get(`${V}/${full}/shortlist`)).body.counts.onList).toBe(1);
    const other = await person(CPI_MILANO, { tutorId: users.milanoTutor });
    const pending = (await propose(tokens.milanoTutor, full, other)).body as ProposalBody;
    const overCap = await referent().post(`${P}/${pending.id}/accept`, {});
    expect(overCap.status).toBe(409);
    expect(overCap.body.message).toContain("tetto");
    expect(((await referent().get(`${P}/${pending.id}`)).body as ProposalBody).status).toBe("in_attesa");
  });

  it("goes to the queue of whoever refers the vacancy, and is declined as «offerta chiusa» when the vacancy closes", async () => {
    const id = await vacancy({}, false);
    expect((await referent().post(`${V}/${id}/referent`, { referentUserId: users.secondReferent, reason: "Cambio di turno" })).status).toBe(200);
    const torinese = await person(CPI_TORINO);
    const { id: proposalId } = (await propose(h.p.tutor, id, torinese)).body as ProposalBody;
    const queueOf = async (token: string) => ((await h.as(token).get(`${P}?status=${encodeURIComponent("In attesa del referente")}&pageSize=100`)).body.items as ProposalBody[]).map((p) => p.id);
    expect(await queueOf(tokens.secondReferent)).toContain(proposalId);
    expect(await queueOf(h.p.referent)).not.toContain(proposalId);
    expect(await queueOf(h.p.admin)).toContain(proposalId);
    // The former referent no longer decides; the new one would.
    expect((await referent().post(`${P}/${proposalId}/decline`, { reason: "rosa_completa" })).status).toBe(403);

    expect((await h.as(tokens.secondReferent).post(`${V}/${id}/close`, { outcome: "cancelled", reason: "L'azienda ha chiuso la ricerca" })).status).toBe(200);
    const read = (await h.as(h.p.tutor).get(`${P}/${proposalId}`)).body as ProposalBody;
    expect(read).toMatchObject({ status: "rifiutata", declineReason: "offerta_chiusa", declineReasonLabel: "Offerta chiusa", decidedBy: { name: "Carla Seconda" } });
  });
});
