import { beforeAll, describe, expect, it } from "vitest";
import { dayDate, italianDay as italian } from "../src/deadlines/calendar-day.js";
import { countFigures, type FigureFacts } from "../src/figures/count-figures.js";
import { CPI_MILANO, CPI_MONCALIERI, CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { MILANO } from "./helpers/valid-codes.js";
import { daysFromToday, monitoringFixtures } from "./helpers/monitoring-fixtures.js";

const F = "/api/v1/figures";

describe("counting the figures (pure)", () => {
  const facts: FigureFacts = {
    vacancies: [
      { cpiCode: "A", arrivalDay: "2026-10-01", positions: 2 },
      { cpiCode: "A", arrivalDay: "2026-10-31", positions: 3 },
      { cpiCode: "A", arrivalDay: "2026-09-30", positions: 7 },
      { cpiCode: "B", arrivalDay: "2026-11-01", positions: 1 },
    ],
    sentLists: [
      { cpiCode: "A", sentDay: "2026-10-10", hiredCandidateIds: ["p1", "p2"] },
      { cpiCode: "A", sentDay: "2026-10-20", hiredCandidateIds: ["p1"] },
      { cpiCode: "B", sentDay: "2026-10-05", hiredCandidateIds: ["p1"] },
      { cpiCode: "A", sentDay: "2026-11-01", hiredCandidateIds: ["p3"] },
    ],
    congruaOffers: [
      { cpiCode: "A", offeredDay: "2026-10-02", outcome: "rifiutata_giustificata" },
      { cpiCode: "A", offeredDay: "2026-10-03", outcome: "rifiutata_senza_motivo" },
      { cpiCode: "A", offeredDay: "2026-10-04", outcome: "non_presentata" },
      { cpiCode: "A", offeredDay: "2026-09-04", outcome: "rifiutata_senza_motivo" },
    ],
    conditionalityEvents: [
      { cpiCode: "A", occurredDay: "2026-10-31" },
      { cpiCode: "B", occurredDay: "2026-11-01" },
    ],
    incomeSupportPeople: [
      { candidateId: "in-span", cpiCode: "A", spans: [{ from: "2026-01-01", to: null }] },
      { candidateId: "offer-after-span", cpiCode: "A", spans: [{ from: "2026-01-01", to: "2026-10-05" }] },
      { candidateId: "ended-before", cpiCode: "A", spans: [{ from: "2026-01-01", to: "2026-09-30" }] },
      { candidateId: "starts-after", cpiCode: "A", spans: [{ from: "2026-11-01", to: null }] },
      { candidateId: "two-spans", cpiCode: "B", spans: [{ from: "2026-01-01", to: "2026-10-03" }, { from: "2026-10-20", to: null }] },
      { candidateId: "no-offer", cpiCode: "B", spans: [{ from: "2026-10-15", to: "2026-10-16" }] },
    ],
    coherentOffers: [
      { candidateId: "in-span", day: "2026-10-31" },
      { candidateId: "offer-after-span", day: "2026-10-06" },
      { candidateId: "ended-before", day: "2026-09-15" },
      { candidateId: "starts-after", day: "2026-11-01" },
      { candidateId: "two-spans", day: "2026-10-10" },
      { candidateId: "two-spans", day: "2026-10-25" },
    ],
  };
  const october = { from: "2026-10-01", to: "2026-10-31" };

  it.each([
    ["CPI A", (c: string) => c === "A", { vacanciesReceived: 2, positionsRequested: 5, listsSent: 2, peopleHired: 2, congruaOffersMade: 3, congruaOffersRefusedJustified: 1, congruaOffersRefusedUnjustified: 1, conditionalityEventsOpened: 1, incomeSupportOffered: { numerator: 1, denominator: 2, share: 0.5 } }],
    ["CPI B", (c: string) => c === "B", { vacanciesReceived: 0, positionsRequested: 0, listsSent: 1, peopleHired: 1, congruaOffersMade: 0, congruaOffersRefusedJustified: 0, congruaOffersRefusedUnjustified: 0, conditionalityEventsOpened: 0, incomeSupportOffered: { numerator: 1, denominator: 2, share: 0.5 } }],
    ["both, a person hired by both counted once", () => true, { vacanciesReceived: 2, positionsRequested: 5, listsSent: 3, peopleHired: 2, congruaOffersMade: 3, congruaOffersRefusedJustified: 1, congruaOffersRefusedUnjustified: 1, conditionalityEventsOpened: 1, incomeSupportOffered: { numerator: 2, denominator: 4, share: 0.5 } }],
    ["a CPI with nothing", (c: string) => c === "C", { vacanciesReceived: 0, positionsRequested: 0, listsSent: 0, peopleHired: 0, congruaOffersMade: 0, congruaOffersRefusedJustified: 0, congruaOffersRefusedUnjustified: 0, conditionalityEventsOpened: 0, incomeSupportOffered: { numerator: 0, denominator: 0, share: null } }],
  ])("October 2026, %s", (_what, inScope, expected) => {
    expect(countFigures(facts, october, inScope)).toEqual(expected);
  });

  it("rounds the share to four decimals", () => {
    const three = { ...facts, incomeSupportPeople: ["a", "b", "c"].map((id) => ({ candidateId: id, cpiCode: "A", spans: [{ from: "2026-01-01", to: null }] })), coherentOffers: [{ candidateId: "a", day: "2026-10-01" }, { candidateId: "b", day: "2026-10-01" }] };
    expect(countFigures(three, october, () => true).incomeSupportOffered).toEqual({ numerator: 2, denominator: 3, share: 0.6667 });
  });
});

describe("figures per CPI and period, over HTTP", () => {
  const h = useTestApp();
  const f = monitoringFixtures(h, 5500);
  const T = daysFromToday(0);
  const P = { from: daysFromToday(-30), to: T };
  const P2 = { from: daysFromToday(-60), to: daysFromToday(-31) };
  const three = `cpi=${CPI_TORINO},${CPI_MONCALIERI},${CPI_MILANO}`;
  const names: Record<string, string> = {};
  const p = {} as Record<"adi" | "rdcEnded" | "sfl" | "naspi" | "adiEnding" | "moncalieri" | "milano", string>;

  const direct = {
    offer: (candidateId: string, cpiCode: string, day: string, verdict: string, outcome: string, refusalReason: string | null = null) =>
      h.t.ctx.db.congruaOffer.create({
        data: { candidateId, cpiCode, offeredAt: new Date(`${day}T10:00:00Z`), channel: "email", terms: {}, verdict, evaluation: {}, ruleSetVersions: [], outcome, refusalReason },
      }),
    event: (candidateId: string, cpiCode: string, day: string, kind: string, congruaOfferId: string | null = null) =>
      h.t.ctx.db.conditionalityEvent.create({ data: { candidateId, cpiCode, kind, occurredAt: new Date(`${day}T09:00:00Z`), congruaOfferId } }),
  };

  beforeAll(async () => {
    for (const c of await h.t.ctx.db.cpi.findMany({ where: { code: { in: [CPI_TORINO, CPI_MONCALIERI, CPI_MILANO] } } })) names[c.code] = c.name;
    const programme = (programme: string, start: number, end?: number) => ({ programmes: [{ programme, startDate: daysFromToday(start), ...(end !== undefined ? { endDate: daysFromToday(end) } : {}) }] });
    p.adi = await f.person(h.p.referent, programme("ADI", -100));
    p.rdcEnded = await f.person(h.p.referent, programme("RDC", -400, -35));
    p.sfl = await f.person(h.p.referent, programme("SFL", -10));
    p.naspi = await f.person(h.p.referent, programme("NASPI", -50));
    p.adiEnding = await f.person(h.p.referent, programme("ADI", -400, -20));
    p.moncalieri = await f.person(h.p.referent, { cpiCode: CPI_MONCALIERI, ...programme("ADI", -100) });
    p.milano = await f.person(h.p.otherReferent, { cpiCode: CPI_MILANO, domicileIstatCode: MILANO, ...programme("ADI", -10) });

    const torino = (arrival: number, positions: number) => f.vacancy(h.p.referent, { arrivalDate: daysFromToday(arrival), positions });
    const inPeriod = await torino(-10, 2);
    await torino(-30, 3);
    const before = await torino(-31, 5);
    const cancelled = await torino(0, 1);
    expect((await h.as(h.p.referent).post(`/api/v1/vacancies/${cancelled}/close`, { outcome: "cancelled" })).status).toBe(200);
    const moncalieri = await f.vacancy(h.p.referent, { arrivalDate: daysFromToday(-5), positions: 1, cpiCode: CPI_MONCALIERI });
    await f.vacancy(h.p.otherReferent, { arrivalDate: daysFromToday(-20), positions: 4, cpiCode: CPI_MILANO, workplaceIstatCode: MILANO });

    // A list of the earlier period (sent 31 days ago), whose hire the employer reports only today.
    const early = await f.sendList(h.p.referent, before, [p.sfl]);
    await h.t.ctx.db.shortlist.update({ where: { id: early.shortlistId }, data: { sentAt: dayDate(daysFromToday(-31)) } });
    await f.outcome(h.p.referent, before, p.sfl, "hired");
    // Lists of this period.
    await f.sendList(h.p.referent, inPeriod, [p.adi, p.naspi, p.adiEnding]);
    await f.outcome(h.p.employer, inPeriod, p.adi, "hired");
    await f.outcome(h.p.employer, inPeriod, p.naspi, "not_selected");
    await f.sendList(h.p.referent, moncalieri, [p.moncalieri]);

    // Congrua offers and conditionality events as their own flows store them.
    await direct.offer(p.sfl, CPI_TORINO, daysFromToday(-5), "pass", "accettata");
    const refused = await direct.offer(p.naspi, CPI_TORINO, daysFromToday(-3), "pass", "rifiutata_senza_motivo");
    await direct.offer(p.rdcEnded, CPI_TORINO, daysFromToday(-40), "pass", "rifiutata_giustificata", "malattia_infortunio");
    await direct.offer(p.milano, CPI_MILANO, daysFromToday(-2), "unknown", "rifiutata_giustificata", "forza_maggiore");
    await direct.offer(p.adi, CPI_TORINO, daysFromToday(-1), "fail", "in_attesa");
    await direct.event(p.naspi, CPI_TORINO, daysFromToday(-3), "rifiuto_naspi", refused.id);
    await direct.event(p.rdcEnded, CPI_TORINO, daysFromToday(-45), "rifiuto_rdc");
    await direct.event(p.milano, CPI_MILANO, daysFromToday(-1), "rifiuto_adi");
  });

  const zero = { vacanciesReceived: 0, positionsRequested: 0, listsSent: 0, peopleHired: 0, congruaOffersMade: 0, congruaOffersRefusedJustified: 0, congruaOffersRefusedUnjustified: 0, conditionalityEventsOpened: 0 };
  const thisPeriod = {
    [CPI_MILANO]: { ...zero, vacanciesReceived: 1, positionsRequested: 4, congruaOffersMade: 1, congruaOffersRefusedJustified: 1, conditionalityEventsOpened: 1, incomeSupportOffered: { numerator: 0, denominator: 1, share: 0 } },
    [CPI_MONCALIERI]: { ...zero, vacanciesReceived: 1, positionsRequested: 1, listsSent: 1, incomeSupportOffered: { numerator: 1, denominator: 1, share: 1 } },
    [CPI_TORINO]: {
      vacanciesReceived: 3,
      positionsRequested: 6,
      listsSent: 1,
      peopleHired: 1,
      congruaOffersMade: 3,
      congruaOffersRefusedJustified: 0,
      congruaOffersRefusedUnjustified: 1,
      conditionalityEventsOpened: 1,
      incomeSupportOffered: { numerator: 2, denominator: 3, share: 0.6667 },
    },
  };
  const rowsOf = (figures: Record<string, object>) => Object.entries(figures).map(([cpiCode, f]) => ({ cpiCode, cpiName: names[cpiCode], ...f }));

  it("counts each figure per CPI over the period, with the total", async () => {
    const res = await h.as(h.p.admin).get(`${F}?${three}&from=${P.from}&to=${P.to}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      period: P,
      rows: rowsOf(thisPeriod),
      total: {
        vacanciesReceived: 5,
        positionsRequested: 11,
        listsSent: 2,
        peopleHired: 1,
        congruaOffersMade: 4,
        congruaOffersRefusedJustified: 1,
        congruaOffersRefusedUnjustified: 1,
        conditionalityEventsOpened: 2,
        incomeSupportOffered: { numerator: 3, denominator: 5, share: 0.6 },
      },
    });
  });

  it("counts the earlier period on its own: its list, the hire reported later, the offer and the people of then", async () => {
    const res = await h.as(h.p.admin).get(`${F}?${three}&from=${P2.from}&to=${P2.to}`);
    expect(res.body.rows).toEqual(
      rowsOf({
        [CPI_MILANO]: { ...zero, incomeSupportOffered: { numerator: 0, denominator: 0, share: null } },
        [CPI_MONCALIERI]: { ...zero, incomeSupportOffered: { numerator: 0, denominator: 1, share: 0 } },
        [CPI_TORINO]: {
          ...zero,
          vacanciesReceived: 1,
          positionsRequested: 5,
          listsSent: 1,
          peopleHired: 1,
          congruaOffersMade: 1,
          congruaOffersRefusedJustified: 1,
          conditionalityEventsOpened: 1,
          incomeSupportOffered: { numerator: 1, denominator: 3, share: 0.3333 },
        },
      }),
    );
  });

  it("gives the administrator every CPI when none is named, and operators their own CPIs", async () => {
    const all = await h.as(h.p.admin).get(`${F}?from=${P.from}&to=${P.to}`);
    expect(all.body.rows).toHaveLength(await h.t.ctx.db.cpi.count());
    expect(all.body.rows.filter((r: { listsSent: number }) => r.listsSent > 0).map((r: { cpiCode: string }) => r.cpiCode)).toEqual([CPI_MONCALIERI, CPI_TORINO]);
    expect(all.body.total).toMatchObject({ vacanciesReceived: 5, listsSent: 2, incomeSupportOffered: { numerator: 3, denominator: 5 } });

    const mine = await h.as(h.p.referent).get(`${F}?from=${P.from}&to=${P.to}`);
    expect(mine.body.rows).toEqual(rowsOf({ [CPI_MONCALIERI]: thisPeriod[CPI_MONCALIERI], [CPI_TORINO]: thisPeriod[CPI_TORINO] }));
    expect(mine.body.total).toMatchObject({ vacanciesReceived: 4, positionsRequested: 7, listsSent: 2, incomeSupportOffered: { numerator: 3, denominator: 4, share: 0.75 } });
    for (const token of [h.p.tutor, h.p.navigator]) {
      expect((await h.as(token).get(`${F}?from=${P.from}&to=${P.to}`)).body.rows).toEqual(rowsOf({ [CPI_TORINO]: thisPeriod[CPI_TORINO] }));
    }
  });

  it("refuses employers and CPIs outside the caller's, on JSON and CSV alike", async () => {
    for (const path of [F, `${F}.csv`]) {
      for (const token of [h.p.employer, h.p.otherEmployer]) expect((await h.as(token).get(`${path}?from=${P.from}&to=${P.to}`)).status).toBe(403);
      const other = await h.as(h.p.otherReferent).get(`${path}?cpi=${CPI_TORINO}&from=${P.from}&to=${P.to}`);
      expect(other.status).toBe(403);
      expect(other.body.message).toBe(`L'operatore non opera per il CPI ${CPI_TORINO}.`);
    }
  });

  it("refuses a period that is missing, reversed, longer than a year or not a date, and unknown CPIs", async () => {
    const bad = async (query: string, status: number, field: string, message?: RegExp) => {
      const res = await h.as(h.p.admin).get(`${F}?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      const named = res.body.fields.find((x: { field: string }) => x.field === field);
      expect(named, JSON.stringify(res.body.fields)).toBeDefined();
      if (message) expect(named.message).toMatch(message);
    };
    await bad(`to=${T}`, 400, "from");
    await bad(`from=2026-10-31&to=2026-10-01`, 400, "to", /precede l'inizio/);
    await bad(`from=2025-01-01&to=2026-01-02`, 400, "to", /al massimo 366 giorni/);
    await bad(`from=2026-02-30&to=2026-03-01`, 400, "from");
    await bad(`from=ieri&to=oggi`, 400, "from");
    await bad(`cpi=XX-NESSUNO&from=${P.from}&to=${P.to}`, 422, "cpi");
    expect((await h.as(h.p.admin).get(`${F}?from=2024-01-01&to=2024-12-31`)).status).toBe(200);
  });

  it("serves the same figures as CSV with Italian columns, one row per CPI and the total", async () => {
    const res = await h.as(h.p.admin).get(`${F}.csv?${three}&from=${P.from}&to=${P.to}`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="indicatori-${P.from}-${P.to}.csv"`);
    const period = `${italian(P.from)};${italian(P.to)}`;
    expect(res.text).toBe(
      "\uFEFF" +
        [
          "Codice CPI;CPI;Dal;Al;Offerte ricevute;Posizioni richieste;Rose inviate;Persone assunte;Offerte congrue proposte;" +
            "Offerte congrue rifiutate con giustificato motivo;Offerte congrue rifiutate senza giustificato motivo;Eventi di condizionalità aperti;" +
            "Persone RdC/ADI/SFL;Persone RdC/ADI/SFL con almeno un'offerta coerente;Quota con offerta coerente (%)",
          `${CPI_MILANO};${names[CPI_MILANO]};${period};1;4;0;0;1;1;0;1;1;0;0`,
          `${CPI_MONCALIERI};${names[CPI_MONCALIERI]};${period};1;1;1;0;0;0;0;0;1;1;100`,
          `${CPI_TORINO};${names[CPI_TORINO]};${period};3;6;1;1;3;0;1;1;3;2;66,67`,
          `;Totale;${period};5;11;2;1;4;1;1;2;5;3;60`,
        ].join("\n") +
        "\n",
    );
    const earlier = await h.as(h.p.admin).get(`${F}.csv?cpi=${CPI_MILANO}&from=${P2.from}&to=${P2.to}`);
    expect(earlier.text.split("\n")[1]).toBe(`${CPI_MILANO};${names[CPI_MILANO]};${italian(P2.from)};${italian(P2.to)};0;0;0;0;0;0;0;0;0;0;`);
  });
});
