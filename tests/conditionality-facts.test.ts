import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Programme, ProgrammeEnrolment } from "../src/congrua/types.js";
import { decideFactEvent, type EarlierEvent, type FactInput } from "../src/conditionality/fact-rules.js";
import type { FactKind } from "../src/conditionality/conditionality-kinds.js";
import { dayOf } from "../src/deadlines/calendar-day.js";
import { CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { congruaFixtures } from "./helpers/congrua-offer-fixtures.js";

// ── The rule, as a table ─────────────────────────────────────────────────────────────────────────────

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const enrol = (programme: Programme, start: string, end: string | null = null): ProgrammeEnrolment => ({ programme, startDate: d(start), endDate: end ? d(end) : null, monthlyAmount: 900 });
const NASPI_2026 = [enrol("NASPI", "2026-03-01")];
const earlierOf = (kind: FactKind, n: number, programme: Programme = "NASPI"): EarlierEvent[] =>
  Array.from({ length: n }, (_, i) => ({ kind, programme, day: `2026-04-0${i + 1}` }));
const fact = (over: Partial<FactInput>): FactInput => ({ kind: "appuntamento_mancato", day: "2026-06-15", justifiedReason: null, enrolments: NASPI_2026, earlier: [], ...over });

describe("which recorded fact opens which conditionality event (CONGRUA.md, art. 21 D.Lgs. 150/2015)", () => {
  it.each<[string, Partial<FactInput>, string]>([
    ["1st missed appointment", {}, "Decurtazione di un quarto di una mensilità (1º appuntamento mancato registrato)"],
    ["2nd missed appointment", { earlier: earlierOf("appuntamento_mancato", 1) }, "Decurtazione di una mensilità (2º appuntamento mancato registrato)"],
    ["3rd missed appointment", { earlier: earlierOf("appuntamento_mancato", 2) }, "Decadenza dalla prestazione e dallo stato di disoccupazione (3º appuntamento mancato registrato)"],
    ["4th missed appointment", { earlier: earlierOf("appuntamento_mancato", 3) }, "Decadenza dalla prestazione e dallo stato di disoccupazione (4º appuntamento mancato registrato)"],
    ["1st missed active measure", { kind: "misura_attiva_mancata" }, "Decurtazione di una mensilità (1ª mancata partecipazione registrata)"],
    ["2nd missed active measure", { kind: "misura_attiva_mancata", earlier: earlierOf("misura_attiva_mancata", 1) }, "Decadenza dalla prestazione (2ª mancata partecipazione registrata)"],
    ["3rd missed active measure", { kind: "misura_attiva_mancata", earlier: earlierOf("misura_attiva_mancata", 2) }, "Decadenza dalla prestazione (3ª mancata partecipazione registrata)"],
  ])("NASpI, %s → %s", (_, over, sanction) => {
    const decision = decideFactEvent(fact(over));
    expect(decision).toEqual({ open: true, programme: "NASPI", ordinal: expect.any(Number), sanction, legalBasis: expect.stringContaining("art. 21 c. 7 D.Lgs. 150/2015"), toConfirm: false });
  });

  it("DIS-COLL follows the same ladder, reported under its own name", () => {
    expect(decideFactEvent(fact({ enrolments: [enrol("DISCOLL", "2026-01-01")] }))).toMatchObject({ open: true, programme: "DISCOLL", ordinal: 1 });
  });

  it("counts only earlier events of the same kind, under the same programme, within the same enrolment, up to the fact's day", () => {
    const earlier: EarlierEvent[] = [
      { kind: "misura_attiva_mancata", programme: "NASPI", day: "2026-04-01" },
      { kind: "appuntamento_mancato", programme: "DISCOLL", day: "2026-04-02" },
      { kind: "appuntamento_mancato", programme: "NASPI", day: "2025-11-03" }, // an earlier NASpI, ended
      { kind: "appuntamento_mancato", programme: "NASPI", day: "2026-07-01" }, // after this one
      { kind: "appuntamento_mancato", programme: "NASPI", day: "2026-05-20" }, // the one that counts
    ];
    const decision = decideFactEvent(fact({ enrolments: [enrol("NASPI", "2025-09-01", "2025-12-31"), ...NASPI_2026], earlier }));
    expect(decision).toMatchObject({ open: true, ordinal: 2, sanction: expect.stringMatching(/^Decurtazione di una mensilità/) });
  });

  it("a justified absence opens nothing and says which reason was recognised", () => {
    expect(decideFactEvent(fact({ justifiedReason: "malattia_infortunio", earlier: earlierOf("appuntamento_mancato", 2) }))).toEqual({
      open: false,
      reason: "Giustificato motivo riconosciuto: Malattia o infortunio. Fatto registrato, nessuna segnalazione",
    });
  });

  it.each<[string, ProgrammeEnrolment[], string]>([
    ["no benefit at all", [], "Il 15/06/2026 la persona non percepiva NASpI o DIS-COLL: per questo fatto CONGRUA.md prevede una sanzione solo per chi percepisce NASpI o DIS-COLL. Fatto registrato, nessuna segnalazione"],
    ["a NASpI that ended before the day", [enrol("NASPI", "2025-09-01", "2026-05-31")], "Il 15/06/2026 la persona non percepiva NASpI o DIS-COLL"],
    ["a NASpI that starts after the day", [enrol("NASPI", "2026-06-16")], "Il 15/06/2026 la persona non percepiva NASpI o DIS-COLL"],
    ["only the ADI and GOL", [enrol("ADI", "2026-01-01"), enrol("GOL", "2026-02-01")], "(in corso: Assegno di inclusione, GOL)"],
  ])("a person with %s → nothing, with the reason in Italian", (_, enrolments, reason) => {
    const decision = decideFactEvent(fact({ enrolments }));
    expect(decision.open).toBe(false);
    expect(decision.open === false && decision.reason).toContain(reason);
  });

  it("SFL: a missed 90-day confirmation is an event to report through SIISL, its consequence marked to confirm", () => {
    expect(decideFactEvent(fact({ kind: "conferma_sfl_mancata", enrolments: [enrol("SFL", "2026-01-01")] }))).toEqual({
      open: true,
      programme: "SFL",
      ordinal: 1,
      sanction: expect.stringContaining("piattaforma SIISL; conseguenza da confermare"),
      legalBasis: expect.stringContaining("D.L. 48/2023"),
      toConfirm: true,
    });
    const naspi = decideFactEvent(fact({ kind: "conferma_sfl_mancata" }));
    expect(naspi.open === false && naspi.reason).toContain("non percepiva Supporto per la formazione e il lavoro (in corso: NASpI)");
  });
});

// ── Over HTTP ────────────────────────────────────────────────────────────────────────────────────────

type CsvRow = Record<string, string>;
const readCsv = (text: string): CsvRow[] => parse(text, { delimiter: ";", bom: true, columns: true }) as CsvRow[];

describe("POST /candidates/:id/conditionality-events", () => {
  const h = useTestApp();
  const f = congruaFixtures(h, 4500);
  const referent = () => h.as(h.p.referent);
  const record = async (candidateId: string, body: Record<string, unknown>, token = h.p.referent) => {
    const res = await h.as(token).post(`/api/v1/candidates/${candidateId}/conditionality-events`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const torinoList = async () => (await referent().get(`/api/v1/conditionality-events?cpi=${CPI_TORINO}&pageSize=100`)).body.items as { id: string }[];

  it("missed appointments of a NASpI recipient escalate, each an event to report with conditionality.opened and an audit entry", async () => {
    const who = await f.person();
    const sanctions = [];
    for (const day of ["2026-04-10", "2026-05-12", "2026-06-15"]) {
      const event = await record(who, { kind: "appuntamento_mancato", occurredAt: day, note: "Convocazione via PEC del 02/04" });
      expect(event).toMatchObject({ kind: "appuntamento_mancato", kindLabel: "Mancata presentazione a un appuntamento o a una convocazione del CPI", toReport: true, programme: "NASPI", programmeLabel: "NASpI", congruaOfferId: null, offer: null });
      expect(event.fact).toMatchObject({ justifiedReason: null, notOpenedReason: null, note: "Convocazione via PEC del 02/04", recordedByName: "Referente Torino" });
      sanctions.push([event.ordinal, event.sanction]);
      expect(await h.t.ctx.db.domainEvent.count({ where: { type: "conditionality.opened", entityId: event.id } })).toBe(1);
    }
    expect(sanctions).toEqual([
      [1, "Decurtazione di un quarto di una mensilità (1º appuntamento mancato registrato)"],
      [2, "Decurtazione di una mensilità (2º appuntamento mancato registrato)"],
      [3, "Decadenza dalla prestazione e dallo stato di disoccupazione (3º appuntamento mancato registrato)"],
    ]);
    expect(await h.t.ctx.db.auditLog.count({ where: { entityType: "candidate", entityId: who, action: "update", route: "POST /candidates/:id/conditionality-events" } })).toBe(3);

    // A missed course is a separate ladder: its first costs one month.
    const measure = await record(who, { kind: "misura_attiva_mancata", occurredAt: "2026-06-15" });
    expect(measure).toMatchObject({ ordinal: 1, sanction: "Decurtazione di una mensilità (1ª mancata partecipazione registrata)" });
    // The same fact twice on one day is a repeated submission.
    const twice = await referent().post(`/api/v1/candidates/${who}/conditionality-events`, { kind: "misura_attiva_mancata", occurredAt: "2026-06-15" });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain("è già registrato per questa persona il 15/06/2026");
  });

  it("a justified absence, and one of a person without a benefit, are recorded but never reported", async () => {
    const who = await f.person();
    const justified = await record(who, { kind: "appuntamento_mancato", occurredAt: "2026-05-04", justified: { reason: "malattia_infortunio" } });
    expect(justified).toMatchObject({ toReport: false, programme: null, ordinal: null, sanction: null, fact: { justifiedReason: "malattia_infortunio", justifiedReasonLabel: "Malattia o infortunio" } });
    expect(justified.fact.notOpenedReason).toContain("Giustificato motivo riconosciuto");
    // The next unjustified one is still the first.
    expect(await record(who, { kind: "appuntamento_mancato", occurredAt: "2026-05-20" })).toMatchObject({ toReport: true, ordinal: 1 });

    const noBenefit = await f.person({ programmes: [] });
    const nothing = await record(noBenefit, { kind: "misura_attiva_mancata", occurredAt: "2026-05-04" });
    expect(nothing).toMatchObject({ toReport: false, programme: null });
    expect(nothing.fact.notOpenedReason).toMatch(/^Il 04\/05\/2026 la persona non percepiva NASpI o DIS-COLL/);

    expect(await h.t.ctx.db.domainEvent.count({ where: { type: "conditionality.opened", entityId: { in: [justified.id, nothing.id] } } })).toBe(0);
    const listed = (await torinoList()).map((e) => e.id);
    expect(listed).not.toContain(justified.id);
    expect(listed).not.toContain(nothing.id);

    // The person's record shows everything, latest first.
    const mine = await referent().get(`/api/v1/candidates/${who}/conditionality-events`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((e: { occurredAt: string; toReport: boolean }) => [e.occurredAt.slice(0, 10), e.toReport])).toEqual([
      ["2026-05-20", true],
      ["2026-05-04", false],
    ]);

    // Erasure is held only by what is to report: the benefit-less person goes, and their fact with them.
    expect((await referent().del(`/api/v1/candidates/${noBenefit}`)).status).toBe(204);
    expect(await h.t.ctx.db.conditionalityEvent.count({ where: { candidateId: noBenefit } })).toBe(0);
  });

  it("the events go into the CPI's export and CSV beside those of offers, and are reported with them", async () => {
    const who = await f.person({ programmes: [{ programme: "SFL", startDate: "2026-01-01", monthlyAmount: 500 }] });
    const sfl = await record(who, { kind: "conferma_sfl_mancata", occurredAt: "2026-06-01", note: "Nessuna conferma su SIISL" });
    expect(sfl).toMatchObject({ toReport: true, programme: "SFL", toConfirm: true });
    expect((await torinoList()).map((e) => e.id)).toContain(sfl.id);

    const created = await referent().post("/api/v1/conditionality-events/exports", { cpi: CPI_TORINO });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.eventIds).toContain(sfl.id);
    const csv = await referent().get(`/api/v1/conditionality-events/exports/${created.body.id}.csv`);
    expect(csv.status).toBe(200);
    const rows = readCsv(csv.text);
    const row = rows.find((r) => r["Id segnalazione"] === sfl.id);
    expect(row).toMatchObject({
      Nome: "Maria",
      Cognome: "Rossi",
      "Codice CPI": CPI_TORINO,
      Programma: "Supporto per la formazione e il lavoro",
      "Tipo evento": "Mancata conferma trimestrale della partecipazione (Supporto per la formazione e il lavoro)",
      "Data evento": "01/06/2026",
      "Profilo offerto": "",
      Azienda: "",
      Esito: "",
      Motivo: "Nessun giustificato motivo",
      "Sanzione prevista": expect.stringContaining("piattaforma SIISL"),
      "Regole di congruità": "",
      Note: "Conseguenza basata su valori da confermare (CONGRUA.md): verificare prima dell'invio · Nota dell'operatore: Nessuna conferma su SIISL",
    });
    // Only what is to report is exported: every row of the file is charged to a benefit.
    expect(rows.every((r) => r.Programma !== "")).toBe(true);
    expect((await referent().post(`/api/v1/conditionality-events/exports/${created.body.id}/reported`, {})).status).toBe(200);
    const mine = (await referent().get(`/api/v1/candidates/${who}/conditionality-events`)).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: sfl.id, exportId: created.body.id, reportedByName: "Referente Torino" })]);
  });

  it("who may record: admin, the CPI's referents, the tutor who follows the person; not others", async () => {
    const followed = await f.person({ tutorId: h.p.tutorId });
    expect(await record(followed, { kind: "appuntamento_mancato", occurredAt: "2026-05-04" }, h.p.tutor)).toMatchObject({ fact: { recordedByName: "Tutor Torino" } });
    expect(await record(followed, { kind: "appuntamento_mancato", occurredAt: "2026-05-05" }, h.p.admin)).toMatchObject({ ordinal: 2 });
    for (const token of [h.p.navigator, h.p.otherReferent, h.p.employer]) {
      const res = await h.as(token).post(`/api/v1/candidates/${followed}/conditionality-events`, { kind: "appuntamento_mancato", occurredAt: "2026-05-06" });
      expect(res.status, JSON.stringify(res.body)).toBe(403);
    }
  });

  it("is documented with its body schema", async () => {
    const doc = (await h.as(h.p.admin).get("/api/openapi.json")).body;
    const op = doc.paths["/api/v1/candidates/{id}/conditionality-events"].post;
    expect(op.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/ConditionalityFactCreate");
    expect(doc.components.schemas.ConditionalityFactCreate.properties.kind.enum).toEqual(["appuntamento_mancato", "misura_attiva_mancata", "conferma_sfl_mancata"]);
  });

  it("bad input is a 400 that names the field; an unknown person a 404", async () => {
    const who = await f.person();
    const tomorrow = new Date(Date.parse(`${dayOf(new Date())}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const [body, field] of [
      [{ kind: "appuntamento_mancato", occurredAt: tomorrow }, "occurredAt"],
      [{ kind: "ritardo", occurredAt: "2026-05-04" }, "kind"],
      [{ kind: "appuntamento_mancato", occurredAt: "2026-05-04", justified: { reason: "traffico" } }, "justified.reason"],
      [{ kind: "appuntamento_mancato", occurredAt: "2026-05-04", congruaOfferId: "x" }, "congruaOfferId"],
    ] as const) {
      const res = await referent().post(`/api/v1/candidates/${who}/conditionality-events`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.fields.map((x: { field: string }) => x.field)).toContain(field);
    }
    expect((await referent().post("/api/v1/candidates/nessuno/conditionality-events", { kind: "appuntamento_mancato", occurredAt: "2026-05-04" })).status).toBe(404);
  });
});
