import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/test-app.js";
import { congruaFixtures } from "./helpers/congrua-offer-fixtures.js";
import { NASPI_DM_2018 } from "../src/congrua/rule-sets.js";
import { addDays, dayOf } from "../src/deadlines/calendar-day.js";

const today = () => dayOf(new Date());
// Days are Italian days: between 23:00 and midnight UTC, UTC's tomorrow is already Italy's today.
const tomorrow = () => addDays(today(), 1);

describe("congrua offers over HTTP", () => {
  const h = useTestApp();
  const f = congruaFixtures(h, 3000);
  const referent = () => h.as(h.p.referent);

  describe("recording an offer", () => {
    it("a showcase vacancy: the evaluation of the day of the offer, with its rule sets, stored and read back as recorded", async () => {
      const person = await f.person();
      const vacancy = await f.vacancy();
      const offer = await f.offer(person, { vacancyId: vacancy, offeredAt: "2026-06-15", channel: "email" });
      expect(offer).toMatchObject({
        candidateId: person,
        cpiCode: "TO-TORINO-VIA-BOLOGNA",
        vacancyId: vacancy,
        offeredAt: "2026-06-15",
        channel: "email",
        channelLabel: "E-mail",
        outcome: "in_attesa",
        outcomeLabel: "In attesa di risposta",
        terms: { source: "vetrina", employerName: "Logistica Sabauda S.r.l.", workplace: { name: "Moncalieri" }, contractType: "fixed_term", contractMonths: 6 },
        congrua: { verdict: "pass", verdictLabel: "Congrua", evaluatedOn: "2026-06-15", ruleSets: [{ id: "naspi-discoll-dm-2018", version: 1, programme: "NASPI" }] },
      });
      const [naspi] = offer.congrua.evaluations;
      // 01/03 → 15/06: the first band, so the profile must be one the person declared.
      expect(naspi.band).toEqual({ id: "0-6", label: "fino a 6 mesi" });
      expect(naspi.criteria.map((c: { criterion: string; verdict: string }) => `${c.criterion}:${c.verdict}`)).toEqual([
        "profile_coherence:pass",
        "distance:pass",
        "contract:pass",
        "hours:pass",
        "pay_above_benefit:pass",
        "pay_ccnl_minimum:pass",
        "offer_statements:pass",
      ]);
      expect(offer.history).toEqual([expect.objectContaining({ from: null, to: "in_attesa", byUserName: "Referente Torino" })]);
      const read = await referent().get(`/api/v1/congrua-offers/${offer.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(offer);
      const audit = await h.t.ctx.db.auditLog.findMany({ where: { entityType: "candidate", entityId: person, route: { contains: "congrua-offers" } } });
      expect(audit.map((a) => a.action).sort()).toEqual(["read", "update"]);
      const events = await h.t.ctx.db.domainEvent.findMany({ where: { entityType: "congrua_offer", entityId: offer.id } });
      expect(events.map((e) => e.type)).toEqual(["congrua_offer.recorded"]);
    });

    it("an external offer: the comune by name or ISTAT code, the contract by code or as people write it", async () => {
      const person = await f.person();
      const byName = await f.offer(person, { terms: f.externalTerms(), offeredAt: "2026-06-15" });
      expect(byName.vacancyId).toBeNull();
      expect(byName.terms).toMatchObject({ source: "esterna", employerName: "Magazzini Subalpini S.r.l.", workplace: { istatCode: "001156", name: "Moncalieri" }, contractType: "permanent" });
      expect(byName.congrua.verdict).toBe("pass");
      const byCode = await f.offer(person, { terms: f.externalTerms({ workplaceComune: "001156", contractType: "somministrazione", contractMonths: 2 }), offeredAt: "2026-06-15" });
      expect(byCode.terms).toMatchObject({ workplace: { name: "Moncalieri" }, contractType: "agency", contractMonths: 2 });
      // Two months of agency work are fewer than the three NASpI asks for.
      expect(byCode.congrua.verdict).toBe("fail");
      const contract = byCode.congrua.evaluations[0].criteria.find((c: { criterion: string }) => c.criterion === "contract");
      expect(contract).toMatchObject({ verdict: "fail", reason: expect.stringContaining("meno dei 3 mesi") });
    });

    it("refuses what cannot be an offer, naming the field", async () => {
      const person = await f.person();
      const vacancy = await f.vacancy();
      const post = (body: Record<string, unknown>) => referent().post(`/api/v1/candidates/${person}/congrua-offers`, { channel: "telefono", offeredAt: "2026-06-15", ...body });
      const cases: [Record<string, unknown>, number, string, RegExp][] = [
        [{}, 400, "vacancyId", /oppure/],
        [{ vacancyId: vacancy, terms: f.externalTerms() }, 400, "vacancyId", /non entrambe/],
        [{ vacancyId: vacancy, offeredAt: tomorrow() }, 400, "offeredAt", /futuro/],
        [{ vacancyId: vacancy, channel: "piccione" }, 400, "channel", /./],
        [{ vacancyId: vacancy, offeredAt: "2026-04-30" }, 400, "offeredAt", /precede l'arrivo dell'offerta in vetrina \(01\/05\/2026\)/],
        [{ vacancyId: "nessuna" }, 422, "vacancyId", /Offerta sconosciuta/],
        [{ terms: f.externalTerms({ workplaceComune: "Calliano" }) }, 422, "terms.workplaceComune", /ambiguo/],
        [{ terms: f.externalTerms({ workplaceComune: "Paperopoli" }) }, 422, "terms.workplaceComune", /sconosciuto/],
        [{ terms: f.externalTerms({ contractType: "a progetto di vita" }) }, 400, "terms.contractType", /Tipo di contratto sconosciuto/],
        [{ terms: f.externalTerms({ contractType: "permanent", contractMonths: 6 }) }, 400, "terms.contractMonths", /indeterminato/],
        [{ vacancyId: vacancy, offerNumber: 0 }, 400, "offerNumber", /./],
      ];
      for (const [body, status, field, message] of cases) {
        const res = await post(body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.fields, JSON.stringify(body)).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
      }
      expect(await h.t.ctx.db.congruaOffer.count({ where: { candidateId: person } })).toBe(0);
    });

    it("a vacancy closed before the day of the offer cannot have been offered that day", async () => {
      const person = await f.person();
      const vacancy = await f.vacancy();
      expect((await referent().post(`/api/v1/vacancies/${vacancy}/close`, { outcome: "cancelled", reason: "Ritirata dall'azienda" })).status).toBe(200);
      // As if it had been cancelled on 1 June.
      await h.t.ctx.db.vacancyStatusChange.updateMany({ where: { vacancyId: vacancy, toState: "cancelled" }, data: { at: new Date("2026-06-01T09:00:00Z") } });
      const late = await referent().post(`/api/v1/candidates/${person}/congrua-offers`, { vacancyId: vacancy, offeredAt: "2026-06-15", channel: "telefono" });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: "VACANCY_CLOSED", message: expect.stringContaining("dal 01/06/2026") });
      await f.offer(person, { vacancyId: vacancy, offeredAt: "2026-05-20" });
    });

    it("operators who may read the person record and read offers; others may not", async () => {
      const person = await f.person();
      const vacancy = await f.vacancy();
      const body = { vacancyId: vacancy, offeredAt: "2026-06-15", channel: "telefono" };
      const offer = await f.offer(person, body, h.p.tutor);
      for (const token of [h.p.employer, h.p.otherReferent]) {
        expect((await h.as(token).post(`/api/v1/candidates/${person}/congrua-offers`, body)).status).toBe(403);
        expect((await h.as(token).get(`/api/v1/congrua-offers/${offer.id}`)).status).toBe(403);
        expect((await h.as(token).get(`/api/v1/candidates/${person}/congrua-offers`)).status).toBe(403);
        expect((await h.as(token).post(`/api/v1/congrua-offers/${offer.id}/outcome`, { outcome: "accettata" })).status).toBe(403);
      }
      expect((await h.as(h.p.navigator).get(`/api/v1/congrua-offers/${offer.id}`)).status).toBe(200);
      expect((await h.as(h.p.admin).get(`/api/v1/congrua-offers/nessuna`)).status).toBe(404);
    });
  });

  describe("from a candidate list, in one step", () => {
    it("the person on the list receives the vacancy as a congrua offer, today unless told otherwise", async () => {
      const person = await f.person({ competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"] });
      const vacancy = await f.vacancy({ arrivalDate: today() });
      const built = await referent().post(`/api/v1/vacancies/${vacancy}/shortlist`, {});
      expect(built.status, JSON.stringify(built.body)).toBe(201);
      expect(built.body.entries.map((e: { candidateId: string }) => e.candidateId)).toContain(person);
      const res = await referent().post(`/api/v1/vacancies/${vacancy}/shortlist/entries/${person}/congrua-offer`, { channel: "colloquio" });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const entry = await h.t.ctx.db.shortlistEntry.findFirstOrThrow({ where: { candidateId: person, shortlist: { vacancyId: vacancy } } });
      expect(res.body).toMatchObject({ vacancyId: vacancy, shortlistEntryId: entry.id, offeredAt: today(), channel: "colloquio", channelLabel: "Colloquio al CPI", terms: { source: "vetrina" } });


      const stranger = await f.person();
      const missing = await referent().post(`/api/v1/vacancies/${vacancy}/shortlist/entries/${stranger}/congrua-offer`, { channel: "colloquio" });
      expect(missing.status).toBe(404);
      expect((await h.as(h.p.employer).post(`/api/v1/vacancies/${vacancy}/shortlist/entries/${person}/congrua-offer`, { channel: "email" })).status).toBe(403);
    });
  });

  describe("the matches of a person", () => {
    it("carry the congrua verdict of each vacancy today, the same a congrua offer made today records", async () => {
      const person = await f.person({ competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"] });
      const vacancy = await f.vacancy();
      const matches = await h.as(h.p.tutor).get(`/api/v1/candidates/${person}/matches`);
      expect(matches.status).toBe(200);
      expect(matches.body.items.length).toBeGreaterThan(0);
      expect(matches.body.items.every((m: { congrua: unknown }) => m.congrua !== null)).toBe(true);
      const match = matches.body.items.find((m: { vacancy: { id: string } }) => m.vacancy.id === vacancy);
      // Matching counts in UTC days (never later than the Italian day).
      const offered = await f.offer(person, { vacancyId: vacancy, offeredAt: new Date().toISOString().slice(0, 10) });
      // DID on 01/03/2026: over six months by now, so the second band.
      expect(offered.congrua.evaluations[0].band.id).toBe("6-12");
      expect(match.congrua.verdict).toBe(offered.congrua.verdict);
      expect(match.congrua.evaluations).toEqual(offered.congrua.evaluations);
    });
  });

  describe("outcomes", () => {
    it("a justified refusal needs a recognised reason; the history keeps every answer and correction", async () => {
      const person = await f.person();
      const offer = await f.offer(person, { vacancyId: await f.vacancy(), offeredAt: "2026-06-15" });
      const post = (body: Record<string, unknown>) => referent().post(`/api/v1/congrua-offers/${offer.id}/outcome`, body);
      const noReason = await post({ outcome: "rifiutata_giustificata" });
      expect(noReason.status).toBe(400);
      expect(noReason.body.fields).toEqual([expect.objectContaining({ field: "refusalReason", message: expect.stringContaining("motivo riconosciuto") })]);
      expect((await post({ outcome: "rifiutata_giustificata", refusalReason: "vacanza" })).status).toBe(400);
      expect((await post({ outcome: "accettata", refusalReason: "malattia_infortunio" })).status).toBe(400);
      expect((await post({ outcome: "in_attesa" })).status).toBe(400);

      const justified = await f.outcome(offer.id, { outcome: "rifiutata_giustificata", refusalReason: "malattia_infortunio", note: "Certificato medico del 14/06" });
      expect(justified).toMatchObject({
        outcome: "rifiutata_giustificata",
        outcomeLabel: "Rifiutata con giustificato motivo",
        refusalReason: "malattia_infortunio",
        refusalReasonLabel: "Malattia o infortunio",
        outcomeNote: "Certificato medico del 14/06",
        nextOutcomes: [{ outcome: "rifiutata_senza_motivo", label: "Rifiutata senza giustificato motivo" }],
        conditionalityEvents: [],
      });
      const corrected = await f.outcome(offer.id, { outcome: "rifiutata_senza_motivo", note: "Certificato non pervenuto" });
      expect(corrected.refusalReason).toBeNull();
      expect(corrected.history.map((x: { from: string | null; to: string; reason: string | null }) => [x.from, x.to, x.reason])).toEqual([
        [null, "in_attesa", null],
        ["in_attesa", "rifiutata_giustificata", "malattia_infortunio"],
        ["rifiutata_giustificata", "rifiutata_senza_motivo", null],
      ]);
      const types = (await h.t.ctx.db.domainEvent.findMany({ where: { entityType: "congrua_offer", entityId: offer.id }, orderBy: { seq: "asc" } })).map((e) => e.type);
      expect(types).toEqual(["congrua_offer.recorded", "congrua_offer.outcome_recorded", "congrua_offer.outcome_recorded"]);
    });

    it("an accepted offer is final: any other move is a 409 that says so", async () => {
      const person = await f.person();
      const offer = await f.offer(person, { vacancyId: await f.vacancy(), offeredAt: "2026-06-15" });
      await f.outcome(offer.id, { outcome: "accettata" });
      const again = await referent().post(`/api/v1/congrua-offers/${offer.id}/outcome`, { outcome: "rifiutata_senza_motivo" });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: "INVALID_TRANSITION", message: expect.stringContaining("definitivo") });
      expect((await h.t.ctx.db.congruaOffer.findUniqueOrThrow({ where: { id: offer.id } })).outcome).toBe("accettata");
    });

    it("lists a person's offers, latest first", async () => {
      const person = await f.person();
      const first = await f.offer(person, { terms: f.externalTerms(), offeredAt: "2026-05-02" });
      const second = await f.offer(person, { terms: f.externalTerms(), offeredAt: "2026-07-10" });
      const res = await h.as(h.p.tutor).get(`/api/v1/candidates/${person}/congrua-offers`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ candidateId: person, total: 2, page: 1 });
      expect(res.body.items.map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
      expect(res.body.items[1]).toEqual(first);
    });
  });

  describe("rules change, offers keep the evaluation of their day", () => {
    it("after a change of the NASpI distances the recorded offer reads as it was; a new one and the matches use the new rule", async () => {
      const person = await f.person({ competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"] });
      const vacancy = await f.vacancy();
      const recorded = await f.offer(person, { vacancyId: vacancy, offeredAt: "2026-06-15" });
      expect(recorded.congrua.verdict).toBe("pass");
      const stored = await h.t.ctx.db.congruaOffer.findUniqueOrThrow({ where: { id: recorded.id } });
      expect(stored.verdict).toBe("pass");
      expect(stored.ruleSetVersions).toEqual([{ id: "naspi-discoll-dm-2018", version: 1, programme: "NASPI" }]);

      // The catalogue is data: a new version with every workplace limit at 1 km, in the running service.
      const original = NASPI_DM_2018.bands.map((b) => b.distance);
      const mutable = NASPI_DM_2018 as unknown as { version: number; bands: { distance: unknown }[] };
      mutable.version = 2;
      for (const band of mutable.bands) band.distance = { maxKm: { value: 1 }, maxMinutes: null };
      try {
        const read = await referent().get(`/api/v1/congrua-offers/${recorded.id}`);
        expect(read.body.congrua).toEqual(recorded.congrua);

        const fresh = await f.offer(person, { vacancyId: vacancy, offeredAt: "2026-06-15" });
        expect(fresh.congrua.verdict).toBe("fail");
        expect(fresh.congrua.ruleSets).toEqual([{ id: "naspi-discoll-dm-2018", version: 2, programme: "NASPI" }]);
        expect(fresh.congrua.evaluations[0].criteria.find((c: { criterion: string }) => c.criterion === "distance").reason).toContain("oltre il limite di 1 km");

        const matches = await referent().get(`/api/v1/candidates/${person}/matches`);
        const match = matches.body.items.find((m: { vacancy: { id: string } }) => m.vacancy.id === vacancy);
        expect(match.congrua.verdict).toBe("fail");
      } finally {
        mutable.version = 1;
        mutable.bands.forEach((band, i) => (band.distance = original[i]));
      }
      expect((await referent().get(`/api/v1/congrua-offers/${recorded.id}`)).body.congrua).toEqual(recorded.congrua);
    });
  });
});
