import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../src/auth/actor.js";
import { appendEvents } from "../src/events/append-events.js";
import { sendDueEmails } from "../src/email/send-due-emails.js";
import { raiseDeadlineReminders } from "../src/jobs/deadline-reminders/deadline-reminders.js";
import { enqueueJob } from "../src/jobs/job-queue.js";
import { runDueJobs } from "../src/jobs/job-worker.js";
import { client, createPersonas, createTestApp, type Personas, type TestApp } from "./helpers/test-app.js";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "./helpers/smtp-server.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { raiseReminder } from "./helpers/email-fixtures.js";

/**
 * Each kind of e-mail, from the write that causes it to the message a real SMTP server received: vacancies,
 * people, proposals and lists through the API, deadline reminders through the scheduled check (and, for the
 * stages the API cannot reach today, as the check writes them: its row and event in one transaction).
 */

const V = "/api/v1/vacancies";
const REFERENT = "referente.torino@example.it";
const TUTOR = "tutor.torino@example.it";
const SHOWCASE_REFERENT = "anna.bianchi@cpi.example.it";

let smtp: TestSmtpServer;
let t: TestApp;
let p: Personas;
let referentId: string;
const as = (token: string) => client(t.app, token);

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), MAIL_FROM: "Vetrina Piemonte <vetrina@cpi.example.it>" });
  p = await createPersonas(t.ctx);
  referentId = (await t.ctx.db.user.findUniqueOrThrow({ where: { email: REFERENT } })).id;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

let taxCodeSeq = 8000;
interface Person {
  id: string;
  taxCode: string;
  email: string;
  phone: string;
}
const people: Person[] = [];

/**
 * A Torino job seeker registered through the API: a warehouse worker the matching finds for the vacancies
 * below, or a cook it does not (someone a tutor proposes by hand).
 */
async function person(profile: "Magazziniere" | "Cuoco" = "Magazziniere"): Promise<Person> {
  const n = taxCodeSeq++;
  const taxCode = mariaRossiTaxCode(n);
  const email = `maria.rossi.${n}@example.it`;
  const phone = `+39 333 444 ${n}`;
  const skills = profile === "Magazziniere" ? ["Conduzione carrelli elevatori", "Gestione del magazzino"] : ["Preparazione dei pasti"];
  const res = await as(p.referent).post(
    "/api/v1/candidates",
    candidateBody(taxCode, { email, phone, tutorId: p.tutorId, declaredProfiles: [{ title: profile }], competences: skills, experiences: [{ profileTitle: profile, fromDate: "2019-01-01", toDate: "2025-12-31" }] }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const created = { id: res.body.id as string, taxCode, email, phone };
  people.push(created);
  return created;
}

/** A warehouse vacancy published by the regional agency, with the referent it names (a user, an e-mail, or none). */
async function vacancy(opts: { referentUserId?: string; referentEmail?: string; employerId?: string; arrivalDate?: string } = {}): Promise<{ id: string; profile: string }> {
  const body = vacancyBody({
    profileTitle: "Magazziniere",
    employerId: opts.employerId ?? p.employerId,
    ...(opts.referentUserId ? { referentUserId: opts.referentUserId } : {}),
    ...(opts.referentEmail ? { referentName: "Anna Bianchi", referentEmail: opts.referentEmail } : {}),
    ...(opts.arrivalDate ? { arrivalDate: opts.arrivalDate } : {}),
  });
  const res = await as(p.admin).post(V, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, profile: body.requestedProfile };
}

/** The tutor proposes a person, with a note that names them (the e-mail must not). */
async function propose(vacancyId: string, candidateId: string): Promise<string> {
  const res = await as(p.tutor).post(`${V}/${vacancyId}/proposals`, { candidateId, note: "Maria Rossi ha sei anni di esperienza, telefono 333 444" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const remind = (vacancyId: string, kind: string, stage: string, dueAt: Date, referentUserId: string | null) => raiseReminder(t.ctx, { vacancyId, kind, stage, dueAt, referentUserId });

/** Runs the sender and returns what the SMTP server received meanwhile. */
async function deliver(): Promise<ReceivedMail[]> {
  const before = smtp.received.length;
  await sendDueEmails(t.ctx);
  return smtp.received.slice(before);
}

/** Nothing in the e-mail identifies or reaches a job seeker. */
function expectNoPersonalData(mail: ReceivedMail) {
  const all = `${mail.mail.subject ?? ""}\n${mail.mail.text ?? ""}`;
  for (const person of people) {
    for (const value of [person.taxCode, person.email, person.phone, person.id]) expect(all).not.toContain(value);
  }
  expect(all).not.toMatch(/Maria|Rossi|esperienza|333/);
}

const only = (mails: ReceivedMail[]) => {
  expect(mails).toHaveLength(1);
  return mails[0]!;
};

describe("e-mails written with the change and received by a real SMTP server", () => {
  it("a new proposal goes to the vacancy's referent user, with no personal data; the outbox shows it sent with its Message-ID", async () => {
    const v = await vacancy({ referentUserId: referentId });
    const proposalId = await propose(v.id, (await person()).id);

    const mail = only(await deliver());
    expect(mail.envelope.to).toEqual([REFERENT]);
    expect(mail.envelope.from).toBe("vetrina@cpi.example.it");
    expect(mail.mail.subject).toBe(`Nuova segnalazione per l'offerta «${v.profile}»`);
    expect(mail.mail.text).toContain("Tutor Torino ha segnalato una persona");
    expect(mail.mail.text).toContain(`codice offerta ${v.id}`);
    expect(mail.mail.text).toContain(`aprire in Vetrina la segnalazione ${proposalId}`);
    expect(mail.mail.headers.get("auto-submitted")).toBe("auto-generated");
    expectNoPersonalData(mail);

    const list = await as(p.admin).get("/api/v1/emails?kind=segnalazione_nuova");
    expect(list.status).toBe(200);
    expect(list.body.smtpConfigured).toBe(true);
    const item = list.body.items[0];
    expect(item).toMatchObject({ kind: "segnalazione_nuova", status: "inviata", statusLabel: "Inviata", attempts: 1, to: { address: REFERENT, name: "Referente Torino" } });
    expect(item.smtpMessageId).toBe(mail.mail.messageId);
    expect(item.smtpMessageId).toBe(`<${item.id}@cpi.example.it>`);
    const event = await t.ctx.db.domainEvent.findFirstOrThrow({ where: { type: "proposal.created", entityId: proposalId } });
    expect(item.eventSeq).toBe(event.seq);
  });

  it("a proposal on a vacancy with no referent user goes to the showcase's «Mail referente»", async () => {
    const v = await vacancy({ referentEmail: SHOWCASE_REFERENT });
    await propose(v.id, (await person()).id);
    const mail = only(await deliver());
    expect(mail.envelope.to).toEqual([SHOWCASE_REFERENT]);
    expect(mail.mail.to && !Array.isArray(mail.mail.to) ? mail.mail.to.value[0] : null).toEqual({ address: SHOWCASE_REFERENT, name: "Anna Bianchi" });
  });

  it("a decision goes to the tutor who proposed: accepted, or declined with the reason's label", async () => {
    const v = await vacancy({ referentUserId: referentId });
    const [cookA, cookB] = [await person("Cuoco"), await person("Cuoco")];
    const accepted = await propose(v.id, cookA.id);
    const declined = await propose(v.id, cookB.id);
    while (people.length < 6) await person();
    expect((await as(p.referent).post(`${V}/${v.id}/shortlist`, {})).status).toBe(201);
    await deliver();

    const yesRes = await as(p.referent).post(`/api/v1/proposals/${accepted}/accept`, {});
    expect(yesRes.status, JSON.stringify(yesRes.body)).toBe(200);
    const noRes = await as(p.referent).post(`/api/v1/proposals/${declined}/decline`, { reason: "requisiti_mancanti", note: "Maria Rossi non ha il patentino" });
    expect(noRes.status, JSON.stringify(noRes.body)).toBe(200);
    const mails = await deliver();
    expect(mails.map((m) => m.envelope.to)).toEqual([[TUTOR], [TUTOR]]);
    const [yes, no] = [mails.find((m) => m.mail.text?.includes(accepted))!, mails.find((m) => m.mail.text?.includes(declined))!];
    expect(yes.mail.subject).toBe(`Segnalazione accettata per l'offerta «${v.profile}»`);
    expect(yes.mail.text).toContain(`la sua segnalazione ${accepted} è stata accettata`);
    expect(yes.mail.text).toContain("La persona è entrata nella rosa in preparazione dell'offerta.");
    expect(yes.mail.text).not.toContain("Motivo");
    expect(no.mail.subject).toBe(`Segnalazione rifiutata per l'offerta «${v.profile}»`);
    expect(no.mail.text).toContain("Motivo: Requisiti richiesti mancanti.");
    expect(no.mail.text).not.toContain("patentino");
    for (const m of mails) expectNoPersonalData(m);
  });

  describe("a list sent goes to the employer", () => {
    /** A list built through the API, two people marked available, sent. */
    async function sendList(employerId: string): Promise<{ id: string; profile: string }> {
      const v = await vacancy({ employerId, referentUserId: referentId });
      const built = await as(p.referent).post(`${V}/${v.id}/shortlist`, {});
      expect(built.status, JSON.stringify(built.body)).toBe(201);
      const ids = (built.body.entries as { candidateId: string }[]).map((e) => e.candidateId);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      for (const c of ids.slice(0, 2)) expect((await as(p.referent).post(`${V}/${v.id}/shortlist/entries/${c}/contact`, { status: "available" })).status).toBe(200);
      const sent = await as(p.referent).post(`${V}/${v.id}/shortlist/send`, {});
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      return v;
    }

    beforeAll(async () => {
      while (people.length < 8) await person();
    });

    it("to its contact person: how many people, that the list is in Vetrina, when the outcome is asked; nobody named", async () => {
      const patched = await as(p.admin).patch(`/api/v1/employers/${p.employerId}`, { contactName: "Ufficio personale", contactEmail: "selezione@logisticasabauda.example.it" });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      const v = await sendList(p.employerId);
      const mail = only(await deliver());
      expect(mail.envelope.to).toEqual(["selezione@logisticasabauda.example.it"]);
      expect(mail.mail.subject).toBe(`Rosa di candidati per l'offerta «${v.profile}»`);
      expect(mail.mail.text).toContain("2 persone, di cui è stata verificata la disponibilità");
      expect(mail.mail.text).toContain("è consultabile senza credenziali a questo indirizzo personale");
      expect(mail.mail.text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/link\/[A-Za-z0-9_-]{43}\n/);
      const shortlist = await t.ctx.db.shortlist.findFirstOrThrow({ where: { vacancyId: v.id, status: "sent" } });
      const due = shortlist.outcomeCheckDue!.toLocaleDateString("it-IT", { timeZone: "Europe/Rome", day: "numeric", month: "long", year: "numeric" });
      expect(mail.mail.text).toContain(`Entro il ${due}`);
      expectNoPersonalData(mail);
    });

    it("to the employer's users when it has no contact address", async () => {
      await sendList(p.otherEmployerId);
      const mail = only(await deliver());
      expect(mail.envelope.to).toEqual(["hr.pulizie@example.it"]);
      expectNoPersonalData(mail);
    });
  });

  describe("deadline reminders go to the referent", () => {
    it("the scheduled check: the list due, then overdue, each e-mailed once however often the check runs", async () => {
      const v = await vacancy({ referentUserId: referentId, arrivalDate: "2026-10-01" });
      // The list is due 20 days after arrival (21 October); «in scadenza» from 3 days before.
      await raiseDeadlineReminders(t.ctx, "2026-10-19");
      await raiseDeadlineReminders(t.ctx, "2026-10-19");
      const due = only(await deliver());
      expect(due.envelope.to).toEqual([REFERENT]);
      expect(due.mail.subject).toBe(`Scadenza in arrivo: inviare la rosa di candidati all'azienda – offerta «${v.profile}»`);
      expect(due.mail.text).toContain("La scadenza è il 21 ottobre 2026.");

      await raiseDeadlineReminders(t.ctx, "2026-10-22");
      const overdue = only(await deliver());
      expect(overdue.mail.subject).toBe(`Scadenza superata: inviare la rosa di candidati all'azienda – offerta «${v.profile}»`);
      expect(overdue.mail.text).toContain("La scadenza è passata il 21 ottobre 2026.");
      expect(await t.ctx.db.emailMessage.count({ where: { kind: "scadenza", body: { contains: v.id } } })).toBe(2);
    });

    const dueAt = new Date("2026-12-10T00:00:00.000Z");

    it("a reminder raised twice is queued once", async () => {
      const v = await vacancy({ referentUserId: referentId });
      await remind(v.id, "rosa", "in_scadenza", dueAt, referentId);
      await remind(v.id, "rosa", "in_scadenza", dueAt, referentId);
      only(await deliver());
      expect(await t.ctx.db.emailMessage.count({ where: { body: { contains: v.id } } })).toBe(1);
    });

    it("the selection, to the showcase's «Mail referente» when the vacancy has no referent user", async () => {
      const v = await vacancy({ referentEmail: SHOWCASE_REFERENT });
      await remind(v.id, "selezione", "in_scadenza", dueAt, null);
      const mail = only(await deliver());
      expect(mail.envelope.to).toEqual([SHOWCASE_REFERENT]);
      expect(mail.mail.subject).toBe(`Scadenza in arrivo: avviare la selezione richiesta dall'azienda – offerta «${v.profile}»`);
      expect(mail.mail.text).toContain("La scadenza è il 10 dicembre 2026.");
    });

    it("the outcome check, as its own kind of e-mail", async () => {
      const v = await vacancy({ referentUserId: referentId });
      await remind(v.id, "verifica_esito", "scaduta", dueAt, referentId);
      const mail = only(await deliver());
      expect(mail.envelope.to).toEqual([REFERENT]);
      expect(mail.mail.subject).toBe(`Verifica dell'esito scaduta – offerta «${v.profile}»`);
      expect(mail.mail.text).toContain("verificare con l'azienda l'esito della rosa inviata");
      const listed = await as(p.admin).get("/api/v1/emails?kind=verifica_esito");
      expect(listed.body.items[0]).toMatchObject({ kind: "verifica_esito", kindLabel: "Verifica dell'esito con l'azienda (al referente dell'offerta)", status: "inviata" });
    });
  });

  it("a recipient that cannot be determined does not fail the write: the message is kept «senza destinatario» with the reason, and never sent", async () => {
    const v = await vacancy({});
    const proposalId = await propose(v.id, (await person()).id);
    expect((await as(p.tutor).get(`/api/v1/proposals/${proposalId}`)).status).toBe(200);
    expect(await deliver()).toEqual([]);

    const listed = await as(p.admin).get("/api/v1/emails?status=senza_destinatario");
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    const item = listed.body.items[0];
    expect(item).toMatchObject({ kind: "segnalazione_nuova", status: "senza_destinatario", statusLabel: "Senza destinatario", to: null, attempts: 0 });
    expect(item.lastError).toContain("L'offerta non ha un referente con un indirizzo e-mail");
    const detail = await as(p.admin).get(`/api/v1/emails/${item.id}`);
    expect(detail.body.body).toContain(proposalId);
  });

  it("a write that rolls back leaves no e-mail; a refused API write neither", async () => {
    const v = await vacancy({ referentUserId: referentId });
    const candidate = await person();
    const before = await t.ctx.db.emailMessage.count();
    await expect(
      t.ctx.db.$transaction(async (tx) => {
        const { id } = await tx.proposal.create({ data: { vacancyId: v.id, candidateId: candidate.id, proposedById: null, status: "in_attesa" } });
        await appendEvents({ ctx: t.ctx, tx, actor: SYSTEM_ACTOR, route: "test" }, [
          { type: "proposal.created", entityType: "proposal", entityId: id, payload: { vacancyId: v.id, candidateId: candidate.id, proposedById: null } },
        ]);
        expect(await tx.emailMessage.count()).toBe(before + 1);
        throw new Error("la scrittura fallisce dopo l'evento");
      }),
    ).rejects.toThrow("la scrittura fallisce dopo l'evento");
    expect(await t.ctx.db.emailMessage.count()).toBe(before);
    expect(await t.ctx.db.proposal.count({ where: { vacancyId: v.id } })).toBe(0);

    // Nobody on the list is available yet: the send is refused and no e-mail is queued.
    expect((await as(p.referent).post(`${V}/${v.id}/shortlist`, {})).status).toBe(201);
    const refused = await as(p.referent).post(`${V}/${v.id}/shortlist/send`, {});
    expect(refused.status).toBe(409);
    expect(await t.ctx.db.emailMessage.count()).toBe(before);
    expect(await deliver()).toEqual([]);
  });

  it("the job runner sends them: a send-emails job run through the worker records what it sent", async () => {
    const v = await vacancy({ referentUserId: referentId });
    await propose(v.id, (await person()).id);
    const before = smtp.received.length;
    const jobId = await enqueueJob(t.ctx.db, { kind: "send-emails", uniqueKey: `send-emails@test-${v.id}` });
    expect(await runDueJobs(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(smtp.received.length).toBe(before + 1);
    const job = await t.ctx.db.job.findUniqueOrThrow({ where: { id: jobId! } });
    expect(job.state).toBe("succeeded");
    const run = await t.ctx.db.jobRun.findUniqueOrThrow({ where: { id: job.runId! } });
    expect(run.counts).toMatchObject({ sent: 1, retrying: 0, gaveUp: 0, queued: 0 });
  });
});
