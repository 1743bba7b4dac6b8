import { describe, expect, it, vi } from "vitest";
import { loadEnv } from "../src/config/env.js";
import { createContext } from "../src/bootstrap.js";
import { createLogger } from "../src/logging/logger.js";
import { candidateCreateSchema } from "../src/candidates/candidate-schemas.js";
import { candidateRecordOf, insertCandidates } from "../src/candidates/insert-candidates.js";
import { seedDemoData } from "../src/demo/seed-demo-data.js";
import { SeededRandom } from "../src/demo/seeded-random.js";
import { haversineKm } from "../src/geo/haversine.js";
import { CandidateLocator, type LocatorEntry } from "../src/matching/candidate-locator.js";
import { GrowableIntLists, PackedSlotLists } from "../src/matching/packed-int-lists.js";
import { LiveCandidateLocator, MAX_EVENTS_A_LIST_WAITS_FOR } from "../src/matching/live-candidate-locator.js";
import { occupationCellQuery } from "../src/matching/occupation-cell-keys.js";
import { prepareOffer } from "../src/matching/rank-vacancy-candidates.js";
import { findVacancy } from "../src/vacancies/vacancy-repository.js";
import { isNumberedIndex, type NumberedIndex, type SearchIndex } from "../src/indexing/search-index.js";
import { rebuildIndex } from "../src/indexing/rebuild-index.js";
import { payloadsOfLocated, retrieveCandidates, type RetrievalMemo } from "../src/matching/retrieve-candidates.js";
import { codiceFiscale } from "./fixtures/italian-codes.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";
import { candidateBody, vacancyBody, WAREHOUSE_WORKER } from "./helpers/sample-bodies.js";
import { CPI_TORINO, createTestApp, useTestApp } from "./helpers/test-app.js";

const KEYS = ["isco4:9333@180:21", "isco4:9333@180:22", "isco3:933@180:21", "isco4:5120@181:21", "isco4:7212@179:20"];
const CENTRE = { lat: 45.07, lon: 7.68 };

/** What the locator must answer, by brute force over every entry. */
/** The test's numbering of the people: p123 is number 123. */
const numberOf = (id: string) => Number(id.slice(1));

const withinReachByScan = (entries: Map<string, LocatorEntry>, radiusKm: number, keep: (e: LocatorEntry) => boolean) =>
  [...entries.values()]
    .filter((e) => e.available && keep(e))
    .map((e) => ({ id: e.id, distanceKm: haversineKm(CENTRE, e), number: numberOf(e.id) }))
    .filter((h) => h.distanceKm <= radiusKm && h.distanceKm <= (entries.get(h.id)!.reachKm ?? Infinity));

function nearByScan(entries: Map<string, LocatorEntry>, keys: string[], radiusKm: number, limit: number) {
  return withinReachByScan(entries, radiusKm, (e) => e.keys.some((k) => keys.includes(k)))
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

function textByScan(entries: Map<string, LocatorEntry>, rankOf: Map<number, number>, radiusKm: number, limit: number) {
  return withinReachByScan(entries, radiusKm, (e) => rankOf.has(numberOf(e.id)))
    .sort((a, b) => rankOf.get(a.number)! - rankOf.get(b.number)! || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

describe("the in-memory candidate locator", () => {
  it("answers as a scan of everyone would, by keys and by numbered text matches, through inserts, moves, changes of availability and removals", () => {
    const rnd = new SeededRandom(11, "locator");
    const locator = new CandidateLocator();
    const entries = new Map<string, LocatorEntry>();
    const randomEntry = (id: string): LocatorEntry => ({
      id,
      lat: CENTRE.lat + rnd.between(-0.8, 0.8),
      lon: CENTRE.lon + rnd.between(-1, 1),
      reachKm: rnd.chance(0.3) ? null : rnd.between(5, 80),
      available: rnd.chance(0.85),
      keys: KEYS.filter(() => rnd.chance(0.35)),
    });
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 800; i++) {
        const id = `p${rnd.int(0, 2_000)}`;
        if (rnd.chance(0.15)) {
          locator.delete(id);
          entries.delete(id);
        } else {
          const e = randomEntry(id);
          locator.set(e);
          entries.set(id, e);
        }
      }
      expect(locator.size).toBe(entries.size);
      locator.setNumbers({ numbering: "test", numbers: new Map([...entries.keys()].map((id) => [id, numberOf(id)])) });
      for (const [keys, radius, limit] of [[KEYS.slice(0, 2), 60, 2_000], [KEYS, 30, 50], [[KEYS[3]!], 250, 10], [["isco4:0000@0:0"], 60, 100]] as const) {
        const tally = { withinRadius: -1 };
        expect(locator.near(keys, CENTRE, radius, limit, tally)).toEqual(nearByScan(entries, [...keys], radius, limit));
        expect(tally.withinRadius).toBe(nearByScan(entries, [...keys], radius, Infinity).length);
      }
      // Text matches as the index lists them: numbers (some of nobody held, as for people without a place) with ranks, ties included.
      const rankOf = new Map(Array.from({ length: 600 }, () => [rnd.int(0, 2_500), -rnd.int(1, 40)] as [number, number]));
      const matches = { numbering: "test", numbers: [...rankOf.keys()], ranks: [...rankOf.values()] };
      for (const [radius, limit] of [[60, 1_000], [30, 40]] as const) {
        expect(locator.withinReachOf(matches, CENTRE, radius, limit)).toEqual(textByScan(entries, rankOf, radius, limit));
      }
      expect(locator.withinReachOf({ ...matches, numbering: "rebuilt" }, CENTRE, 60, 1_000)).toBeNull();
    }
  });

  it("keeps its integer lists like arrays would, through growth, rewrites, removals and the pool's compaction", () => {
    const rnd = new SeededRandom(5, "int-lists");
    const perSlot = new PackedSlotLists();
    const perKey = new GrowableIntLists();
    const slots = new Map<number, number[]>();
    const keys: number[][] = [];
    for (let k = 0; k < 50; k++) expect(perKey.add()).toBe(keys.push([]) - 1);
    // Enough rewrites that grow a slot's list for the stale half of the pool to be compacted several times.
    for (let i = 0; i < 60_000; i++) {
      const slot = rnd.int(0, 5_000);
      if (rnd.chance(0.1)) {
        perSlot.clear(slot);
        slots.delete(slot);
      } else {
        const values = Array.from({ length: rnd.int(0, 12) }, () => rnd.int(0, 1_000_000));
        perSlot.set(slot, values);
        slots.set(slot, values);
      }
      const k = rnd.int(0, 49);
      if (rnd.chance(0.3) && keys[k]!.length > 0) {
        const v = keys[k]![rnd.int(0, keys[k]!.length - 1)]!;
        perKey.remove(k, v);
        keys[k]!.splice(keys[k]!.indexOf(v), 1);
      } else {
        const v = rnd.int(0, 300);
        perKey.push(k, v);
        keys[k]!.push(v);
      }
    }
    for (let slot = 0; slot <= 5_000; slot++) expect([...perSlot.get(slot)]).toEqual(slots.get(slot) ?? []);
    keys.forEach((values, k) => expect([...perKey.view(k)].sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b)));
  });

  it("finds, for every open vacancy of the demo data, the same people in the same order as the search index, by occupation and by words", async () => {
    const t = await createTestApp();
    try {
      await seedDemoData(t.ctx, { seed: 2026 });
      const live = new LiveCandidateLocator(t.ctx.db, t.ctx.log, numbered(t.ctx.index));
      // The store's driver answers synchronously: a load that never yielded would hold every request until it ended.
      // The load yields once its slice of the event loop is spent; this one starts with it spent, as after a long
      // page, so a request that arrived before it is answered first (a timer might not be due yet at that turn).
      const order: string[] = [];
      for (const spentAt = performance.now() + 25; performance.now() < spentAt; );
      setImmediate(() => order.push("a request"));
      await live.load().then(() => order.push("loaded"));
      expect(order).toEqual(["a request", "loaded"]);
      expect(live.size).toBe(await t.ctx.db.candidate.count());
      // Loaded from the index's rows; one loaded from the store, as with Meilisearch, holds the same.
      const fromStore = new LiveCandidateLocator(t.ctx.db, t.ctx.log);
      await fromStore.load();
      expect(fromStore.size).toBe(live.size);
      const open = await t.ctx.db.vacancy.findMany({ where: { status: "open" }, select: { id: true } });
      expect(open.length).toBeGreaterThan(20);
      let compared = 0;
      let comparedByWords = 0;
      let reused = 0;
      for (const { id } of open) {
        const offer = prepareOffer(await findVacancy(t.ctx.db, id));
        if (offer.facts.lat === null || offer.facts.lon === null) continue;
        const workplace = { lat: offer.facts.lat!, lon: offer.facts.lon! };
        const keys = occupationCellQuery(offer.occupation, workplace, 60);
        const fromIndex = await t.ctx.index.retrieve("candidates", {
          filters: { availability: ["available"] },
          near: { ...workplace, radiusKm: 60 },
          withinReach: true,
          anyOf: { field: "occcell", values: keys },
          order: "distance",
          limit: 500,
        });
        const located = (await live.near(keys, workplace, 60, 500))!;
        expect(located.map((l) => l.id), offer.facts.title).toEqual(fromIndex.map((d) => d.id));
        expect((await fromStore.near(keys, workplace, 60, 500))!.map((l) => l.id)).toEqual(located.map((l) => l.id));
        compared += located.length;
        const text = [offer.facts.title, ...offer.facts.mustHave].join(" ");
        const byWordsInIndex = await t.ctx.index.retrieve("candidates", { ...byWords(workplace), anyText: text, commonTerms: t.ctx.matching.retrieval.commonTerms });
        const fromLocator = (await live.byText(text, t.ctx.matching.retrieval.commonTerms, workplace, 60, 300))!;
        expect(fromLocator.map((l) => l.id), offer.facts.title).toEqual(byWordsInIndex.map((d) => d.id));
        expect(fromLocator.map((l) => l.distanceKm)).toEqual(byWordsInIndex.map((d) => expect.closeTo(d.distanceKm!, 6)));
        comparedByWords += fromLocator.length;
        // A ranking that widens its radius: the same people as a retrieval at the wider radius alone, those found
        // nearer not read again.
        const memo: RetrievalMemo = { facts: new Map() };
        const near = await retrieveCandidates(t.ctx.index, offer, 60, t.ctx.matching, live, memo);
        const wider = await retrieveCandidates(t.ctx.index, offer, 250, t.ctx.matching, live, memo);
        const alone = await retrieveCandidates(t.ctx.index, offer, 250, t.ctx.matching, live);
        expect(wider.people.map((p) => [p.facts.id, p.distanceKm])).toEqual(alone.people.map((p) => [p.facts.id, p.distanceKm]));
        const nearFacts = new Map(near.people.map((p) => [p.facts.id, p.facts]));
        const again = wider.people.filter((p) => nearFacts.has(p.facts.id));
        expect(again.length).toBe(nearFacts.size);
        reused += again.length;
        for (const p of again) expect(p.facts).toBe(nearFacts.get(p.facts.id));
      }
      expect(compared).toBeGreaterThan(500);
      expect(comparedByWords).toBeGreaterThan(500);
      expect(reused).toBeGreaterThan(500);
    } finally {
      await t.close();
    }
  }, 120_000);
});

const numbered = (index: SearchIndex): NumberedIndex => {
  if (!isNumberedIndex(index)) throw new Error("the embedded index numbers its documents");
  return index;
};

/** The index's own retrieval by words that the locator's text branch must answer as. */
const byWords = (workplace: { lat: number; lon: number }) => ({
  filters: { availability: ["available"] },
  near: { ...workplace, radiusKm: 60 },
  withinReach: true,
  order: "relevance" as const,
  limit: 300,
});

/** Warehouse workers of Torino (Processo Altro, one tax code each) written in one transaction by another process on the same database, as the CLI's import does. */
async function warehouseWorkersFromAnotherProcess(databasePath: string, people: { id: string; taxCode: string }[]): Promise<void> {
  const other = await createContext(loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "test", LOG_LEVEL: "silent" }), createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" }));
  try {
    const [torino, cpi] = await Promise.all([other.db.comune.findFirstOrThrow({ where: { istatCode: "001272" } }), other.db.cpi.findFirstOrThrow({ where: { code: CPI_TORINO } })]);
    const records = people.map(({ id, taxCode }) =>
      candidateRecordOf(id, candidateCreateSchema.parse(candidateBody(taxCode, { firstName: "Processo", lastName: "Altro", cpiCode: CPI_TORINO, ...WAREHOUSE_WORKER })), new Date(), torino, cpi),
    );
    await other.db.$transaction((tx) => insertCandidates(other, tx, records), { timeout: 120_000 });
  } finally {
    await other.db.$disconnect();
  }
}

describe("the service's locator follows every write from the event log", () => {
  const h = useTestApp();

  it("a person added through the API, by another process, made unavailable or erased is found or dropped by the next list", async () => {
    const ctx = h.t.ctx;
    await ctx.locator!.load();
    const v = await h.as(h.p.referent).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Magazziniere", profileTitle: "Magazziniere" }));
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    const matchIds = async () => {
      const res = await h.as(h.p.referent).get(`/api/v1/vacancies/${v.body.id}/matches?pageSize=100`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.items as { candidateId: string }[]).map((m) => m.candidateId);
    };
    const offer = prepareOffer(await findVacancy(ctx.db, v.body.id));
    const workplace = { lat: offer.facts.lat!, lon: offer.facts.lon! };
    const located = async () => ((await ctx.locator!.near(occupationCellQuery(offer.occupation, workplace, 60), workplace, 60, 10_000)) ?? []).map((l) => l.id);
    const byWords = () => ctx.locator!.byText(offer.facts.title, ctx.matching.retrieval.commonTerms, workplace, 60, 10_000);
    const locatedByWords = async () => ((await byWords()) ?? []).map((l) => l.id);

    const created = await h.as(h.p.referent).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(401), { cpiCode: CPI_TORINO, ...WAREHOUSE_WORKER }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await located()).toContain(created.body.id);
    expect(await locatedByWords()).toContain(created.body.id);
    expect(await matchIds()).toContain(created.body.id);

    // Another process on the same database (the CLI importing, a second API process): its write reaches this one through the log.
    await warehouseWorkersFromAnotherProcess(h.t.databasePath, [{ id: "from-other-process", taxCode: codiceFiscale("Altro", "Processo", "1984-03-07", "M", "L219") }]);
    expect(await located()).toContain("from-other-process");
    expect(await locatedByWords()).toContain("from-other-process");
    expect(await matchIds()).toContain("from-other-process");

    const unavailable = await h.as(h.p.referent).patch(`/api/v1/candidates/${created.body.id}`, { availability: "not_available" });
    expect(unavailable.status, JSON.stringify(unavailable.body)).toBe(200);
    expect(await located()).not.toContain(created.body.id);
    expect(await locatedByWords()).not.toContain(created.body.id);
    expect(await matchIds()).not.toContain(created.body.id);

    // A bulk import elsewhere leaves the locator far behind: the next list does not wait for it, the index answers.
    await warehouseWorkersFromAnotherProcess(
      h.t.databasePath,
      Array.from({ length: MAX_EVENTS_A_LIST_WAITS_FOR + 300 }, (_, i) => {
        const birth = `${1950 + (i % 50)}-${String(1 + (Math.floor(i / 50) % 12)).padStart(2, "0")}-${String(1 + Math.floor(i / 600)).padStart(2, "0")}`;
        return { id: `bulk-${i}`, taxCode: codiceFiscale("Altro", "Processo", birth, "F", "L219") };
      }),
    );
    expect(await ctx.locator!.near(occupationCellQuery(offer.occupation, workplace, 60), workplace, 60, 100)).toBeNull();
    expect(await byWords()).toBeNull();
    expect(await matchIds()).toContain("bulk-0");
    await ctx.locator!.catchUp();
    expect(await located()).toContain("bulk-0");
    expect(await locatedByWords()).toContain("bulk-0");

    const sizeBefore = ctx.locator!.size;
    const erased = await h.as(h.p.admin).del(`/api/v1/candidates/${created.body.id}`);
    expect(erased.status, JSON.stringify(erased.body)).toBe(204);
    await ctx.locator!.catchUp();
    expect(ctx.locator!.size).toBe(sizeBefore - 1);
    expect(await located()).not.toContain(created.body.id);
    expect(await locatedByWords()).not.toContain(created.body.id);
    expect(await located()).toContain("from-other-process");

    // A rebuild numbers the index's documents anew: the index answers the words until the locator has learnt the new numbers.
    const before = await locatedByWords();
    const listBefore = await matchIds();
    await rebuildIndex(ctx, ["candidates"]);
    // The payloads of the people the locator finds by occupation are read by number: a number of the old
    // numbering that now holds someone else's document is not taken for theirs.
    const stale = (await ctx.locator!.near(occupationCellQuery(offer.occupation, workplace, 60), workplace, 60, 10_000))!;
    const payloads = await payloadsOfLocated(ctx.index, stale);
    expect([...payloads.entries()].filter(([id, p]) => (p as { id: string }).id !== id)).toEqual([]);
    expect(payloads.size).toBe(stale.length);
    expect(await byWords()).toBeNull();
    await vi.waitFor(async () => expect(await byWords()).not.toBeNull(), { timeout: 10_000 });
    expect(await locatedByWords()).toEqual(before);
    expect(await matchIds()).toEqual(listBefore);
  }, 60_000);
});
