import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/bootstrap.js";
import { loadEnv } from "../src/config/env.js";
import type { AppContext } from "../src/context.js";
import { claimNextDueEmail, SEND_LEASE_MS } from "../src/email/email-outbox.js";
import { sendDueEmails } from "../src/email/send-due-emails.js";
import { createLogger } from "../src/logging/logger.js";
import { client, createPersonas, createTestApp, type Personas, type TestApp } from "./helpers/test-app.js";
import { startSmtpServer, type TestSmtpServer } from "./helpers/smtp-server.js";
import { vacancyBody } from "./helpers/sample-bodies.js";
import { raiseReminder } from "./helpers/email-fixtures.js";

/**
 * Delivery through a real SMTP server that goes down, refuses, comes back: attempts with the job runner's
 * exponential back-off, given up after EMAIL_MAX_ATTEMPTS and visible, queued again by hand, never sent
 * twice, also with two store clients sending at once. The sender's clock is passed in, so the back-off is
 * stepped through without waiting.
 */

const MAX_ATTEMPTS = 4;
const REFERENT = "anna.bianchi@cpi.example.it";

let smtp: TestSmtpServer;
let t: TestApp;
let p: Personas;
const as = (token: string) => client(t.app, token);

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), EMAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS) });
  p = await createPersonas(t.ctx);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

let day = 0;
/** Queues `n` reminders (one e-mail each) for a new vacancy; their ids, oldest first. */
async function queue(n = 1): Promise<string[]> {
  const res = await as(p.admin).post("/api/v1/vacancies", vacancyBody({ referentName: "Anna Bianchi", referentEmail: REFERENT }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  for (let i = 0; i < n; i++) {
    await raiseReminder(t.ctx, { vacancyId: res.body.id, kind: "rosa", stage: "in_scadenza", dueAt: new Date(Date.UTC(2027, 0, 1 + day++)), referentUserId: null });
  }
  const rows = await t.ctx.db.emailMessage.findMany({ where: { body: { contains: res.body.id } }, orderBy: { createdAt: "asc" } });
  expect(rows).toHaveLength(n);
  return rows.map((r) => r.id);
}

const row = (id: string) => t.ctx.db.emailMessage.findUniqueOrThrow({ where: { id } });
const pass = (at: Date, ctx: AppContext = t.ctx) => sendDueEmails(ctx, { now: () => at });
const receivedOf = (id: string) => smtp.received.filter((r) => r.mail.messageId === `<${id}@localhost>`);
const after = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe("delivery with retries", () => {
  it("SMTP down: each attempt waits the back-off (30 s, 1 min, 2 min), then the message is given up and listed with its error", async () => {
    const [id] = (await queue()) as [string];
    await smtp.stop();
    let at = new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await pass(at)).toMatchObject({ sent: 0, retrying: 1, gaveUp: 0 });
      const m = await row(id);
      expect(m).toMatchObject({ status: "in_coda", attempts: attempt });
      expect(m.lastError).toMatch(new RegExp(`^Tentativo ${attempt} di ${MAX_ATTEMPTS}: Server SMTP non raggiungibile`));
      waits.push(m.nextAttemptAt.getTime() - at.getTime());
      // Just before its time the message is left alone.
      expect(await pass(after(m.nextAttemptAt, -1))).toMatchObject({ sent: 0, retrying: 0 });
      expect((await row(id)).attempts).toBe(attempt);
      at = m.nextAttemptAt;
    }
    expect(waits).toEqual([30_000, 60_000, 120_000]);

    expect(await pass(at)).toMatchObject({ retrying: 0, gaveUp: 1 });
    const given = await row(id);
    expect(given).toMatchObject({ status: "non_inviata", attempts: MAX_ATTEMPTS, sentAt: null });
    expect(given.lastError).toMatch(/^Tentativo 4 di 4: Server SMTP non raggiungibile/);
    const listed = await as(p.admin).get("/api/v1/emails?status=non_inviata");
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(listed.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ statusLabel: "Non inviata", attempts: 4, maxAttempts: 4, nextAttemptAt: null, lastError: given.lastError });

    // Back up: a message given up stays given up until someone queues it again.
    await smtp.start();
    expect(await pass(after(at, 24 * 3_600_000))).toMatchObject({ sent: 0 });
    expect(receivedOf(id)).toHaveLength(0);

    expect((await as(p.referent).post(`/api/v1/emails/${id}/retry`, {})).status).toBe(403);
    const retried = await as(p.admin).post(`/api/v1/emails/${id}/retry`, {});
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ status: "in_coda", attempts: 0, lastError: given.lastError });
    const twice = await as(p.admin).post(`/api/v1/emails/${id}/retry`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("INVALID_TRANSITION");
    expect(twice.body.message).toContain("nello stato «In coda»");

    expect(await pass(new Date())).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "inviata", attempts: 1, lastError: null, smtpMessageId: `<${id}@localhost>` });
    await pass(after(new Date(), 3_600_000));
    expect(receivedOf(id)).toHaveLength(1);
  });

  it("a permanent refusal (550) gives the message up at once; a temporary one (451) retries; the pass goes on to the next message", async () => {
    const permanent = await queue(2);
    smtp.behave("permanent");
    expect(await pass(new Date())).toMatchObject({ sent: 0, gaveUp: 2 });
    for (const id of permanent) {
      const m = await row(id);
      expect(m).toMatchObject({ status: "non_inviata", attempts: 1 });
      expect(m.lastError).toContain("Tentativo 1 di 4: Il server SMTP ha rifiutato il messaggio (550)");
      expect(m.lastError).toContain("Casella inesistente");
    }

    const temporary = await queue(2);
    smtp.behave("temporary");
    const at = new Date();
    expect(await pass(at)).toMatchObject({ retrying: 2 });
    for (const id of temporary) {
      const m = await row(id);
      expect(m).toMatchObject({ status: "in_coda", attempts: 1 });
      expect(m.lastError).toContain("errore temporaneo (451)");
    }
    smtp.behave("accept");
    expect(await pass(after(at, 30_000))).toMatchObject({ sent: 2 });
    for (const id of temporary) expect(receivedOf(id)).toHaveLength(1);
    for (const id of permanent) expect(receivedOf(id)).toHaveLength(0);
  });

  it("a server that answers 421 (busy) ends the pass: the other messages wait without spending an attempt", async () => {
    const [first, second] = (await queue(2)) as [string, string];
    smtp.behave("busy");
    const at = new Date();
    expect(await pass(at)).toMatchObject({ sent: 0, retrying: 1 });
    expect(await row(first)).toMatchObject({ status: "in_coda", attempts: 1 });
    expect((await row(first)).lastError).toContain("(421)");
    expect(await row(second)).toMatchObject({ status: "in_coda", attempts: 0 });
    smtp.behave("accept");
    expect(await pass(after(at, 30_000))).toMatchObject({ sent: 2 });
  });

  it("a process that died while sending: its message is claimed again only once the lease lapsed, and sent once", async () => {
    const [id] = (await queue()) as [string];
    const at = new Date();
    const claimed = await claimNextDueEmail(t.ctx.db, at);
    expect(claimed?.id).toBe(id);
    expect(await pass(after(at, 60_000))).toMatchObject({ sent: 0 });
    expect(await row(id)).toMatchObject({ status: "in_invio", attempts: 1 });
    expect(await pass(after(at, SEND_LEASE_MS))).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "inviata", attempts: 2 });
    expect(receivedOf(id)).toHaveLength(1);
  });

  it("two store clients draining the same outbox at once send every message exactly once", async () => {
    const ids = await queue(12);
    const env = loadEnv({ DATABASE_PATH: t.databasePath, NODE_ENV: "test", LOG_LEVEL: "silent", SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port) });
    const other = await createContext(env, createLogger(env));
    try {
      const at = new Date();
      const [a, b] = await Promise.all([pass(at), pass(at, other)]);
      expect(a.sent + b.sent).toBe(12);
      for (const id of ids) expect(receivedOf(id)).toHaveLength(1);
      expect(await t.ctx.db.emailMessage.count({ where: { id: { in: ids }, status: "inviata", attempts: 1 } })).toBe(12);
    } finally {
      await other.db.$disconnect();
    }
  });
});

describe("SMTP authentication from the environment", () => {
  let secured: TestSmtpServer;
  beforeAll(async () => {
    secured = await startSmtpServer({ auth: { user: "vetrina", pass: "segreta" } });
  });
  afterAll(async () => secured?.close());

  /** The same store, with other SMTP settings: what a restart with a changed environment would do. */
  async function withSmtp(user: string, password: string, work: (ctx: AppContext) => Promise<void>) {
    const env = loadEnv({ DATABASE_PATH: t.databasePath, NODE_ENV: "test", LOG_LEVEL: "silent", SMTP_HOST: secured.host, SMTP_PORT: String(secured.port), SMTP_USER: user, SMTP_PASSWORD: password });
    const ctx = await createContext(env, createLogger(env));
    try {
      await work(ctx);
    } finally {
      await ctx.db.$disconnect();
    }
  }

  it("wrong credentials are an attempt that failed, with the reason; the right ones send", async () => {
    const [id] = (await queue()) as [string];
    const at = new Date();
    await withSmtp("vetrina", "sbagliata", async (ctx) => {
      expect(await pass(at, ctx)).toMatchObject({ retrying: 1 });
    });
    expect((await row(id)).lastError).toContain("Autenticazione presso il server SMTP non riuscita");
    await withSmtp("vetrina", "segreta", async (ctx) => {
      expect(await pass(after(at, 30_000), ctx)).toMatchObject({ sent: 1 });
    });
    expect(secured.received.map((r) => r.mail.messageId)).toEqual([`<${id}@localhost>`]);
  });
});
