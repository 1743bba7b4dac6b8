import { beforeAll, describe, expect, it } from "vitest";
import { dayDate } from "../src/deadlines/calendar-day.js";
import { coverage, noMatchReasons, offeredWithin } from "../src/watch-list/watch-list-rules.js";
import { rematchOpenVacancies } from "../src/jobs/rematch/rematch-vacancies.js";
import { CPI_MONCALIERI, CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { daysFromToday, monitoringFixtures } from "./helpers/monitoring-fixtures.js";

const W = "/api/v1/watch-list";

describe("watch-list rules (pure)", () => {
  const complete = { profileCount: 1, experienceCount: 0, availability: "available", availabilityDeclaredAt: new Date("2026-01-10") };
  it.each([
    ["complete data, no qualified match", complete, ["nessun_abbinamento_idoneo"]],
    ["an experience stands for a profile", { ...complete, profileCount: 0, experienceCount: 1 }, ["nessun_abbinamento_idoneo"]],
    ["no profile, no experience", { ...complete, profileCount: 0 }, ["profilo_mancante"]],
    ["not available", { ...complete, availability: "not_available" }, ["non_disponibile"]],
    ["employed", { ...complete, availability: "employed" }, ["non_disponibile"]],
    ["no DID", { ...complete, availabilityDeclaredAt: null }, ["did_mancante"]],
    ["everything missing", { profileCount: 0, experienceCount: 0, availability: "not_available", availabilityDeclaredAt: null }, ["profilo_mancante", "non_disponibile", "did_mancante"]],
  ])("%s", (_what, person, expected) => {
    expect(noMatchReasons(person)).toEqual(expected);
  });

  it.each([
    ["before the window", "2026-08-31", false],
    ["first day", "2026-09-01", true],
    ["last day", "2026-10-30", true],
    ["after the window", "2026-10-31", false],
  ])("an offer %s (%s) covers: %s", (_what, day, covers) => {
    expect(offeredWithin([{ candidateId: "p", day }], { from: "2026-09-01", to: "2026-10-30" }).has("p")).toBe(covers);
  });

  it.each([
    [0, 0, 1, { beneficiaries: 0, covered: 0, share: null, target: 1, targetMet: null }],
    [3, 2, 1, { beneficiaries: 3, covered: 2, share: 0.6667, target: 1, targetMet: false }],
    [4, 4, 1, { beneficiaries: 4, covered: 4, share: 1, target: 1, targetMet: true }],
    [4, 3, 0.75, { beneficiaries: 4, covered: 3, share: 0.75, target: 0.75, targetMet: true }],
  ])("coverage %i people, %i covered, target %d", (people, covered, target, expected) => {
    expect(coverage(people, covered, target)).toEqual(expected);
  });
});

describe("the navigators' watch list, over HTTP", () => {
  const h = useTestApp();
  const f = monitoringFixtures(h, 7700);
  const p = {} as Record<"sent" | "congrua" | "sentLongAgo" | "matched" | "noData" | "unavailable" | "cook" | "naspi" | "ended" | "moncalieri", string>;
  const open: string[] = [];
  let closed = "";

  const adi = (overrides: Record<string, unknown> = {}) => ({
    programmes: [{ programme: "ADI", startDate: daysFromToday(-100) }],
    householdHasChildrenUnder14: false,
    householdHasDisabledMember: false,
    lastContractHoursPerWeek: 40,
    ...overrides,
  });

  beforeAll(async () => {
    const ref = h.p.referent;
    p.cook = await f.person(ref, adi({ programmes: [{ programme: "RDC", startDate: daysFromToday(-300) }], declaredProfiles: [{ title: "Cuoco" }], competences: ["Preparazione primi piatti"], experiences: [] }));
    p.matched = await f.person(ref, adi());
    p.noData = await f.person(ref, adi({ declaredProfiles: [], competences: [], experiences: [], availabilityDeclaredAt: undefined }));
    p.unavailable = await f.person(ref, adi({ availability: "not_available" }));
    p.sent = await f.person(ref, adi());
    p.congrua = await f.person(ref, adi());
    p.sentLongAgo = await f.person(ref, adi({ programmes: [{ programme: "SFL", startDate: daysFromToday(-200) }] }));
    p.naspi = await f.person(ref, adi({ programmes: [{ programme: "NASPI", startDate: daysFromToday(-100) }] }));
    p.ended = await f.person(ref, adi({ programmes: [{ programme: "RDC", startDate: daysFromToday(-400), endDate: daysFromToday(-10) }] }));
    p.moncalieri = await f.person(ref, adi({ cpiCode: CPI_MONCALIERI }));

    for (let i = 0; i < 4; i++) open.push(await f.vacancy(ref));
    closed = await f.vacancy(ref);
    const longAgo = await f.sendList(ref, await f.vacancy(ref), [p.sentLongAgo]);
    await h.t.ctx.db.shortlist.update({ where: { id: longAgo.shortlistId }, data: { sentAt: dayDate(daysFromToday(-70)) } });
    await f.sendList(ref, await f.vacancy(ref), [p.sent]);
    const offer = await h.as(ref).post(`/api/v1/candidates/${p.congrua}/congrua-offers`, {
      channel: "telefono",
      offeredAt: daysFromToday(-5),
      terms: { profile: "Magazziniere", employerName: "Magazzini Subalpini S.r.l.", workplaceComune: "Moncalieri", contractType: "tempo indeterminato", hoursPerWeek: 40, grossMonthlyPay: 1600, ccnl: "CCNL Commercio" },
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    expect(offer.body.congrua.verdict).toBe("pass");

    // The nightly rematch stores the matches the list reads; a vacancy closed since keeps its rows but is not offered.
    await rematchOpenVacancies(h.t.ctx);
    expect((await h.as(ref).post(`/api/v1/vacancies/${closed}/close`, { outcome: "cancelled" })).status).toBe(200);
  });

  const bestStored = async (candidateId: string) =>
    (
      await h.t.ctx.db.matchResult.findMany({
        where: { candidateId, score: { gte: h.t.ctx.matching.qualifyingScore }, vacancy: { status: { in: ["open", "in_preselection"] } } },
        orderBy: [{ score: "desc" }, { vacancyId: "asc" }],
        take: 3,
      })
    ).map((m) => ({ vacancyId: m.vacancyId, score: m.score, congrua: m.congrua }));

  it("lists the beneficiaries of the CPI with no coherent offer in the last 60 days, with their best open vacancies or why there are none", async () => {
    const res = await h.as(h.p.navigator).get(`${W}?cpi=${CPI_TORINO}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ cpiCode: CPI_TORINO, days: 60, from: daysFromToday(-59), to: daysFromToday(0), total: 5, page: 1 });
    // Seven beneficiaries today (NASpI only, an ended RdC and Moncalieri are not); the one sent and the one offered a congrua job are covered.
    expect(res.body.coverage).toEqual({ beneficiaries: 7, covered: 2, share: 0.2857, target: 1, targetMet: false });
    const items = res.body.items as { candidateId: string; programmes: string[]; vacancies: { vacancyId: string; score: number; congrua: string; companyName: string }[]; reasons: { code: string; label: string }[] }[];
    expect(items.map((i) => i.candidateId).sort()).toEqual([p.cook, p.matched, p.noData, p.unavailable, p.sentLongAgo].sort());
    const byId = new Map(items.map((i) => [i.candidateId, i]));

    const matched = byId.get(p.matched)!;
    expect(matched.reasons).toEqual([]);
    expect(matched.vacancies).toHaveLength(3);
    expect(matched.vacancies.map(({ vacancyId, score, congrua }) => ({ vacancyId, score, congrua }))).toEqual(await bestStored(p.matched));
    expect(matched.vacancies.every((v) => open.includes(v.vacancyId) && v.companyName === "Logistica Sabauda S.r.l.")).toBe(true);
    expect(matched.programmes).toEqual(["ADI"]);

    expect(byId.get(p.sentLongAgo)!.programmes).toEqual(["SFL"]);
    expect(byId.get(p.sentLongAgo)!.vacancies.length).toBeGreaterThan(0);
    expect(byId.get(p.noData)!).toMatchObject({ vacancies: [], reasons: [{ code: "profilo_mancante" }, { code: "did_mancante" }] });
    expect(byId.get(p.noData)!.reasons[1]?.label).toBe("Manca la data della DID: la congruità delle offerte non si può verificare");
    expect(byId.get(p.unavailable)!).toMatchObject({ vacancies: [], reasons: [{ code: "non_disponibile" }] });
    expect(byId.get(p.cook)!).toMatchObject({ programmes: ["RDC"], vacancies: [], reasons: [{ code: "nessun_abbinamento_idoneo", label: "Nessuna offerta aperta con punteggio sufficiente nell'ultimo abbinamento calcolato" }] });
  });

  it("over 80 days the list sent 70 days ago covers its person too", async () => {
    const res = await h.as(h.p.navigator).get(`${W}?cpi=${CPI_TORINO}&days=80`);
    expect(res.status).toBe(200);
    expect(res.body.coverage).toEqual({ beneficiaries: 7, covered: 3, share: 0.4286, target: 1, targetMet: false });
    expect(res.body.items.map((i: { candidateId: string }) => i.candidateId)).not.toContain(p.sentLongAgo);
  });

  it("pages the list and audits the reading, naming exactly the people shown", async () => {
    const all = (await h.as(h.p.navigator).get(`${W}?cpi=${CPI_TORINO}`)).body.items.map((i: { candidateId: string }) => i.candidateId);
    const navigator = await h.t.ctx.db.user.findFirstOrThrow({ where: { role: "navigator" } });
    await h.t.ctx.db.auditLog.deleteMany({ where: { userId: navigator.id } });
    const res = await h.as(h.p.navigator).get(`${W}?cpi=${CPI_TORINO}&pageSize=2&page=2`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(res.body.items.map((i: { candidateId: string }) => i.candidateId)).toEqual(all.slice(2, 4));
    const audit = await h.t.ctx.db.auditLog.findMany({ where: { userId: navigator.id } });
    expect(audit.map((a) => [a.action, a.entityType, a.route]).every(([a, e, r]) => a === "read" && e === "candidate" && r === "GET /watch-list")).toBe(true);
    expect(audit.map((a) => a.entityId).sort()).toEqual(all.slice(2, 4).sort());
  });

  it.each([
    ["admin", 200],
    ["referent", 200],
    ["tutor", 200],
    ["navigator", 200],
    ["otherReferent", 403],
    ["employer", 403],
  ] as const)("Torino's list as %s: %i", async (who, status) => {
    expect((await h.as(h.p[who]).get(`${W}?cpi=${CPI_TORINO}`)).status).toBe(status);
  });

  it.each([
    ["no CPI", "", 400],
    ["an unknown CPI", "?cpi=XX-NOWHERE", 422],
    ["zero days", `?cpi=${CPI_TORINO}&days=0`, 400],
    ["an unknown parameter", `?cpi=${CPI_TORINO}&sort=name`, 400],
  ])("refuses %s", async (_what, query, status) => {
    expect((await h.as(h.p.navigator).get(`${W}${query}`)).status).toBe(status);
  });

  it("the reading stores nothing but the audit entries", async () => {
    const before = await h.t.ctx.db.matchResult.count();
    await h.as(h.p.admin).get(`${W}?cpi=${CPI_TORINO}`);
    expect(await h.t.ctx.db.matchResult.count()).toBe(before);
  });
});
