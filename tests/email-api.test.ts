import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { sendEmailsJob } from "../src/jobs/send-emails/send-emails.js";
import { useTestApp } from "./helpers/test-app.js";
import { vacancyBody } from "./helpers/sample-bodies.js";
import { raiseReminder } from "./helpers/email-fixtures.js";

/**
 * With no SMTP configured nothing is sent and nothing is lost: messages stay queued and the API lists them.
 * Who sees which messages, the filters and the refusals of the outbox routes.
 */

const h = useTestApp();
const E = "/api/v1/emails";
const REFERENT = "referente.torino@example.it";
const OTHER = "anna.bianchi@cpi.example.it";
const ids = { toReferent: "", toOther: "" };

async function reminderTo(referentEmail: string, kind: string): Promise<string> {
  const res = await h.as(h.p.admin).post("/api/v1/vacancies", vacancyBody({ referentName: "Chi riceve", referentEmail }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await raiseReminder(h.t.ctx, { vacancyId: res.body.id, kind, stage: "scaduta", dueAt: new Date("2026-11-20T00:00:00.000Z"), referentUserId: null });
  return (await h.t.ctx.db.emailMessage.findFirstOrThrow({ where: { body: { contains: res.body.id } } })).id;
}

beforeAll(async () => {
  ids.toReferent = await reminderTo(REFERENT, "verifica_esito");
  ids.toOther = await reminderTo(OTHER, "rosa");
});

describe("no SMTP configured", () => {
  it("the job sends nothing and says so; the messages stay queued, listed by the API", async () => {
    const outcome = await sendEmailsJob(h.t.ctx, undefined);
    expect(outcome).toEqual({ counts: { sent: 0, retrying: 0, gaveUp: 0, queued: 2 }, report: { smtpConfigured: false } });

    const listed = await h.as(h.p.admin).get(`${E}?status=in_coda`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 2, page: 1, pageSize: 20, smtpConfigured: false });
    for (const item of listed.body.items) {
      expect(item).toMatchObject({ status: "in_coda", statusLabel: "In coda", attempts: 0, lastError: null, sentAt: null });
      expect(Date.parse(item.nextAttemptAt)).not.toBeNaN();
    }
    expect(await h.t.ctx.db.emailMessage.count({ where: { status: "in_coda", attempts: 0 } })).toBe(2);
  });
});

describe("who sees which messages", () => {
  it("the administrator sees every message, filtered by kind and status, paged, newest first", async () => {
    const all = await h.as(h.p.admin).get(E);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([ids.toOther, ids.toReferent]);
    const byKind = await h.as(h.p.admin).get(`${E}?kind=verifica_esito`);
    expect(byKind.body.items.map((i: { id: string }) => i.id)).toEqual([ids.toReferent]);
    expect(byKind.body.items[0].kindLabel).toBe("Verifica dell'esito con l'azienda (al referente dell'offerta)");
    const page2 = await h.as(h.p.admin).get(`${E}?pageSize=1&page=2`);
    expect(page2.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([ids.toReferent]);
    expect((await h.as(h.p.admin).get(`${E}?status=inviata`)).body.total).toBe(0);
  });

  it("any other user sees only the messages addressed to them, with their text", async () => {
    const own = await h.as(h.p.referent).get(E);
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([ids.toReferent]);
    const detail = await h.as(h.p.referent).get(`${E}/${ids.toReferent}`);
    expect(detail.status).toBe(200);
    expect(detail.body.body).toContain("verificare con l'azienda l'esito della rosa inviata");

    const refused = await h.as(h.p.referent).get(`${E}/${ids.toOther}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("Si vedono solo i messaggi indirizzati al proprio indirizzo e-mail.");
    expect((await h.as(h.p.tutor).get(E)).body.total).toBe(0);
    expect((await h.as(h.p.employer).get(`${E}/${ids.toReferent}`)).status).toBe(403);
  });

  it("refusals: bad filters 400, unknown message 404, retry by a non-administrator 403, retry of a queued message 409", async () => {
    const bad = await h.as(h.p.admin).get(`${E}?status=sent&kind=altro`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(["kind", "status"]);
    expect((await h.as(h.p.admin).get(`${E}?foo=1`)).status).toBe(400);
    expect((await h.as(h.p.admin).get(`${E}/non-esiste`)).status).toBe(404);
    expect((await h.as(h.p.admin).post(`${E}/non-esiste/retry`, {})).status).toBe(404);
    expect((await h.as(h.p.referent).post(`${E}/${ids.toReferent}/retry`, {})).status).toBe(403);
    const queued = await h.as(h.p.admin).post(`${E}/${ids.toReferent}/retry`, {});
    expect(queued.status).toBe(409);
    expect(queued.body).toMatchObject({ code: "INVALID_TRANSITION", message: "Si rimette in coda solo un messaggio nello stato «Non inviata»: questo è nello stato «In coda»." });
    expect((await request(h.t.app).get(E)).status).toBe(401);
  });
});
