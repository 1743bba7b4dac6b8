import { beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../src/config/env.js";
import { createLogger } from "../src/logging/logger.js";
import { createContext } from "../src/bootstrap.js";
import type { AppContext } from "../src/context.js";
import { raiseDeadlineReminders } from "../src/jobs/deadline-reminders/deadline-reminders.js";
import { enqueueJob } from "../src/jobs/job-queue.js";
import { runDueJobs } from "../src/jobs/job-worker.js";
import { slotKey } from "../src/jobs/scheduler.js";
import { dayDate, italianDay } from "../src/deadlines/calendar-day.js";
import { CPI_MILANO, CPI_MONCALIERI, CPI_TORINO, useTestApp } from "./helpers/test-app.js";
import { MILANO } from "./helpers/valid-codes.js";
import { OTHER_REFERENT_EMAIL, REFERENT_EMAIL, daysFromToday, monitoringFixtures, today } from "./helpers/monitoring-fixtures.js";

const D = "/api/v1/deadlines";
const V = "/api/v1/vacancies";

interface Item {
  vacancyId: string;
  kind: string;
  stage: string;
  dueOn: string;
  [k: string]: unknown;
}
const tag = (i: Item) => `${i.vacancyId}:${i.kind}:${i.stage}`;
const userId = async (ctx: AppContext, email: string) => (await ctx.db.user.findUniqueOrThrow({ where: { email } })).id;

describe("deadline list and the facts it depends on, over HTTP", () => {
  const h = useTestApp();
  const f = monitoringFixtures(h, 5100);
  const v = {} as Record<"listDueSoon" | "listOverdue" | "moncalieriFine" | "moncalieriOverdue" | "milano" | "selection" | "cancelled" | "sent" | "legacy", string>;
  let referentId = "";
  let otherReferentId = "";

  beforeAll(async () => {
    referentId = await userId(h.t.ctx, REFERENT_EMAIL);
    otherReferentId = await userId(h.t.ctx, OTHER_REFERENT_EMAIL);
    const torino = (arrival: number) => f.vacancy(h.p.referent, { arrivalDate: daysFromToday(arrival), referentEmail: REFERENT_EMAIL });
    v.listDueSoon = await torino(-18);
    v.listOverdue = await torino(-25);
    v.moncalieriFine = await f.vacancy(h.p.referent, { arrivalDate: daysFromToday(-5), cpiCode: CPI_MONCALIERI, referentEmail: REFERENT_EMAIL });
    v.moncalieriOverdue = await f.vacancy(h.p.referent, { arrivalDate: daysFromToday(-21), cpiCode: CPI_MONCALIERI, referentEmail: REFERENT_EMAIL });
    v.milano = await f.vacancy(h.p.otherReferent, { arrivalDate: daysFromToday(-30), cpiCode: CPI_MILANO, workplaceIstatCode: MILANO, referentEmail: OTHER_REFERENT_EMAIL });
    v.selection = await torino(-10);
    expect((await h.as(h.p.referent).post(`${V}/${v.selection}/selection-request`, { requestedAt: daysFromToday(-6) })).status).toBe(200);
    v.cancelled = await torino(-40);
    expect((await h.as(h.p.referent).post(`${V}/${v.cancelled}/close`, { outcome: "cancelled", reason: "L'azienda ha rinunciato" })).status).toBe(200);
    // A list sent 16 days ago: the list went out in time, the outcome check is a day overdue.
    v.sent = await torino(-30);
    await f.person(h.p.referent);
    const { shortlistId } = await f.sendList(h.p.referent, v.sent);
    await h.t.ctx.db.shortlist.update({ where: { id: shortlistId }, data: { sentAt: dayDate(daysFromToday(-16)) } });
    // An older row that names its referent only by the showcase's «Mail referente», written differently.
    v.legacy = await torino(-19);
    await h.t.ctx.db.vacancy.update({ where: { id: v.legacy }, data: { referentUserId: null, referentEmail: "Referente.Torino@Example.IT" } });
  });

  const expectedAll = () => [
    `${v.milano}:rosa:scaduta`,
    `${v.listOverdue}:rosa:scaduta`,
    `${v.moncalieriOverdue}:rosa:scaduta`,
    `${v.sent}:verifica_esito:scaduta`,
    ...[`${v.selection}:selezione:in_scadenza`, `${v.legacy}:rosa:in_scadenza`].sort((a, b) => a.localeCompare(b)),
    `${v.listDueSoon}:rosa:in_scadenza`,
  ];

  it("lists every due and overdue deadline for the administrator, most overdue first, with counts per CPI and per referent", async () => {
    const res = await h.as(h.p.admin).get(D);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ day: today(), total: 7, page: 1, pageSize: 20, settings: { listDays: 20, selectionDays: 7, outcomeCheckDays: 15, dueSoonDays: 3 } });
    expect(res.body.items.map(tag)).toEqual(expectedAll());
    expect(res.body.byCpi).toEqual([
      { cpiCode: CPI_MILANO, cpiName: expect.any(String), counts: { in_scadenza: 0, scaduta: 1 } },
      { cpiCode: CPI_MONCALIERI, cpiName: expect.any(String), counts: { in_scadenza: 0, scaduta: 1 } },
      { cpiCode: CPI_TORINO, cpiName: expect.any(String), counts: { in_scadenza: 3, scaduta: 2 } },
    ]);
    expect(res.body.byReferent).toEqual([
      { referentUserId: otherReferentId, referentName: "Referente Milano", counts: { in_scadenza: 0, scaduta: 1 } },
      { referentUserId: referentId, referentName: "Referente Torino", counts: { in_scadenza: 3, scaduta: 3 } },
    ]);
  });

  it("describes each deadline in Italian, with the vacancy, its CPI and its referent", async () => {
    const res = await h.as(h.p.admin).get(`${D}?cpi=${CPI_TORINO}&kind=rosa&stage=in_scadenza`);
    const item = res.body.items.find((i: Item) => i.vacancyId === v.listDueSoon);
    expect(item).toEqual({
      vacancyId: v.listDueSoon,
      requestedProfile: expect.stringMatching(/^Magazziniere/),
      companyName: "Logistica Sabauda S.r.l.",
      vacancyStatus: "open",
      vacancyStatusLabel: "Aperta",
      cpi: { code: CPI_TORINO, name: expect.any(String) },
      referent: { userId: referentId, name: "Referente Torino", email: REFERENT_EMAIL },
      kind: "rosa",
      kindLabel: "Invio della rosa all'azienda",
      stage: "in_scadenza",
      stageLabel: "In scadenza",
      startsOn: daysFromToday(-18),
      termDays: 20,
      dueOn: daysFromToday(2),
      daysLeft: 2,
      metOn: null,
      description: `Rosa da inviare all'azienda entro il ${italianDay(daysFromToday(2))} (20 giorni dall'arrivo dell'offerta, il ${italianDay(daysFromToday(-18))}): mancano 2 giorni`,
    });
    const legacy = res.body.items.find((i: Item) => i.vacancyId === v.legacy);
    expect(legacy.referent).toEqual({ userId: referentId, name: "Referente Torino", email: REFERENT_EMAIL });
  });

  it("filters by stage, kind, CPI and referent, and pages", async () => {
    const tags = async (query: string, token = h.p.admin) => {
      const res = await h.as(token).get(`${D}?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map(tag);
    };
    expect(await tags("stage=scaduta")).toEqual(expectedAll().slice(0, 4));
    expect(await tags("kind=selezione")).toEqual([`${v.selection}:selezione:in_scadenza`]);
    expect(await tags(`cpi=${CPI_MONCALIERI},${CPI_MILANO}`)).toEqual([`${v.milano}:rosa:scaduta`, `${v.moncalieriOverdue}:rosa:scaduta`]);
    expect(await tags(`referentUserId=${otherReferentId}`)).toEqual([`${v.milano}:rosa:scaduta`]);
    expect(await tags("mine=true", h.p.otherReferent)).toEqual([`${v.milano}:rosa:scaduta`]);
    expect(await tags("mine=true", h.p.referent)).toEqual(expectedAll().filter((t) => !t.startsWith(v.milano)));
    expect(await tags("mine=true", h.p.tutor)).toEqual([]);
    const page = await h.as(h.p.admin).get(`${D}?pageSize=2&page=2`);
    expect(page.body.total).toBe(7);
    expect(page.body.items.map(tag)).toEqual(expectedAll().slice(2, 4));
  });

  it("shows operators only their CPIs, and refuses employers and other CPIs", async () => {
    const seen = async (token: string) => (await h.as(token).get(D)).body.items.map(tag);
    const torinoOnly = expectedAll().filter((t) => !t.startsWith(v.milano) && !t.startsWith(v.moncalieriOverdue));
    expect(await seen(h.p.referent)).toEqual(expectedAll().filter((t) => !t.startsWith(v.milano)));
    expect(await seen(h.p.tutor)).toEqual(torinoOnly);
    expect(await seen(h.p.navigator)).toEqual(torinoOnly);
    expect(await seen(h.p.otherReferent)).toEqual([`${v.milano}:rosa:scaduta`]);

    const other = await h.as(h.p.referent).get(`${D}?cpi=${CPI_MILANO}`);
    expect(other.status).toBe(403);
    expect(other.body.message).toBe(`L'operatore non opera per il CPI ${CPI_MILANO}.`);
    for (const token of [h.p.employer, h.p.otherEmployer]) expect((await h.as(token).get(D)).status).toBe(403);
  });

  it("refuses bad filters with the field named", async () => {
    const bad = async (query: string, status: number, code: string, field: string) => {
      const res = await h.as(h.p.admin).get(`${D}?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.fields.map((x: { field: string }) => x.field)).toContain(field);
    };
    await bad("cpi=XX-NESSUNO", 422, "UNKNOWN_REFERENCE", "cpi");
    await bad("referentUserId=nessuno", 422, "UNKNOWN_REFERENCE", "referentUserId");
    await bad(`mine=true&referentUserId=${referentId}`, 400, "VALIDATION_FAILED", "mine");
    await bad("stage=nei_termini", 400, "VALIDATION_FAILED", "stage");
    await bad("kind=colloquio", 400, "VALIDATION_FAILED", "kind");
    await bad("giorno=2026-12-01", 400, "VALIDATION_FAILED", "giorno");
  });

  it("records the selection asked for and started, with dates checked, each change in the vacancy's history", async () => {
    const id = await f.vacancy(h.p.referent, { arrivalDate: daysFromToday(-10) });
    const post = (token: string, what: string, body: object) => h.as(token).post(`${V}/${id}/${what}`, body);
    const selection = (body: { deadlines: Item[] }) => body.deadlines.find((d) => d.kind === "selezione");

    for (const token of [h.p.tutor, h.p.navigator, h.p.otherReferent, h.p.employer]) expect((await post(token, "selection-request", {})).status).toBe(403);
    const future = await post(h.p.referent, "selection-request", { requestedAt: daysFromToday(1) });
    expect(future.status).toBe(400);
    expect(future.body.fields).toEqual([{ field: "requestedAt", message: expect.stringMatching(/^La data non può essere nel futuro/) }]);
    const beforeArrival = await post(h.p.referent, "selection-request", { requestedAt: daysFromToday(-11) });
    expect(beforeArrival.status).toBe(400);
    expect(beforeArrival.body.fields).toEqual([{ field: "requestedAt", message: expect.stringMatching(/^La data precede l'arrivo dell'offerta/) }]);
    const notAsked = await post(h.p.referent, "selection-start", {});
    expect(notAsked.status).toBe(409);
    expect(notAsked.body.code).toBe("CONFLICT");

    const asked = await post(h.p.referent, "selection-request", { requestedAt: daysFromToday(-5) });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body).toMatchObject({ vacancyId: id, day: today() });
    expect(selection(asked.body)).toMatchObject({ startsOn: daysFromToday(-5), dueOn: daysFromToday(2), stage: "in_scadenza", metOn: null });
    const corrected = await post(h.p.admin, "selection-request", { requestedAt: daysFromToday(-4) });
    expect(selection(corrected.body)).toMatchObject({ startsOn: daysFromToday(-4), dueOn: daysFromToday(3), stage: "in_scadenza" });

    const tooEarly = await post(h.p.referent, "selection-start", { startedAt: daysFromToday(-5) });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.fields).toEqual([{ field: "startedAt", message: expect.stringMatching(/^La data precede la richiesta di selezione/) }]);
    const started = await post(h.p.referent, "selection-start", {});
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(selection(started.body)).toMatchObject({ stage: "rispettata", stageLabel: "Rispettata", metOn: today() });
    for (const what of ["selection-start", "selection-request"]) {
      const again = await post(h.p.referent, what, {});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe("CONFLICT");
    }

    const history = (await h.as(h.p.tutor).get(`${V}/${id}/history`)).body as { type: string; byUserName: string; changes: unknown[] }[];
    const changed = history.filter((e) => e.type === "changed");
    expect(changed.map((e) => [e.byUserName, e.changes])).toEqual([
      ["Referente Torino", [{ field: "selectionRequestedAt", before: null, after: `${daysFromToday(-5)}T00:00:00.000Z` }]],
      ["Admin Regione", [{ field: "selectionRequestedAt", before: `${daysFromToday(-5)}T00:00:00.000Z`, after: `${daysFromToday(-4)}T00:00:00.000Z` }]],
      ["Referente Torino", [{ field: "selectionStartedAt", before: null, after: expect.stringMatching(new RegExp(`^${new Date().toISOString().slice(0, 10)}T`)) }]],
    ]);
  });

  it("refuses a selection on a closed vacancy and on a vacancy that does not exist", async () => {
    const closed = await h.as(h.p.referent).post(`${V}/${v.cancelled}/selection-request`, {});
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe("VACANCY_CLOSED");
    expect((await h.as(h.p.referent).post(`${V}/nessuna/selection-request`, {})).status).toBe(404);
    expect((await h.as(h.p.referent).post(`${V}/${v.selection}/selection-request`, { requestedAt: "2026-02-30" })).status).toBe(400);
    expect((await h.as(h.p.referent).post(`${V}/${v.selection}/selection-request`, { quando: "ieri" })).status).toBe(400);
  });

  it("records the outcome check of the latest list sent, once, with the note in the history; the overdue check leaves the list", async () => {
    const path = `${V}/${v.sent}/shortlist/outcome-check`;
    const noList = await h.as(h.p.referent).post(`${V}/${v.listDueSoon}/shortlist/outcome-check`, {});
    expect(noList.status).toBe(409);
    expect(noList.body.message).toMatch(/Nessuna rosa è stata inviata/);
    expect((await h.as(h.p.tutor).post(path, {})).status).toBe(403);
    const beforeSending = await h.as(h.p.referent).post(path, { checkedAt: daysFromToday(-17) });
    expect(beforeSending.status).toBe(400);
    expect(beforeSending.body.fields).toEqual([{ field: "checkedAt", message: expect.stringMatching(/^La data precede l'invio della rosa/) }]);

    const checked = await h.as(h.p.referent).post(path, { checkedAt: daysFromToday(-2), note: "L'azienda ha fissato i colloqui" });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body.deadlines.map((d: Item) => [d.kind, d.stage, d.metOn])).toEqual([
      ["rosa", "rispettata", daysFromToday(-16)],
      ["verifica_esito", "rispettata", daysFromToday(-2)],
    ]);
    const again = await h.as(h.p.referent).post(path, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("già stato verificato");

    const history = (await h.as(h.p.referent).get(`${V}/${v.sent}/history`)).body as { type: string; changes: unknown[] }[];
    expect(history.filter((e) => e.type === "changed").at(-1)?.changes).toEqual([
      { field: "outcomeCheckedAt", before: null, after: `${daysFromToday(-2)}T00:00:00.000Z` },
      { field: "outcomeCheckNote", before: null, after: "L'azienda ha fissato i colloqui" },
    ]);
    const list = await h.as(h.p.admin).get(`${D}?kind=verifica_esito`);
    expect(list.body.items).toEqual([]);
  });
});

describe("the scheduled reminders", () => {
  const h = useTestApp();
  const f = monitoringFixtures(h, 5300);
  const v = {} as Record<"dueSoon" | "overdue" | "milano" | "fine" | "closed", string>;
  const T = today();
  let referentId = "";
  let otherReferentId = "";

  const reminderEvents = async (vacancyId?: string) =>
    (await h.t.ctx.db.domainEvent.findMany({ where: { type: "deadline.reminder", ...(vacancyId ? { entityId: vacancyId } : {}) }, orderBy: { seq: "asc" } })).map((e) => ({
      vacancyId: e.entityId,
      actorUserId: e.actorUserId,
      payload: e.payload,
    }));

  beforeAll(async () => {
    referentId = await userId(h.t.ctx, REFERENT_EMAIL);
    otherReferentId = await userId(h.t.ctx, OTHER_REFERENT_EMAIL);
    const torino = (arrival: number) => f.vacancy(h.p.referent, { arrivalDate: daysFromToday(arrival), referentEmail: REFERENT_EMAIL });
    v.dueSoon = await torino(-18);
    v.overdue = await torino(-25);
    v.milano = await f.vacancy(h.p.admin, { arrivalDate: daysFromToday(-30), cpiCode: CPI_MILANO, workplaceIstatCode: MILANO, referentEmail: OTHER_REFERENT_EMAIL });
    v.fine = await torino(-2);
    v.closed = await torino(-40);
    expect((await h.as(h.p.referent).post(`${V}/${v.closed}/close`, { outcome: "expired" })).status).toBe(200);
  });

  it("raises one reminder per deadline due soon or overdue, as a deadline.reminder event for the referent", async () => {
    const outcome = await raiseDeadlineReminders(h.t.ctx, T);
    const keys = [`${v.dueSoon}:rosa:in_scadenza:${daysFromToday(2)}`, `${v.overdue}:rosa:scaduta:${daysFromToday(-5)}`, `${v.milano}:rosa:scaduta:${daysFromToday(-10)}`];
    expect(outcome).toEqual({ pending: 3, raised: { in_scadenza: 1, scaduta: 2 }, alreadyRaised: 0, raisedKeys: expect.arrayContaining(keys) });
    expect(outcome.raisedKeys).toHaveLength(3);
    expect((await h.t.ctx.db.deadlineReminder.findMany()).map((r) => r.key).sort()).toEqual([...keys].sort());

    const events = await reminderEvents();
    expect(events).toHaveLength(3);
    expect(events).toEqual(
      expect.arrayContaining([
        { vacancyId: v.dueSoon, actorUserId: null, payload: { kind: "rosa", stage: "in_scadenza", dueAt: `${daysFromToday(2)}T00:00:00.000Z`, referentUserId: referentId } },
        { vacancyId: v.overdue, actorUserId: null, payload: { kind: "rosa", stage: "scaduta", dueAt: `${daysFromToday(-5)}T00:00:00.000Z`, referentUserId: referentId } },
        { vacancyId: v.milano, actorUserId: null, payload: { kind: "rosa", stage: "scaduta", dueAt: `${daysFromToday(-10)}T00:00:00.000Z`, referentUserId: otherReferentId } },
      ]),
    );
  });

  it("a second run raises nothing new", async () => {
    const outcome = await raiseDeadlineReminders(h.t.ctx, T);
    expect(outcome).toEqual({ pending: 3, raised: { in_scadenza: 0, scaduta: 0 }, alreadyRaised: 3, raisedKeys: [] });
    expect(await reminderEvents()).toHaveLength(3);
  });

  it("a deadline that becomes overdue gets its second reminder, once", async () => {
    const later = daysFromToday(3);
    const first = await raiseDeadlineReminders(h.t.ctx, later);
    expect(first).toMatchObject({ pending: 3, raised: { in_scadenza: 0, scaduta: 1 }, alreadyRaised: 2, raisedKeys: [`${v.dueSoon}:rosa:scaduta:${daysFromToday(2)}`] });
    expect((await raiseDeadlineReminders(h.t.ctx, later)).raised).toEqual({ in_scadenza: 0, scaduta: 0 });
    expect((await reminderEvents(v.dueSoon)).map((e) => (e.payload as { stage: string }).stage)).toEqual(["in_scadenza", "scaduta"]);
  });

  it("two processes running at once raise each new reminder exactly once", async () => {
    const fresh = [];
    for (let i = 0; i < 5; i++) fresh.push(await f.vacancy(h.p.referent, { arrivalDate: daysFromToday(-17), referentEmail: REFERENT_EMAIL }));
    const env = loadEnv({ DATABASE_PATH: h.t.databasePath, NODE_ENV: "test", LOG_LEVEL: "silent" });
    const second = await createContext(env, createLogger(env));
    try {
      const [a, b] = await Promise.all([raiseDeadlineReminders(h.t.ctx, T), raiseDeadlineReminders(second, T)]);
      expect(a.raised.in_scadenza + b.raised.in_scadenza).toBe(5);
      expect(a.raised.scaduta + b.raised.scaduta).toBe(0);
      expect([...a.raisedKeys, ...b.raisedKeys].sort()).toEqual(fresh.map((id) => `${id}:rosa:in_scadenza:${daysFromToday(3)}`).sort());
    } finally {
      await second.db.$disconnect();
    }
    for (const id of fresh) expect(await reminderEvents(id)).toHaveLength(1);
    expect(await h.t.ctx.db.deadlineReminder.count({ where: { vacancyId: { in: fresh } } })).toBe(5);
  });

  it("runs as the scheduled job, with its counts in the job run", async () => {
    const newcomer = await f.vacancy(h.p.referent, { arrivalDate: daysFromToday(-20), referentEmail: REFERENT_EMAIL });
    await enqueueJob(h.t.ctx.db, { kind: "deadline-reminders", uniqueKey: slotKey("deadline-reminders", new Date()) });
    expect(await runDueJobs(h.t.ctx)).toBe(1);
    const job = await h.t.ctx.db.job.findFirstOrThrow({ where: { kind: "deadline-reminders" } });
    expect(job.state).toBe("succeeded");
    const run = await h.t.ctx.db.jobRun.findUniqueOrThrow({ where: { id: job.runId! } });
    // Today: the two due-soon and overdue of the start, Milano, the five fresh ones, and the newcomer due today.
    expect(run).toMatchObject({
      status: "succeeded",
      counts: { pending: 9, raised: 1, dueSoon: 1, overdue: 0, alreadyRaised: 8 },
      report: { raised: [`${newcomer}:rosa:in_scadenza:${T}`] },
    });
  });
});
