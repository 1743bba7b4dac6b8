import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { evaluateCongrua } from "../src/congrua/evaluate-congrua.js";
import type { CongruaEvaluation, CongruaOffer, CongruaPerson, Programme, ProgrammeEnrolment } from "../src/congrua/types.js";
import type { OfferOutcome } from "../src/congrua-offers/congrua-offer-states.js";
import { decideConditionality, type EarlierOffer } from "../src/conditionality/conditionality-rules.js";
import { dayOf, italianDay } from "../src/deadlines/calendar-day.js";
import { CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { congruaFixtures } from "./helpers/congrua-offer-fixtures.js";

// ── The rule, on evaluations made by the real evaluator ──────────────────────────────────────────────

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const enrol = (programme: Programme, start: string, end: string | null = null): ProgrammeEnrolment => ({ programme, startDate: d(start), endDate: end ? d(end) : null, monthlyAmount: 900 });
const person = (programmes: ProgrammeEnrolment[], over: Partial<CongruaPerson> = {}): CongruaPerson => ({
  programmes,
  availabilityDeclaredAt: d("2019-01-15"),
  profileCoherence: "same_occupation",
  householdHasChildrenUnder14: false,
  householdHasDisabledMember: false,
  lastContractHoursPerWeek: 40,
  registeredL68: false,
  ...over,
});
const ALL_STATED = { title: true, duties: true, requirements: true, place: true, hours: true, contractType: true, duration: true, payOrCcnl: true };
/** Permanent, full time, 20 km away, € 2,000 gross with a CCNL: congrua under every rule set that can say so. */
const offerOn = (day: string, over: Partial<CongruaOffer> = {}): CongruaOffer => ({
  date: d(day),
  distanceKm: 20,
  travelMinutesByPublicTransport: null,
  contractType: "permanent",
  contractMonths: null,
  hoursPerWeek: 40,
  grossMonthlyPay: 2000,
  ccnl: "Commercio",
  states: ALL_STATED,
  ...over,
});
const evaluations = (p: CongruaPerson, o: CongruaOffer, offerNumber: number | null = null) => evaluateCongrua(p, o, offerNumber);
const earlier = (outcome: OfferOutcome, ...ruleSetIds: string[]): EarlierOffer => ({ outcome, congruaUnder: ruleSetIds });

function decide(outcome: OfferOutcome, evals: CongruaEvaluation[], otherOffers: EarlierOffer[] = [], registeredL68 = false) {
  return decideConditionality({ outcome, evaluations: evals, registeredL68, otherOffers });
}

const NASPI = "naspi-discoll-dm-2018";
const RDC19 = "rdc-dl-4-2019";
const RDC22 = "rdc-l-234-2021";

describe("which outcome opens which conditionality event (CONGRUA.md)", () => {
  const naspi = () => evaluations(person([enrol("NASPI", "2024-01-01")], { availabilityDeclaredAt: d("2024-01-01") }), offerOn("2024-03-01"));

  it("NASpI: an unjustified refusal of a congrua offer costs the benefit (art. 21 c. 7 D.Lgs. 150/2015)", () => {
    const evals = naspi();
    expect(evals.map((e) => e.verdict)).toEqual(["pass"]);
    expect(decide("rifiutata_senza_motivo", evals).open).toEqual([
      expect.objectContaining({ kind: "rifiuto_naspi", programme: "NASPI", ruleSetId: NASPI, sanction: "Decadenza dalla prestazione", legalBasis: expect.stringContaining("art. 21 c. 7 D.Lgs. 150/2015"), ordinal: 1 }),
    ]);
  });

  it("DIS-COLL shares the NASpI rules and is reported under its own name", () => {
    const evals = evaluations(person([enrol("DISCOLL", "2024-01-01")], { availabilityDeclaredAt: d("2024-01-01") }), offerOn("2024-03-01"));
    expect(decide("rifiutata_senza_motivo", evals).open).toEqual([expect.objectContaining({ kind: "rifiuto_naspi", programme: "DISCOLL" })]);
  });

  it.each([
    [0, "Decurtazione di un quarto di una mensilità (1ª mancata presentazione registrata)"],
    [1, "Decurtazione di una mensilità (2ª mancata presentazione registrata)"],
    [2, "Decadenza dalla prestazione e dallo stato di disoccupazione (3ª mancata presentazione registrata)"],
    [5, "Decadenza dalla prestazione e dallo stato di disoccupazione (6ª mancata presentazione registrata)"],
  ])("NASpI: a no-show after %i earlier ones → %s", (before, sanction) => {
    const others = Array.from({ length: before }, () => earlier("non_presentata", NASPI));
    expect(decide("non_presentata", naspi(), others).open).toEqual([expect.objectContaining({ kind: "mancata_presentazione_naspi", sanction, ordinal: before + 1 })]);
  });

  it("NASpI no-shows count only earlier no-shows at offers congrua under NASpI", () => {
    const others = [earlier("non_presentata"), earlier("rifiutata_senza_motivo", NASPI), earlier("non_presentata", RDC22), earlier("accettata", NASPI)];
    expect(decide("non_presentata", naspi(), others).open[0]?.ordinal).toBe(1);
  });

  it.each<[OfferOutcome, string]>([
    ["accettata", "Offerta accettata"],
    ["rifiutata_giustificata", "Rifiuto con giustificato motivo riconosciuto: nessuna sanzione"],
    ["in_attesa", "Offerta in attesa di risposta"],
  ])("%s opens nothing", (outcome, reason) => {
    expect(decide(outcome, naspi())).toEqual({ open: [], notOpened: [{ programme: "NASPI", ruleSetId: NASPI, reason }] });
  });

  it("an offer that is not congrua, or whose congruity is not shown, opens nothing, and says why", () => {
    const tooFar = evaluations(person([enrol("NASPI", "2024-01-01")], { availabilityDeclaredAt: d("2024-01-01") }), offerOn("2024-03-01", { distanceKm: 120 }));
    expect(tooFar[0]?.verdict).toBe("fail");
    const failed = decide("rifiutata_senza_motivo", tooFar);
    expect(failed.open).toEqual([]);
    expect(failed.notOpened[0]?.reason).toMatch(/^Offerta non congrua secondo «NASpI/);

    const noPay = evaluations(person([enrol("NASPI", "2024-01-01")], { availabilityDeclaredAt: d("2024-01-01") }), offerOn("2024-03-01", { grossMonthlyPay: null }));
    expect(noPay[0]?.verdict).toBe("unknown");
    const unknown = decide("non_presentata", noPay);
    expect(unknown.open).toEqual([]);
    expect(unknown.notOpened[0]?.reason).toMatch(/^Congruità da verificare/);
  });

  describe("Reddito di Cittadinanza, by period", () => {
    const rdc2019 = (start = "2020-01-01") => evaluations(person([enrol("RDC", start)]), offerOn("2020-05-01"), 1);

    it("D.L. 4/2019: the first and second refusal cost nothing yet; the third costs the benefit", () => {
      const evals = rdc2019();
      expect(evals.map((e) => [e.ruleSet.id, e.verdict])).toEqual([[RDC19, "pass"]]);
      for (const before of [0, 1]) {
        const result = decide("rifiutata_senza_motivo", evals, Array.from({ length: before }, () => earlier("rifiutata_senza_motivo", RDC19)));
        expect(result.open).toEqual([]);
        expect(result.notOpened[0]?.reason).toContain(`${before + 1}º rifiuto`);
        expect(result.notOpened[0]?.reason).toContain("almeno una di tre offerte congrue");
      }
      const third = decide("rifiutata_senza_motivo", evals, [earlier("rifiutata_senza_motivo", RDC19), earlier("rifiutata_senza_motivo", RDC19)]);
      expect(third.open).toEqual([expect.objectContaining({ kind: "rifiuto_rdc", programme: "RDC", ordinal: 3, sanction: expect.stringMatching(/^Decadenza dal beneficio/), legalBasis: "art. 4 c. 9 D.L. 4/2019, conv. L. 26/2019" })]);
    });

    it("D.L. 4/2019: after the renewal the first refusal costs the benefit", () => {
      const evals = evaluations(person([enrol("RDC", "2019-04-01", "2020-09-30"), enrol("RDC", "2020-11-01")]), offerOn("2021-01-15"), 1);
      expect(evals[0]?.band?.id).toBe("rinnovo");
      expect(decide("rifiutata_senza_motivo", evals).open).toEqual([expect.objectContaining({ kind: "rifiuto_rdc", sanction: "Decadenza dal beneficio (rifiuto di un'offerta congrua dopo il rinnovo)" })]);
    });

    it("L. 234/2021: the first refusal reduces the benefit by € 5 a month, the second revokes it", () => {
      const evals = evaluations(person([enrol("RDC", "2021-06-01")]), offerOn("2022-03-01"), 1);
      expect(evals.map((e) => [e.ruleSet.id, e.verdict])).toEqual([[RDC22, "pass"]]);
      expect(decide("rifiutata_senza_motivo", evals).open).toEqual([
        expect.objectContaining({ kind: "rifiuto_rdc", sanction: "Riduzione del beneficio di € 5,00 al mese (1º rifiuto di un'offerta congrua)", legalBasis: expect.stringContaining("L. 234/2021") }),
      ]);
      expect(decide("rifiutata_senza_motivo", evals, [earlier("rifiutata_senza_motivo", RDC22)]).open).toEqual([
        expect.objectContaining({ sanction: "Revoca del beneficio (2º rifiuto di un'offerta congrua)", ordinal: 2 }),
      ]);
      // A refusal under the 2019 rules is not a refusal under L. 234/2021.
      expect(decide("rifiutata_senza_motivo", evals, [earlier("rifiutata_senza_motivo", RDC19)]).open[0]?.ordinal).toBe(1);
    });

    it("L. 197/2022: refusing the first offer loses the benefit", () => {
      const evals = evaluations(person([enrol("RDC", "2022-06-01")]), offerOn("2023-03-01"));
      expect(decide("rifiutata_senza_motivo", evals).open).toEqual([
        expect.objectContaining({ kind: "rifiuto_rdc", sanction: "Decadenza dal beneficio (rifiuto della prima offerta)", legalBasis: "art. 1 c. 313 L. 197/2022" }),
      ]);
    });
  });

  describe("ADI and SFL (D.L. 48/2023)", () => {
    const adi = () => evaluations(person([enrol("ADI", "2024-01-01")]), offerOn("2024-06-01"));

    it("ADI: the household loses the benefit", () => {
      expect(decide("rifiutata_senza_motivo", adi()).open).toEqual([
        expect.objectContaining({ kind: "rifiuto_adi", programme: "ADI", sanction: "Decadenza del nucleo dal beneficio", legalBasis: expect.stringContaining("art. 8 c. 6") }),
      ]);
    });

    it("ADI: a member registered under L. 68/1999 is not bound by the activation duties", () => {
      const result = decide("rifiutata_senza_motivo", adi(), [], true);
      expect(result.open).toEqual([]);
      expect(result.notOpened[0]?.reason).toContain("L. 68/1999");
    });

    it("SFL: reported through SIISL, INPS revokes the benefit", () => {
      const evals = evaluations(person([enrol("SFL", "2024-01-01")]), offerOn("2024-06-01"));
      expect(decide("rifiutata_senza_motivo", evals).open).toEqual([
        expect.objectContaining({ kind: "rifiuto_sfl", programme: "SFL", sanction: expect.stringContaining("SIISL") }),
      ]);
    });

    it("a no-show opens nothing where CONGRUA.md gives no sanction for it (ADI, SFL, RdC)", () => {
      for (const evals of [adi(), evaluations(person([enrol("SFL", "2024-01-01")]), offerOn("2024-06-01")), evaluations(person([enrol("RDC", "2021-06-01")]), offerOn("2022-03-01"), 1)]) {
        const result = decide("non_presentata", evals);
        expect(result.open).toEqual([]);
        expect(result.notOpened[0]?.reason).toContain("non indica per questo beneficio una sanzione per la mancata presentazione");
      }
    });
  });

  it("two benefits, two events: a refusal under NASpI and RdC costs each of them", () => {
    const evals = evaluations(person([enrol("NASPI", "2022-01-01"), enrol("RDC", "2021-06-01")], { availabilityDeclaredAt: d("2022-01-01") }), offerOn("2022-03-01"), 1);
    expect(decide("rifiutata_senza_motivo", evals).open.map((e) => [e.kind, e.programme])).toEqual([
      ["rifiuto_naspi", "NASPI"],
      ["rifiuto_rdc", "RDC"],
    ]);
  });

  it("each benefit is judged on its own evaluation: the L. 68/1999 one, always to verify, does not shield the NASpI", () => {
    const evals = evaluations(person([enrol("NASPI", "2024-01-01")], { availabilityDeclaredAt: d("2024-01-01"), registeredL68: true }), offerOn("2024-03-01"));
    expect(evals.map((e) => [e.ruleSet.id, e.verdict])).toEqual([
      [NASPI, "pass"],
      ["l68-1999", "unknown"],
    ]);
    const result = decide("rifiutata_senza_motivo", evals, [], true);
    expect(result.open.map((e) => e.kind)).toEqual(["rifiuto_naspi"]);
    expect(result.notOpened).toEqual([expect.objectContaining({ ruleSetId: "l68-1999", reason: expect.stringMatching(/^Congruità da verificare/) })]);
  });

  it("a rule set without a conditionality rule opens nothing rather than guessing a sanction", () => {
    const [naspiEval] = naspi();
    const unknownRules = { ...naspiEval!, ruleSet: { ...naspiEval!.ruleSet, id: "nuove-regole-2027", label: "Nuove regole" } };
    expect(decide("rifiutata_senza_motivo", [unknownRules])).toEqual({
      open: [],
      notOpened: [{ programme: "NASPI", ruleSetId: "nuove-regole-2027", reason: expect.stringContaining("Nessuna regola di condizionalità") }],
    });
  });
});

// ── Through the API: opened with the outcome, listed, exported once, reported once ───────────────────

interface CsvRow {
  [column: string]: string;
}
const readCsv = (text: string): CsvRow[] => parse(text, { delimiter: ";", bom: true, columns: true }) as CsvRow[];

describe("conditionality events over HTTP", () => {
  const h = useTestApp();
  const f = congruaFixtures(h, 4000);
  const referent = () => h.as(h.p.referent);
  const listOf = async (query: string, token = h.p.referent) => {
    const res = await h.as(token).get(`/api/v1/conditionality-events?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { total: number; items: { id: string; congruaOfferId: string; kind: string; person: { taxCode: string; lastName: string } | null; exportId: string | null; reportedAt: string | null }[] };
  };
  const csvOf = async (exportId: string) => {
    const res = await referent().get(`/api/v1/conditionality-events/exports/${exportId}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    return res.text;
  };

  /** A NASpI person refusing a congrua offer without reason: the event it opens. */
  async function refusal(overrides: Record<string, unknown> = {}) {
    const who = await f.person(overrides);
    const offer = await f.offer(who, { vacancyId: await f.vacancy(), offeredAt: "2026-06-15" });
    const refused = await f.outcome(offer.id, { outcome: "rifiutata_senza_motivo", note: "Dice di non essere interessata" });
    expect(refused.conditionalityEvents).toHaveLength(1);
    return { person: who, offer: refused, event: refused.conditionalityEvents[0] };
  }

  it("an unjustified refusal opens the event with the outcome, listed for the person's CPI with who it is about", async () => {
    const { person, offer, event } = await refusal();
    expect(event).toMatchObject({ kind: "rifiuto_naspi", programme: "NASPI", cpiCode: CPI_TORINO, sanction: "Decadenza dalla prestazione", congruaOfferId: offer.id, exportId: null, reportedAt: null });
    const list = await listOf(`cpi=${CPI_TORINO}&reported=false`);
    const item = list.items.find((x) => x.id === event.id);
    expect(item).toMatchObject({ person: { taxCode: expect.any(String), lastName: "Rossi" } });
    expect((await listOf("reported=false", h.p.admin)).items.map((x) => x.id)).toContain(event.id);
    const opened = await h.t.ctx.db.domainEvent.findMany({ where: { type: "conditionality.opened", entityId: event.id } });
    expect(opened).toHaveLength(1);
    expect(await h.t.ctx.db.auditLog.count({ where: { entityId: person, action: "read", route: "GET /conditionality-events" } })).toBeGreaterThan(0);
  });

  it("only administrators and the CPI's referents see and handle the events", async () => {
    for (const token of [h.p.tutor, h.p.navigator, h.p.employer]) {
      expect((await h.as(token).get("/api/v1/conditionality-events")).status).toBe(403);
      expect((await h.as(token).post("/api/v1/conditionality-events/exports", { cpi: CPI_TORINO })).status).toBe(403);
    }
    expect((await h.as(h.p.otherReferent).get(`/api/v1/conditionality-events?cpi=${CPI_TORINO}`)).status).toBe(403);
    expect((await h.as(h.p.otherReferent).post("/api/v1/conditionality-events/exports", { cpi: CPI_TORINO })).status).toBe(403);
    // The Milano referent lists only Milano's, where there is none.
    expect((await listOf("", h.p.otherReferent)).total).toBe(0);
    const unknown = await referent().get("/api/v1/conditionality-events?cpi=XX-NESSUNO");
    expect(unknown.status).toBe(422);
    expect(unknown.body.fields).toEqual([expect.objectContaining({ field: "cpi" })]);
  });

  it("exports take each event once, the file reads the same every time, and an export is reported once", async () => {
    await refusal();
    const created = await referent().post("/api/v1/conditionality-events/exports", { cpi: CPI_TORINO });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const first = created.body;
    expect(first).toMatchObject({ cpiCode: CPI_TORINO, reported: false, createdByName: "Referente Torino", links: { csv: `/api/v1/conditionality-events/exports/${first.id}.csv` } });
    expect(first.eventCount).toBeGreaterThan(0);
    expect((await listOf(`cpi=${CPI_TORINO}&exported=false`)).total).toBe(0);

    // Nothing new: no empty export.
    const again = await referent().post("/api/v1/conditionality-events/exports", { cpi: CPI_TORINO });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("Nessuna segnalazione da esportare");

    const text = await csvOf(first.id);
    expect(await csvOf(first.id)).toBe(text);
    const rows = readCsv(text);
    expect(Object.keys(rows[0]!)).toEqual([
      "Codice fiscale", "Nome", "Cognome", "Codice CPI", "CPI", "Programma", "Tipo evento", "Data evento", "Profilo offerto", "Azienda", "Data offerta",
      "Canale", "Esito", "Motivo", "Sanzione prevista", "Norma", "Regole di congruità", "Note", "Id segnalazione",
    ]);
    expect(rows).toHaveLength(first.eventCount);
    expect(rows[0]).toMatchObject({
      Nome: "Maria",
      Cognome: "Rossi",
      "Codice CPI": CPI_TORINO,
      CPI: expect.stringMatching(/Torino/),
      Programma: "NASpI",
      "Tipo evento": "Rifiuto di un'offerta congrua senza giustificato motivo (NASpI / DIS-COLL)",
      "Data evento": italianDay(dayOf(new Date())),
      Azienda: "Logistica Sabauda S.r.l.",
      "Data offerta": "15/06/2026",
      Canale: "Telefono",
      Esito: "Rifiutata senza giustificato motivo",
      Motivo: "Nessun giustificato motivo",
      "Sanzione prevista": "Decadenza dalla prestazione",
      Norma: expect.stringContaining("art. 21 c. 7 D.Lgs. 150/2015"),
      "Regole di congruità": "NASpI / DIS-COLL – offerta congrua (D.M. 10 aprile 2018) (versione 1)",
      Note: expect.stringContaining("Nota dell'operatore: Dice di non essere interessata"),
    });
    expect(rows[0]!["Codice fiscale"]).toMatch(/^RSSMRA/);

    // A later refusal goes into a new export, and only there.
    const later = await refusal();
    const second = (await referent().post("/api/v1/conditionality-events/exports", { cpi: CPI_TORINO })).body;
    expect(second.eventIds).toEqual([later.event.id]);
    expect(first.eventIds).not.toContain(later.event.id);
    expect(await csvOf(first.id)).toBe(text);

    const reported = await referent().post(`/api/v1/conditionality-events/exports/${first.id}/reported`, {});
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ reported: true, reportedByName: "Referente Torino", reportedAt: expect.any(String) });
    const twice = await h.as(h.p.admin).post(`/api/v1/conditionality-events/exports/${first.id}/reported`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/^Esportazione già segnalata ad ANPAL e INPS il \d\d\/\d\d\/\d{4} da Referente Torino/);
    expect(await csvOf(first.id)).toBe(text);

    const unreported = await listOf(`cpi=${CPI_TORINO}&reported=false`);
    expect(unreported.items.map((x) => x.id)).toEqual([later.event.id]);
    expect(await h.t.ctx.db.domainEvent.count({ where: { type: "conditionality.reported", entityId: { in: first.eventIds } } })).toBe(first.eventCount);
    const exports = await referent().get(`/api/v1/conditionality-events/exports?cpi=${CPI_TORINO}`);
    expect(exports.body.items.map((x: { id: string; reported: boolean }) => [x.id, x.reported])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    expect((await h.as(h.p.otherReferent).get(`/api/v1/conditionality-events/exports/${first.id}.csv`)).status).toBe(403);
    expect((await referent().post(`/api/v1/conditionality-events/exports/${second.id}/reported`, {})).status).toBe(200);
  });

  it("a refusal later justified withdraws its event, unless it was already exported", async () => {
    const { offer, event } = await refusal();
    const justified = await f.outcome(offer.id, { outcome: "rifiutata_giustificata", refusalReason: "gravi_motivi_familiari" });
    expect(justified.conditionalityEvents).toEqual([]);
    expect(await h.t.ctx.db.conditionalityEvent.count({ where: { id: event.id } })).toBe(0);
    // The CPI does not accept the justification: the event opens again, still once.
    const unjustified = await f.outcome(offer.id, { outcome: "rifiutata_senza_motivo" });
    expect(unjustified.conditionalityEvents).toHaveLength(1);

    expect((await referent().post("/api/v1/conditionality-events/exports", { cpi: CPI_TORINO })).status).toBe(201);
    const late = await referent().post(`/api/v1/congrua-offers/${offer.id}/outcome`, { outcome: "rifiutata_giustificata", refusalReason: "malattia_infortunio" });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain("già in un'esportazione per ANPAL e INPS");
    const kept = (await referent().get(`/api/v1/congrua-offers/${offer.id}`)).body;
    expect(kept).toMatchObject({ outcome: "rifiutata_senza_motivo", conditionalityEvents: [{ id: unjustified.conditionalityEvents[0].id }] });
    expect(kept.history).toHaveLength(4);
  });

  it("a no-show at a congrua offer is a missed appointment for NASpI; an offer that is not congrua opens nothing", async () => {
    const who = await f.person();
    const first = await f.offer(who, { vacancyId: await f.vacancy(), offeredAt: "2026-06-15" });
    const missed = await f.outcome(first.id, { outcome: "non_presentata" });
    expect(missed.conditionalityEvents).toEqual([expect.objectContaining({ kind: "mancata_presentazione_naspi", ordinal: 1, sanction: expect.stringContaining("un quarto di una mensilità") })]);
    const second = await f.offer(who, { vacancyId: await f.vacancy(), offeredAt: "2026-06-20" });
    expect((await f.outcome(second.id, { outcome: "non_presentata" })).conditionalityEvents).toEqual([expect.objectContaining({ ordinal: 2, sanction: expect.stringContaining("una mensilità") })]);

    // An internship is not among the contracts NASpI recipients must accept.
    const internship = await f.offer(who, { terms: f.externalTerms({ contractType: "tirocinio", contractMonths: 6 }), offeredAt: "2026-06-25" });
    expect(internship.congrua.verdict).toBe("fail");
    expect((await f.outcome(internship.id, { outcome: "rifiutata_senza_motivo" })).conditionalityEvents).toEqual([]);
  });

  it("RdC in 2022 (L. 234/2021): the first refusal reduces the benefit, the second revokes it", async () => {
    const who = await f.person({ availabilityDeclaredAt: "2021-06-01", programmes: [{ programme: "RDC", startDate: "2021-06-01", endDate: "2022-12-31", monthlyAmount: 500 }] });
    const opened = [];
    for (const day of ["2022-03-01", "2022-05-02"]) {
      const offer = await f.offer(who, { terms: f.externalTerms(), offeredAt: day, offerNumber: 1 });
      expect(offer.congrua.ruleSets).toEqual([{ id: RDC22, version: 1, programme: "RDC" }]);
      opened.push(...(await f.outcome(offer.id, { outcome: "rifiutata_senza_motivo" })).conditionalityEvents);
    }
    expect(opened.map((e: { kind: string; sanction: string }) => [e.kind, e.sanction])).toEqual([
      ["rifiuto_rdc", "Riduzione del beneficio di € 5,00 al mese (1º rifiuto di un'offerta congrua)"],
      ["rifiuto_rdc", "Revoca del beneficio (2º rifiuto di un'offerta congrua)"],
    ]);
  });

  it("ADI: a member registered under L. 68/1999 refuses without consequences", async () => {
    const who = await f.person({
      programmes: [
        { programme: "ADI", startDate: "2026-01-01", monthlyAmount: 500 },
        { programme: "L68", startDate: "2025-01-01" },
      ],
    });
    const offer = await f.offer(who, { terms: f.externalTerms(), offeredAt: "2026-06-15" });
    expect(offer.congrua).toMatchObject({ registeredL68: true, ruleSets: [{ id: "adi-dl-48-2023" }, { id: "l68-1999" }] });
    expect(offer.congrua.evaluations[0].verdict).toBe("pass");
    expect((await f.outcome(offer.id, { outcome: "rifiutata_senza_motivo" })).conditionalityEvents).toEqual([]);
  });

  it("a person with an event still to report cannot be erased; once reported, erasure takes their identity out of the export", async () => {
    const { person, offer, event } = await refusal();
    const refused = await referent().del(`/api/v1/candidates/${person}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: "CONFLICT",
      message: "La persona ha una segnalazione di condizionalità non ancora comunicata ad ANPAL e INPS: non può essere cancellata finché non è segnalata.",
    });
    expect(await h.t.ctx.db.candidate.count({ where: { id: person } })).toBe(1);

    const exported = (await referent().post("/api/v1/conditionality-events/exports", { cpi: CPI_TORINO })).body;
    expect(exported.eventIds).toContain(event.id);
    // Exported but not yet reported: still waiting.
    expect((await referent().del(`/api/v1/candidates/${person}`)).status).toBe(409);
    const before = readCsv(await csvOf(exported.id)).find((r) => r["Id segnalazione"] === event.id)!;
    expect(before.Cognome).toBe("Rossi");
    expect((await referent().post(`/api/v1/conditionality-events/exports/${exported.id}/reported`, {})).status).toBe(200);

    expect((await referent().del(`/api/v1/candidates/${person}`)).status).toBe(204);
    const after = readCsv(await csvOf(exported.id)).find((r) => r["Id segnalazione"] === event.id)!;
    expect(after).toMatchObject({ "Codice fiscale": "", Nome: "", Cognome: "", "Sanzione prevista": before["Sanzione prevista"], Note: expect.stringContaining("Persona cancellata") });
    const stored = await h.t.ctx.db.conditionalityEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(JSON.stringify(stored.details)).not.toContain(before["Codice fiscale"]);
    expect((await listOf(`cpi=${CPI_TORINO}&reported=true`)).items.find((x) => x.id === event.id)?.person).toBeNull();

    // The offer outlives the person: readable by the CPI's operators, closed to new outcomes.
    expect((await referent().get(`/api/v1/congrua-offers/${offer.id}`)).status).toBe(200);
    const outcome = await referent().post(`/api/v1/congrua-offers/${offer.id}/outcome`, { outcome: "rifiutata_giustificata", refusalReason: "forza_maggiore" });
    expect(outcome.status).toBe(409);
    expect(outcome.body.message).toContain("cancellata");
  });
});
