import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { TORINO } from "./helpers/valid-codes.js";
import { digestsJob } from "../src/jobs/digests/digests.js";
import { sendDigests } from "../src/jobs/digests/send-digests.js";
import { dayOf } from "../src/deadlines/calendar-day.js";
import { createUser } from "../src/users/create-user.js";

const V = "/api/v1/vacancies";
const TUTOR = "tutor.torino@example.it";
const NAVIGATOR = "navigator.torino@example.it";

describe("daily digests (riepilogo)", () => {
  const h = useTestApp();
  let seq = 0;
  const ids = { tutor: "", quietTutor: "" };

  const digestsTo = (address: string) => h.t.ctx.db.emailMessage.findMany({ where: { kind: "riepilogo", toAddress: address }, orderBy: { createdAt: "asc" } });

  /** A person of the tutor's caseload proposed for a new vacancy, the proposal declined: one item in the tutor's feed. */
  async function declinedProposal(requestedProfile: string): Promise<void> {
    seq += 1;
    const person = await h.as(h.p.admin).post(
      "/api/v1/candidates",
      candidateBody(mariaRossiTaxCode(4480 + seq), { cpiCode: CPI_TORINO, domicileIstatCode: TORINO, email: `riepilogo.${seq}@example.it`, tutorId: h.p.tutorId }),
    );
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const vacancy = await h.as(h.p.referent).post(V, vacancyBody({ requestedProfile, employerId: h.p.employerId }));
    expect(vacancy.status, JSON.stringify(vacancy.body)).toBe(201);
    const proposal = await h.as(h.p.tutor).post(`${V}/${vacancy.body.id}/proposals`, { candidateId: person.body.id, note: "Motivata" });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
    expect((await h.as(h.p.referent).post(`/api/v1/proposals/${proposal.body.id}/decline`, { reason: "rosa_completa" })).status).toBe(200);
  }

  beforeAll(async () => {
    ids.tutor = h.p.tutorId;
    ids.quietTutor = (await createUser(h.t.ctx.db, { name: "Tutor Tranquillo", email: "tutor.tranquillo@example.it", role: "tutor", cpiCodes: [CPI_TORINO] })).user.id;
  });

  it("queues one e-mail per tutor and navigator with what is new, without names, once per day", async () => {
    await declinedProposal("Operaio di linea");
    const run = await digestsJob(h.t.ctx, {});
    expect(run.counts).toMatchObject({ digestsQueued: 2, alreadyQueued: 0 });

    const [digest, ...more] = await digestsTo(TUTOR);
    expect(more).toEqual([]);
    expect(digest).toMatchObject({ status: "in_coda", dedupeKey: `digest:${ids.tutor}:${dayOf(new Date())}→${TUTOR}` });
    expect(digest!.subject).toMatch(/^Vetrina: 1 novità del \d{2}\/\d{2}\/\d{4} per le persone che segue$/);
    expect(digest!.body).toContain("- Decisione su una segnalazione: Segnalazione rifiutata per l'offerta «Operaio di linea»");
    expect(digest!.body).not.toMatch(/Maria|Rossi|RSSMRA|riepilogo\.\d+@example/);

    // The navigator's digest lists the states of their CPIs found by the same run.
    const [navigatorDigest] = await digestsTo(NAVIGATOR);
    expect(navigatorDigest!.body).toContain("Offerta in attesa di preselezione: In attesa di preselezione: l'offerta «Operaio di linea»");

    // Nothing new for this tutor: no e-mail at all.
    expect(await h.t.ctx.db.emailMessage.count({ where: { toAddress: "tutor.tranquillo@example.it" } })).toBe(0);

    // A second run the same day, even with news, queues nothing more.
    await declinedProposal("Addetto alle spedizioni");
    const again = await digestsJob(h.t.ctx, {});
    expect(again.counts).toMatchObject({ digestsQueued: 0, alreadyQueued: 2 });
    expect(await digestsTo(TUTOR)).toHaveLength(1);
  });

  it("the next day lists only what came after the last digest, and nothing when nothing came", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    // The tutor's news of the second run, and for the navigator the vacancy that run found waiting.
    const first = await sendDigests(h.t.ctx, tomorrow);
    expect(first.queued).toBe(2);
    const [, nextDay] = await digestsTo(TUTOR);
    expect(nextDay!.body).toContain("«Addetto alle spedizioni»");
    expect(nextDay!.body).not.toContain("«Operaio di linea»");
    const [, navigatorNextDay] = await digestsTo(NAVIGATOR);
    expect(navigatorNextDay!.body).toContain("«Addetto alle spedizioni»");
    expect(navigatorNextDay!.body).not.toContain("«Operaio di linea»");

    const dayAfter = new Date(Date.now() + 2 * 86_400_000);
    const quiet = await sendDigests(h.t.ctx, dayAfter);
    expect(quiet).toMatchObject({ queued: 0, alreadyQueued: 0 });
    expect(quiet.nothingNew).toBe(quiet.users);
    expect(await digestsTo(TUTOR)).toHaveLength(2);
  });
});
