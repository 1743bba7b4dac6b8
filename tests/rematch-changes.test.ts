import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { VALID_VAT_NUMBERS } from "./helpers/valid-codes.js";
import { rematchChanges, REMATCH_CONSUMER } from "../src/jobs/rematch-changes/rematch-changes.js";
import { rematchTargetOf, rematchTargets } from "../src/jobs/rematch-changes/changes-that-matter.js";
import type { StoredDomainEvent } from "../src/events/domain-events.js";
import { rematchOpenVacancies } from "../src/jobs/rematch/rematch-vacancies.js";
import { enqueueJob } from "../src/jobs/job-queue.js";
import { runDueJobs } from "../src/jobs/job-worker.js";
import { slotKey } from "../src/jobs/scheduler.js";
import { syncIndexOnce } from "../src/indexing/index-sync-consumer.js";
import { loadOpenOffers } from "../src/matching/rematch-people.js";
import { rarityWeights } from "../src/matching/competence-rarity.js";

const h = useTestApp();
let taxCodes = 9100;
let companies = 1;
const admin = () => h.as(h.p.admin);

/** A warehouse person of the tutor's caseload who fits the warehouse offers (must-have competence, licence, Torino). */
async function register(over: Record<string, unknown> = {}): Promise<string> {
  const res = await admin().post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(taxCodes++), { competences: ["Conduzione carrelli elevatori"], ...over }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function publish(over: Record<string, unknown> = {}): Promise<string> {
  const res = await admin().post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Magazziniere", companyTaxCode: VALID_VAT_NUMBERS[companies++], niceToHaveCompetences: ["Gestione del magazzino"], ...over }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const stored = (where: { vacancyId?: string; candidateId?: string }) => h.t.ctx.db.matchResult.findMany({ where });
const feedOfTutor = () => h.t.ctx.db.feedItem.findMany({ where: { userId: h.p.tutorId }, orderBy: { createdAt: "asc" } });

let vacancyId = "";
let personId = "";

beforeAll(async () => {
  vacancyId = await publish();
  // Nobody to match yet: the first run only takes the log so far.
  expect(await rematchChanges(h.t.ctx)).toMatchObject({ vacancies: 1, people: 0, stored: 0 });
});

describe("the rematch of changes", () => {
  it("a person registered who fits an open vacancy: the match is stored and their tutor's feed says so, without names", async () => {
    personId = await register({ tutorId: h.p.tutorId });
    const report = await rematchChanges(h.t.ctx);
    expect(report).toMatchObject({ events: 1, vacancies: 0, people: 1, improved: 0, dropped: 0 });
    expect(report.newMatches).toBeGreaterThanOrEqual(1);
    const [row] = await stored({ vacancyId, candidateId: personId });
    expect(row).toMatchObject({ previousScore: null, modelVersion: h.t.ctx.matching.modelVersion });
    const feed = await feedOfTutor();
    expect(feed).toHaveLength(1);
    expect(feed[0]).toMatchObject({ kind: "abbinamento_nuovo", vacancyId, candidateId: personId, payload: { vacancyId, candidateId: personId, score: row!.score, previousScore: null } });
    const payload = feed[0]!.payload as { reasons: string[] };
    expect(payload.reasons.length).toBeGreaterThan(0);
    expect(payload.reasons.join(" ")).toMatch(/Profilo|competenz/i);
    expect(JSON.stringify(payload)).not.toMatch(/Rossi|Maria|example\.it/);
  });

  it("a person changed twice before the run is rematched once, and the better score is told as such", async () => {
    const before = (await stored({ vacancyId, candidateId: personId }))[0]!;
    expect((await admin().patch(`/api/v1/candidates/${personId}`, { competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"] })).status).toBe(200);
    expect((await admin().patch(`/api/v1/candidates/${personId}`, { maxTravelKm: 35 })).status).toBe(200);
    const report = await rematchChanges(h.t.ctx);
    expect(report).toMatchObject({ events: 2, people: 1, vacancies: 0, newMatches: 0, improved: 1 });
    const after = (await stored({ vacancyId, candidateId: personId }))[0]!;
    expect(after.score).toBeGreaterThan(before.score);
    expect(after).toMatchObject({ previousScore: before.score, firstSeenAt: before.firstSeenAt });
    const feed = await feedOfTutor();
    expect(feed.map((f) => f.kind)).toEqual(["abbinamento_nuovo", "abbinamento_migliorato"]);
    expect(feed[1]!.payload).toMatchObject({ score: after.score, previousScore: before.score });
  });

  it("a change that cannot matter (a phone number) schedules nothing", async () => {
    const rows = await stored({ candidateId: personId });
    expect((await admin().patch(`/api/v1/candidates/${personId}`, { phone: "+39 011 5550123" })).status).toBe(200);
    expect(await rematchChanges(h.t.ctx)).toMatchObject({ events: 1, vacancies: 0, people: 0, stored: 0 });
    expect(await stored({ candidateId: personId })).toEqual(rows);
  });

  it("a vacancy published: the people it fits are stored, the one without a tutor with no feed item", async () => {
    const other = await register();
    await rematchChanges(h.t.ctx);
    const feedBefore = (await feedOfTutor()).length;
    const second = await publish();
    const report = await rematchChanges(h.t.ctx);
    expect(report).toMatchObject({ events: 1, vacancies: 1, people: 0 });
    expect(report.newMatches).toBe(2);
    expect((await stored({ vacancyId: second })).map((r) => r.candidateId).sort()).toEqual([personId, other].sort());
    expect(await feedOfTutor()).toHaveLength(feedBefore + 1);
  });

  it("a vacancy changed: rematched when the change is one matching reads or a reopening, not for its notes", async () => {
    expect((await admin().patch(`/api/v1/vacancies/${vacancyId}`, { notes: "Colloqui il martedì" })).status).toBe(200);
    expect(await rematchChanges(h.t.ctx)).toMatchObject({ events: 1, vacancies: 0, stored: 0 });
    const before = (await stored({ vacancyId, candidateId: personId }))[0]!;
    expect((await admin().patch(`/api/v1/vacancies/${vacancyId}`, { niceToHaveCompetences: [] })).status).toBe(200);
    expect((await admin().post(`/api/v1/vacancies/${vacancyId}/status`, { to: "in_preselection" })).status).toBe(200);
    expect(await rematchChanges(h.t.ctx)).toMatchObject({ events: 2, vacancies: 1, people: 0, newMatches: 0 });
    const after = (await stored({ vacancyId, candidateId: personId }))[0]!;
    expect(after).toMatchObject({ previousScore: before.score, firstSeenAt: before.firstSeenAt });
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
  });

  it("run again: nothing read, nothing stored; replayed after a crash before the cursor moved: nothing new, no feed item twice", async () => {
    expect(await rematchChanges(h.t.ctx)).toMatchObject({ events: 0, stored: 0, newMatches: 0 });
    const feed = (await feedOfTutor()).length;
    const rows = await h.t.ctx.db.matchResult.count();
    await h.t.ctx.db.eventCursor.update({ where: { consumer: REMATCH_CONSUMER }, data: { lastSeq: 0 } });
    const replay = await rematchChanges(h.t.ctx);
    expect(replay.events).toBeGreaterThan(5);
    expect(replay).toMatchObject({ newMatches: 0, improved: 0, dropped: 0 });
    expect(await feedOfTutor()).toHaveLength(feed);
    expect(await h.t.ctx.db.matchResult.count()).toBe(rows);
  });

  it("results stop counting when the vacancy closes, the person is hired or erased", async () => {
    const closing = await publish();
    const hired = await register();
    const erased = await register();
    await rematchChanges(h.t.ctx);
    expect(await stored({ vacancyId: closing })).toHaveLength(4);
    expect((await admin().post(`/api/v1/vacancies/${closing}/status`, { to: "cancelled", reason: "L'azienda ha rinunciato" })).status).toBe(200);
    expect(await rematchChanges(h.t.ctx)).toMatchObject({ vacancies: 1, dropped: 4 });
    expect(await stored({ vacancyId: closing })).toEqual([]);

    expect((await admin().patch(`/api/v1/candidates/${hired}`, { availability: "employed" })).status).toBe(200);
    const hiredRows = (await stored({ candidateId: hired })).length;
    expect(hiredRows).toBeGreaterThan(0);
    expect(await rematchChanges(h.t.ctx)).toMatchObject({ people: 1, dropped: hiredRows, stored: 0 });
    expect(await stored({ candidateId: hired })).toEqual([]);

    expect((await admin().del(`/api/v1/candidates/${erased}`)).status).toBe(204);
    expect(await stored({ candidateId: erased })).toEqual([]);
    expect(await rematchChanges(h.t.ctx)).toMatchObject({ people: 1, stored: 0, newMatches: 0 });
  });

  it("the nightly full pass stores through the same function: its news reach the feed once, the rematch of changes adds nothing", async () => {
    const newcomer = await h.t.ctx.db.candidate.count();
    const id = await register({ tutorId: h.p.tutorId });
    expect(await h.t.ctx.db.candidate.count()).toBe(newcomer + 1);
    const feed = (await feedOfTutor()).length;
    // Called directly, not through a request: with Meilisearch the registration reaches the index through its consumer first.
    await syncIndexOnce(h.t.ctx);
    const full = await rematchOpenVacancies(h.t.ctx);
    expect(full.newMatches).toBe(2);
    expect(await feedOfTutor()).toHaveLength(feed + 2);
    expect(await rematchChanges(h.t.ctx)).toMatchObject({ people: 1, newMatches: 0, improved: 0 });
    expect(await feedOfTutor()).toHaveLength(feed + 2);
    expect((await stored({ candidateId: id })).length).toBe(2);
  });

  it("the open vacancies it rematches people against know who is on each one's open list, read for all of them at once", async () => {
    const listedOn = await publish();
    const other = await publish();
    const id = await register();
    await syncIndexOnce(h.t.ctx);
    const list = await admin().post(`/api/v1/vacancies/${listedOn}/shortlist`, {});
    expect(list.status, JSON.stringify(list.body)).toBe(201);
    expect(list.body.entries.map((e: { candidateId: string }) => e.candidateId)).toContain(id);
    const open = await loadOpenOffers(h.t.ctx, new Date());
    const contextOf = (vacancy: string) => open.find((o) => o.offer.facts.id === vacancy)!.matchCtx;
    expect(contextOf(listedOn).onVacancyList(id)).toBe(true);
    expect(contextOf(other).onVacancyList(id)).toBe(false);
    // The tests after this one count the open vacancies and the log from here.
    for (const v of [listedOn, other]) expect((await admin().post(`/api/v1/vacancies/${v}/status`, { to: "cancelled", reason: "Prova conclusa" })).status).toBe(200);
    await rematchChanges(h.t.ctx);
  });

  it("offers prepared together count each competence's rarity once", async () => {
    const index = h.t.ctx.index;
    const counted: string[] = [];
    const documentFrequency = index.documentFrequency.bind(index);
    index.documentFrequency = async (...args) => {
      counted.push(args[2]);
      return documentFrequency(...args);
    };
    try {
      const competences = ["Saldatura a filo continuo", "Lettura del disegno meccanico"];
      const weights = await Promise.all([rarityWeights(index, competences), rarityWeights(index, [competences[0]!]), rarityWeights(index, competences)]);
      expect(counted.sort()).toEqual([...competences].sort());
      expect(weights.map((w) => w(competences[0]!))).toEqual([weights[0]!(competences[0]!), weights[0]!(competences[0]!), weights[0]!(competences[0]!)]);
      expect(weights[0]!(competences[0]!)).toBeGreaterThanOrEqual(1);
    } finally {
      index.documentFrequency = documentFrequency;
    }
  });
});

describe("which events can change matches", () => {
  const at = { seq: 1, actorUserId: null, at: new Date() };
  const change = (field: string) => ({ field, before: 1, after: 2 });
  it.each([
    [{ type: "vacancy.published", entityType: "vacancy", entityId: "v", payload: { status: "open", statusChangeId: "s" } }, { kind: "vacancy", id: "v" }],
    [{ type: "vacancy.changed", entityType: "vacancy", entityId: "v", payload: { changes: [change("hoursPerWeek")] } }, { kind: "vacancy", id: "v" }],
    [{ type: "vacancy.changed", entityType: "vacancy", entityId: "v", payload: { changes: [change("notes"), change("positions")] } }, null],
    [{ type: "vacancy.changed", entityType: "vacancy", entityId: "v", payload: { changes: [{ field: "referentName" }], reason: "ferie" } }, null],
    [{ type: "vacancy.status_changed", entityType: "vacancy", entityId: "v", payload: { from: "list_sent", to: "in_preselection", reason: null, statusChangeId: "s" } }, { kind: "vacancy", id: "v" }],
    [{ type: "vacancy.status_changed", entityType: "vacancy", entityId: "v", payload: { from: "open", to: "filled", reason: null, statusChangeId: "s" } }, { kind: "vacancy", id: "v" }],
    [{ type: "vacancy.status_changed", entityType: "vacancy", entityId: "v", payload: { from: "in_preselection", to: "list_sent", reason: null, statusChangeId: "s" } }, null],
    [{ type: "candidate.registered", entityType: "candidate", entityId: "c", payload: {} }, { kind: "candidate", id: "c" }],
    [{ type: "candidate.changed", entityType: "candidate", entityId: "c", payload: { fields: ["phone", "domicileIstatCode"] } }, { kind: "candidate", id: "c" }],
    [{ type: "candidate.changed", entityType: "candidate", entityId: "c", payload: { fields: ["phone", "email", "tutorId"] } }, null],
    [{ type: "candidate.erased", entityType: "candidate", entityId: "c", payload: {} }, { kind: "candidate", id: "c" }],
    [{ type: "employer.changed", entityType: "employer", entityId: "e", payload: { fields: ["name"] } }, null],
  ] as const)("%o → %o", (event, target) => {
    expect(rematchTargetOf({ ...event, ...at } as StoredDomainEvent)).toEqual(target);
  });

  it("collapses a batch to one rematch per vacancy and per person", () => {
    const events = [
      { type: "candidate.changed", entityType: "candidate", entityId: "c1", payload: { fields: ["competences"] } },
      { type: "candidate.changed", entityType: "candidate", entityId: "c1", payload: { fields: ["maxTravelKm"] } },
      { type: "vacancy.changed", entityType: "vacancy", entityId: "v1", payload: { changes: [change("ccnl")] } },
      { type: "candidate.registered", entityType: "candidate", entityId: "c2", payload: {} },
      { type: "vacancy.changed", entityType: "vacancy", entityId: "v1", payload: { changes: [change("closingDate")] } },
    ].map((e, i) => ({ ...e, ...at, seq: i + 1 }) as StoredDomainEvent);
    expect(rematchTargets(events)).toEqual({ vacancyIds: ["v1"], candidateIds: ["c1", "c2"] });
  });
});

describe("the rematch of changes as a scheduled job", () => {
  it("each minute's slot runs once through the job worker and records its counts", async () => {
    const id = await register({ tutorId: h.p.tutorId });
    const minute = new Date("2026-12-01T10:00:00Z");
    const nextMinute = new Date(minute.getTime() + 60_000);
    for (const slot of [minute, minute, nextMinute]) {
      await enqueueJob(h.t.ctx.db, { kind: "rematch-changes", uniqueKey: slotKey("rematch-changes", slot), payload: { slot: slot.toISOString() } });
    }
    expect(await runDueJobs(h.t.ctx)).toBe(2);
    const runs = (await h.t.ctx.db.jobRun.findMany({ where: { kind: "rematch-changes" } })).sort((a, b) => (b.counts as { events: number }).events - (a.counts as { events: number }).events);
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    expect(runs[0]!.counts).toMatchObject({ events: 1, people: 1, vacancies: 0, newMatches: 2, dropped: 0 });
    expect(runs[1]!.counts).toMatchObject({ events: 0, people: 0, newMatches: 0 });
    expect((await stored({ candidateId: id })).length).toBe(2);
  });
});
