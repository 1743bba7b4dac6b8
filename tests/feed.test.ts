import { beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { xml2js, type Element } from "xml-js";
import { useTestApp, CPI_MILANO, CPI_TORINO } from "./helpers/test-app.js";
import { candidateBody, vacancyBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { TORINO } from "./helpers/valid-codes.js";
import { raiseDeadlineReminders } from "../src/jobs/deadline-reminders/deadline-reminders.js";
import { digestsJob } from "../src/jobs/digests/digests.js";
import { addDays, dayOf } from "../src/deadlines/calendar-day.js";
import { writeFeedItems } from "../src/feed/write-feed-items.js";
import { createUser } from "../src/users/create-user.js";

const V = "/api/v1/vacancies";
const FEED = "/api/v1/feed";

interface Item {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  summary: string;
  seen: boolean;
  links: { vacancyId: string | null; candidateId: string | null };
  payload: Record<string, unknown>;
}

describe("feeds (notiziario)", () => {
  const h = useTestApp();
  let seq = 0;
  const today = dayOf(new Date());
  const ids = { referent: "", navigator: "" };

  async function person(overrides: Record<string, unknown> = {}): Promise<string> {
    seq += 1;
    const res = await h.as(h.p.admin).post(
      "/api/v1/candidates",
      candidateBody(mariaRossiTaxCode(4400 + seq), { cpiCode: CPI_TORINO, domicileIstatCode: TORINO, email: `notiziario.${seq}@example.it`, tutorId: h.p.tutorId, ...overrides }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function vacancy(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await h.as(h.p.referent).post(V, vacancyBody({ employerId: h.p.employerId, ...overrides }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  const feedOf = async (token: string, query = "") => {
    const res = await h.as(token).get(`${FEED}${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Item[]; nextCursor: string | null };
  };

  beforeAll(async () => {
    ids.referent = (await h.t.ctx.db.user.findUniqueOrThrow({ where: { email: "referente.torino@example.it" } })).id;
    ids.navigator = (await h.t.ctx.db.user.findUniqueOrThrow({ where: { email: "navigator.torino@example.it" } })).id;
  });

  it("a proposal reaches the vacancy's referent, its decision the tutor who made it, and nobody else", async () => {
    const vacancyId = await vacancy({ requestedProfile: "Carrellista notturno" });
    const candidateId = await person();
    const proposal = await h.as(h.p.tutor).post(`${V}/${vacancyId}/proposals`, { candidateId, note: "Ha il patentino" });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);

    const [news] = (await feedOf(h.p.referent)).items;
    expect(news).toMatchObject({
      kind: "segnalazione_nuova",
      kindLabel: "Segnalazione da esaminare",
      title: "Nuova segnalazione per l'offerta «Carrellista notturno»",
      seen: false,
      links: { vacancyId, candidateId },
      payload: { proposalId: proposal.body.id },
    });
    expect(news!.summary).toContain(`la persona ${candidateId}`);
    expect((await feedOf(h.p.tutor)).items.map((i) => i.kind)).not.toContain("segnalazione_nuova");
    expect((await feedOf(h.p.otherReferent)).items).toEqual([]);

    const declined = await h.as(h.p.referent).post(`/api/v1/proposals/${proposal.body.id}/decline`, { reason: "requisiti_mancanti" });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    const [decision] = (await feedOf(h.p.tutor)).items;
    expect(decision).toMatchObject({ kind: "segnalazione_decisa", title: "Segnalazione rifiutata per l'offerta «Carrellista notturno»", links: { vacancyId, candidateId } });
    expect(decision!.summary).toContain("Motivo: Requisiti richiesti mancanti.");
    expect((await feedOf(h.p.referent)).items.map((i) => i.kind)).not.toContain("segnalazione_decisa");
  });

  it("a proposal on a vacancy without an assigned referent reaches every active referent of its CPI", async () => {
    const second = await createUser(h.t.ctx.db, { name: "Paola Moncalieri", email: "paola.referente@cpi-moncalieri.example.it", role: "referent", cpiCodes: ["TO-MONCALIERI"] });
    const res = await h.as(h.p.admin).post(V, vacancyBody({ cpiCode: "TO-MONCALIERI", requestedProfile: "Addetta mensa" }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const candidateId = await person();
    expect((await h.as(h.p.tutor).post(`${V}/${res.body.id}/proposals`, { candidateId, note: "Disponibile" })).status).toBe(201);

    for (const token of [h.p.referent, second.token]) {
      const kinds = (await feedOf(token)).items.filter((i) => i.links.vacancyId === res.body.id).map((i) => i.kind);
      expect(kinds).toEqual(["segnalazione_nuova"]);
    }
    expect((await feedOf(h.p.otherReferent)).items).toEqual([]);
  });

  it("an overdue list reaches the referent as a «scadenza» item", async () => {
    const vacancyId = await vacancy({ requestedProfile: "Mulettista in ritardo" });
    await raiseDeadlineReminders(h.t.ctx, addDays(today, 40));
    const items = (await feedOf(h.p.referent)).items.filter((i) => i.links.vacancyId === vacancyId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "scadenza", payload: { deadline: "rosa", stage: "scaduta" } });
    expect(items[0]!.title).toBe("Invio della rosa all'azienda – scaduta: l'offerta «Mulettista in ritardo»");
    expect((await feedOf(h.p.tutor)).items.map((i) => i.links.vacancyId)).not.toContain(vacancyId);
  });

  it("shows the navigator their income-support people with no coherent offer and the vacancies waiting for preselection, until that changes", async () => {
    const adi = await person({ tutorId: undefined, programmes: [{ programme: "ADI", startDate: addDays(today, -30) }] });
    const naspi = await person({ tutorId: undefined });
    const milanese = await person({ tutorId: undefined, cpiCode: CPI_MILANO, programmes: [{ programme: "ADI", startDate: addDays(today, -30) }] });
    const waiting = await vacancy({ requestedProfile: "Magazziniera da preselezionare" });
    await digestsJob(h.t.ctx, {});

    const items = (await feedOf(h.p.navigator, "?limit=100")).items;
    const noOffer = items.filter((i) => i.kind === "senza_offerta_coerente").map((i) => i.links.candidateId);
    expect(noOffer).toContain(adi);
    expect(noOffer).not.toContain(naspi);
    expect(noOffer).not.toContain(milanese);
    const open = items.find((i) => i.kind === "offerta_da_preselezionare" && i.links.vacancyId === waiting);
    expect(open?.title).toBe("In attesa di preselezione: l'offerta «Magazziniera da preselezionare»");
    expect((await feedOf(h.p.referent, "?limit=100")).items.map((i) => i.kind)).not.toContain("offerta_da_preselezionare");

    // A rerun keeps the same items (their seen marks too); a preselection started removes the vacancy's.
    expect((await h.as(h.p.navigator).post(`${FEED}/seen`, { ids: [open!.id] })).body).toEqual({ marked: 1 });
    await digestsJob(h.t.ctx, {});
    const again = (await feedOf(h.p.navigator, "?limit=100")).items;
    expect(again.find((i) => i.id === open!.id)?.seen).toBe(true);
    expect(again.filter((i) => i.kind === "senza_offerta_coerente" && i.links.candidateId === adi)).toHaveLength(1);
    expect((await h.as(h.p.referent).post(`${V}/${waiting}/shortlist`, {})).status).toBe(201);
    await digestsJob(h.t.ctx, {});
    expect((await feedOf(h.p.navigator, "?limit=100")).items.map((i) => i.links.vacancyId)).not.toContain(waiting);
  });

  describe("paging and seen marks", () => {
    const user = { id: "", token: "" };
    beforeAll(async () => {
      const u = await createUser(h.t.ctx.db, { name: "Tutor Paginata", email: "tutor.paginata@example.it", role: "tutor", cpiCodes: [CPI_TORINO] });
      [user.id, user.token] = [u.user.id, u.token];
      const vacancyId = await vacancy({ requestedProfile: "Autista" });
      const start = Date.now() - 60_000;
      // Five items, two of them written at the same instant: the cursor must not skip or repeat either.
      for (const [n, at] of [[1, 0], [2, 1000], [3, 2000], [4, 2000], [5, 3000]] as const) {
        await writeFeedItems(
          h.t.ctx.db,
          [{ userId: user.id, kind: "abbinamento_nuovo", vacancyId, candidateId: `persona-${n}`, payload: { vacancyId, candidateId: `persona-${n}`, score: 70 + n, reasons: [] } }],
          new Date(start + at),
        );
      }
    });

    it("pages newest first with an opaque cursor, without gaps or repeats", async () => {
      const first = await feedOf(user.token, "?limit=2");
      expect(first.items.map((i) => i.links.candidateId)).toEqual(["persona-5", expect.stringMatching(/persona-[34]/)]);
      expect(first.items[0]!.title).toBe("Nuovo abbinamento per l'offerta «Autista»");
      expect(first.items[0]!.summary).toContain("(punteggio 75)");
      const second = await feedOf(user.token, `?limit=2&cursor=${first.nextCursor}`);
      const third = await feedOf(user.token, `?limit=2&cursor=${second.nextCursor}`);
      const all = [...first.items, ...second.items, ...third.items].map((i) => i.links.candidateId);
      expect(new Set(all)).toEqual(new Set(["persona-1", "persona-2", "persona-3", "persona-4", "persona-5"]));
      expect(all).toHaveLength(5);
      expect(all.at(-1)).toBe("persona-1");
      expect(third.nextCursor).toBeNull();
      expect((await h.as(user.token).get(`${FEED}?cursor=non-un-cursore`)).status).toBe(400);
    });

    it("marks seen by ids or up to an item, only the caller's items", async () => {
      const items = (await feedOf(user.token)).items;
      const newest = items[0]!;
      expect((await h.as(h.p.tutor).post(`${FEED}/seen`, { ids: [newest.id] })).body).toEqual({ marked: 0 });
      expect((await feedOf(user.token, "?unseen=true")).items).toHaveLength(5);
      expect((await h.as(h.p.tutor).post(`${FEED}/seen`, { upTo: newest.id })).status).toBe(404);

      expect((await h.as(user.token).post(`${FEED}/seen`, { ids: [newest.id] })).body).toEqual({ marked: 1 });
      expect((await feedOf(user.token, "?unseen=true")).items.map((i) => i.id)).not.toContain(newest.id);
      expect((await h.as(user.token).post(`${FEED}/seen`, { upTo: items[2]!.id })).body).toEqual({ marked: 3 });
      const unseen = (await feedOf(user.token, "?unseen=true")).items.map((i) => i.id);
      expect(unseen).toEqual([items[1]!.id]);
      expect((await h.as(user.token).post(`${FEED}/seen`, { ids: [newest.id], upTo: newest.id })).status).toBe(400);
      expect((await h.as(user.token).post(`${FEED}/seen`, {})).status).toBe(400);
    });

    it("serves the same items as Atom, with Italian titles and no personal data", async () => {
      const res = await h.as(user.token).get(`${FEED}.atom?limit=3`);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toContain("application/atom+xml");
      const doc = xml2js(res.text, { compact: false }) as Element;
      const feed = doc.elements!.find((e) => e.name === "feed")!;
      const entries = feed.elements!.filter((e) => e.name === "entry");
      const textOf = (e: Element, name: string) => (e.elements!.find((c) => c.name === name)?.elements ?? []).map((t) => t.text ?? t.cdata).join("");
      expect(entries.map((e) => textOf(e, "title"))).toEqual(["Nuovo abbinamento per l'offerta «Autista»", "Nuovo abbinamento per l'offerta «Autista»", "Nuovo abbinamento per l'offerta «Autista»"]);
      expect(textOf(entries[0]!, "summary")).toContain("persona-5");
      expect(res.text).not.toMatch(/Maria|Rossi|RSSMRA/);
      expect((await request(h.t.app).get(`${FEED}.atom`)).status).toBe(401);
    });
  });

  it("the Atom of a referent names people by id only", async () => {
    const res = await h.as(h.p.referent).get(`${FEED}.atom?limit=100`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("Nuova segnalazione per l'offerta «Carrellista notturno»");
    expect(res.text).not.toMatch(/Maria|Rossi|RSSMRA|notiziario\.\d+@example/);
  });

  it("refuses employers", async () => {
    expect((await h.as(h.p.employer).get(FEED)).status).toBe(403);
    expect((await h.as(h.p.employer).get(`${FEED}.atom`)).status).toBe(403);
    expect((await h.as(h.p.employer).post(`${FEED}/seen`, { ids: ["x"] })).status).toBe(403);
  });
});
