import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { readEventsOf } from "../src/events/read-events.js";

const V = "/api/v1/vacancies";

// A CPI that checks outcomes within 10 days rather than the 15 of Umbria E2.
describe("the employer's answer to a list: turned down, or positions filled", () => {
  const h = useTestApp({ DEADLINE_OUTCOME_CHECK_DAYS: "10" });
  const referent = () => h.as(h.p.referent);
  const employer = () => h.as(h.p.employer);

  beforeAll(async () => {
    for (let i = 0; i < 8; i++) {
      const res = await referent().post(
        "/api/v1/candidates",
        candidateBody(mariaRossiTaxCode(1300 + i), {
          email: `risposta.${i}@example.it`,
          declaredProfiles: [{ title: "Magazziniere" }],
          competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
        }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  /** A vacancy of the employer whose list went out with `available` people confirmed. */
  async function sentList(positions: number, available: number): Promise<{ id: string; sent: string[]; body: Record<string, unknown> }> {
    const v = await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", employerId: h.p.employerId, positions, shortlistCap: available }));
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    const built = await referent().post(`${V}/${v.body.id}/shortlist`, {});
    const ids = (built.body.entries as { candidateId: string }[]).map((e) => e.candidateId).slice(0, available);
    expect(ids).toHaveLength(available);
    for (const c of ids) expect((await referent().post(`${V}/${v.body.id}/shortlist/entries/${c}/contact`, { status: "available" })).status).toBe(200);
    const sent = await referent().post(`${V}/${v.body.id}/shortlist/send`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return { id: v.body.id as string, sent: ids, body: sent.body };
  }

  it("sets the outcome check at the configured number of days after sending", async () => {
    const { body } = await sentList(1, 1);
    const sentAt = new Date(body.sentAt as string);
    expect(body.outcomeCheckDue).toBe(new Date(sentAt.getTime() + 10 * 86_400_000).toISOString().slice(0, 10));
  });

  it("lets the owning employer turn the list down: it closes as declined, the vacancy goes back to preselection, the history shows it", async () => {
    const { id } = await sentList(2, 2);
    expect((await h.as(h.p.otherEmployer).post(`${V}/${id}/shortlist/decline`, { reason: "Non è nostra" })).status).toBe(403);
    expect((await h.as(h.p.tutor).post(`${V}/${id}/shortlist/decline`, { reason: "Prova" })).status).toBe(403);
    expect((await employer().post(`${V}/${id}/shortlist/decline`, {})).status).toBe(400);

    const res = await employer().post(`${V}/${id}/shortlist/decline`, { reason: "Profili troppo junior per il turno notturno" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: "closed",
      statusLabel: "Rifiutata dall'azienda",
      declinedReason: "Profili troppo junior per il turno notturno",
      vacancy: { id, status: "in_preselection", statusLabel: "In preselezione" },
    });

    const seen = await employer().get(`${V}/${id}/shortlist`);
    expect(seen.body).toMatchObject({ status: "closed", statusLabel: "Rifiutata dall'azienda" });
    const list = await referent().get(`${V}/${id}/shortlist`);
    expect(list.body).toMatchObject({ status: "closed", statusLabel: "Rifiutata dall'azienda", declinedReason: "Profili troppo junior per il turno notturno" });
    expect(new Date(list.body.declinedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const vacancyHistory = (await referent().get(`${V}/${id}/history`)).body as { type: string; from: string; to: string; reason: string; byUserName: string }[];
    expect(vacancyHistory.at(-1)).toMatchObject({ type: "status_changed", from: "list_sent", to: "in_preselection", reason: "Rosa rifiutata dall'azienda: Profili troppo junior per il turno notturno", byUserName: "HR Logistica" });
    const listHistory = (await referent().get(`${V}/${id}/shortlist/history`)).body as { type: string; from: string; to: string; reason: string; byUserName: string }[];
    expect(listHistory.at(-1)).toMatchObject({ type: "closed", from: "sent", to: "closed", reason: "Rifiutata dall'azienda: Profili troppo junior per il turno notturno", byUserName: "HR Logistica" });
    const events = await readEventsOf(h.t.ctx.db, "shortlist", list.body.id);
    expect(events.filter((e) => e.type === "shortlist.declined").map((e) => e.payload)).toEqual([{ vacancyId: id, reason: "Profili troppo junior per il turno notturno" }]);

    // Nothing left to turn down; the referent builds the next list.
    expect((await employer().post(`${V}/${id}/shortlist/decline`, { reason: "Di nuovo" })).status).toBe(409);
    const next = await referent().post(`${V}/${id}/shortlist`, {});
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.status).toBe("draft");
  });

  it("takes the decline from the referent on the employer's behalf; refuses a draft and a list with people hired", async () => {
    const draftOnly = await referent().post(V, vacancyBody({ profileTitle: "Magazziniere", employerId: h.p.employerId, shortlistCap: 1 }));
    await referent().post(`${V}/${draftOnly.body.id}/shortlist`, {});
    const draft = await referent().post(`${V}/${draftOnly.body.id}/shortlist/decline`, { reason: "Al telefono" });
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe("CONFLICT");

    const { id, sent } = await sentList(3, 2);
    await employer().post(`${V}/${id}/shortlist/entries/${sent[0]}/outcome`, { outcome: "interviewed" });
    expect((await employer().post(`${V}/${id}/shortlist/entries/${sent[0]}/outcome`, { outcome: "hired" })).status).toBe(200);
    const hired = await referent().post(`${V}/${id}/shortlist/decline`, { reason: "Al telefono" });
    expect(hired.status).toBe(409);
    expect(hired.body.message).toContain("assunto");

    const other = await sentList(1, 1);
    const onBehalf = await referent().post(`${V}/${other.id}/shortlist/decline`, { reason: "Comunicato al telefono dall'azienda" });
    expect(onBehalf.status, JSON.stringify(onBehalf.body)).toBe(200);
    expect(onBehalf.body.vacancy.status).toBe("in_preselection");
  });

  it("counts positions filled against positions asked, and fills the vacancy when the last one is", async () => {
    const { id, sent } = await sentList(2, 3);
    const hire = async (who: string) => {
      expect((await employer().post(`${V}/${id}/shortlist/entries/${who}/outcome`, { outcome: "interviewed" })).status).toBe(200);
      const res = await employer().post(`${V}/${id}/shortlist/entries/${who}/outcome`, { outcome: "hired" });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    expect((await referent().get(`${V}/${id}`)).body).toMatchObject({ positions: 2, positionsFilled: 0, status: "list_sent" });
    await hire(sent[0]!);
    expect((await referent().get(`${V}/${id}`)).body).toMatchObject({ positions: 2, positionsFilled: 1, status: "list_sent" });
    await hire(sent[1]!);
    const filled = (await referent().get(`${V}/${id}`)).body;
    expect(filled).toMatchObject({ positions: 2, positionsFilled: 2, status: "filled", statusLabel: "Coperta" });
    const history = (await referent().get(`${V}/${id}/history`)).body as { to: string; reason: string; byUserName: string }[];
    expect(history.at(-1)).toMatchObject({ to: "filled", reason: "Posizioni coperte: 2 su 2", byUserName: "HR Logistica" });
    expect((await employer().get(`${V}/${id}/shortlist`)).body.status).toBe("closed");
    // A late outcome is still recorded once the vacancy is filled.
    expect((await employer().post(`${V}/${id}/shortlist/entries/${sent[2]}/outcome`, { outcome: "not_selected" })).status).toBe(200);
    // A filled vacancy leaves the showcase; asked for, it shows how many positions were filled.
    const shown = async (query: string) => ((await referent().get(`${V}?q=Magazziniere&pageSize=100${query}`)).body.items as { id: string; positionsFilled: number }[]).find((v) => v.id === id);
    expect(await shown("")).toBeUndefined();
    expect((await shown("&includeClosed=true"))?.positionsFilled).toBe(2);
  });
});
