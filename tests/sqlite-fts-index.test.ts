import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../src/db/client.js";
import type { SearchDocument } from "../src/indexing/search-index.js";
import { SqliteFtsIndex } from "../src/indexing/sqlite-fts-index.js";
import { createDb } from "../src/db/client.js";
import { haversineKm } from "../src/geo/haversine.js";
import { openEngine, type EngineUnderTest } from "./helpers/search-engines.js";

/**
 * What only the embedded index does: it can write in the caller's transaction, so store and index
 * commit or roll back together. Everything any engine must do is in search-conformance.test.ts.
 */
const TORINO = { lat: 45.0703, lon: 7.6869 };
const MONCALIERI = { lat: 44.9996, lon: 7.6826 };
const MILANO = { lat: 45.4642, lon: 9.19 };

let e: EngineUnderTest & { db?: Db };
let db: Db;

const vacancy = (id: string, profile: string, filters: SearchDocument["filters"] = { status: "published" }): SearchDocument => ({
  id,
  text: { profile },
  filters,
  geo: null,
  date: new Date("2025-01-01T00:00:00Z"),
});
const ids = async (q?: string) => (await e.index.search("vacancies", { q, page: 1, pageSize: 20 })).hits.map((h) => h.id);

const embedded = () => e.index as SqliteFtsIndex;

beforeAll(async () => {
  e = await openEngine("embedded");
  db = e.db!;
});
afterAll(async () => e?.close());
beforeEach(async () => e.index.clear("vacancies"));

describe("SqliteFtsIndex transactions", () => {
  it("upsert inside a rolled-back transaction leaves no index row", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await embedded().applyInTransaction(tx, "vacancies", { upsert: [vacancy("tx1", "Magazziniere", { status: "published", occ: ["B"] })] });
        expect(await tx.$queryRawUnsafe("SELECT id FROM search_vacancies_docs WHERE id = 'tx1'")).toHaveLength(1);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await e.index.count("vacancies")).toBe(0);
    expect(await ids("magazz")).toEqual([]);
    expect((await e.index.search("vacancies", { page: 1, pageSize: 20, facets: ["occ"] })).facets).toEqual({ occ: {} });
  });

  it("upsert and remove inside a committed transaction", async () => {
    await db.$transaction(async (tx) => {
      await embedded().applyInTransaction(tx, "vacancies", { upsert: [vacancy("tx2", "Magazziniere"), vacancy("tx3", "Cuoco")] });
      await embedded().applyInTransaction(tx, "vacancies", { remove: ["tx3"] });
    });
    expect(await ids()).toEqual(["tx2"]);
  });
});

describe("SqliteFtsIndex typo tolerance follows the index's vocabulary", () => {
  it("a word written through this index is forgiven its typos at once", async () => {
    await e.index.upsert("vacancies", [vacancy("v1", "Magazziniere")]);
    expect(await ids("magazzinere")).toEqual(["v1"]);
    await db.$transaction(async (tx) => embedded().applyInTransaction(tx, "vacancies", { upsert: [vacancy("v2", "Falegname")] }));
    expect(await ids("falegnome")).toEqual(["v2"]);
  });

  it("a word another connection wrote is forgiven once the vocabulary is read again", async () => {
    const reader = new SqliteFtsIndex(db, { vocabularyRefreshMs: 0 });
    await e.index.upsert("vacancies", [vacancy("v1", "Magazziniere")]);
    expect((await reader.search("vacancies", { q: "magazzinere", page: 1, pageSize: 5 })).hits.map((h) => h.id)).toEqual(["v1"]);
    const [main] = await db.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'");
    const other = createDb(main!.file);
    try {
      await new SqliteFtsIndex(other).upsert("vacancies", [vacancy("v2", "Giardiniere")]);
    } finally {
      await other.$disconnect();
    }
    expect((await reader.search("vacancies", { q: "giardinire", page: 1, pageSize: 5 })).hits.map((h) => h.id)).toEqual(["v2"]);
  });

  it("after clear() the vocabulary starts again", async () => {
    await e.index.upsert("vacancies", [vacancy("v1", "Elettricista")]);
    expect(await ids("eletricista")).toEqual(["v1"]);
    await e.index.clear("vacancies");
    await e.index.upsert("vacancies", [vacancy("v2", "Elettricista")]);
    expect(await ids("eletricista")).toEqual(["v2"]);
  });
});

describe("SqliteFtsIndex prefix of a finished word", () => {
  it("a last word typed past its stem extends only as typed: «pulizie» is not the beginning of «polizze», «operaio» still finds «operai»", async () => {
    await e.index.upsert("vacancies", [
      vacancy("v1", "Addetta alle pulizie"),
      vacancy("v2", "Broker di polizze assicurative"),
      vacancy("v3", "Poliziotto locale"),
      vacancy("v4", "Operai edili"),
    ]);
    expect(await ids("pulizie")).toEqual(["v1"]);
    expect(await ids("operaio")).toEqual(["v4"]);
    // A word still being typed (its own stem) keeps forgiving a typo against the beginning of longer words, exact first.
    expect(await ids("puliz")).toEqual(["v1", "v3", "v2"]);
  });
});

describe("SqliteFtsIndex filters over many text hits", () => {
  it("above 2,000 hits the filters are checked as sets, with the same hits, total and facets as probing them", async () => {
    const docs = Array.from({ length: 2_100 }, (_, i) =>
      vacancy(`m${i}`, i % 3 === 0 ? "Magazziniere carrellista" : "Magazziniere", { status: i % 2 === 0 ? "published" : "closed", cpi: i % 5 === 0 ? "TO01" : "MI01" }),
    );
    await e.index.upsert("vacancies", docs);
    const query = { page: 1, pageSize: 20, filters: { status: ["published"], cpi: ["TO01"] }, facets: ["cpi", "status"] };
    const wide = await e.index.search("vacancies", { ...query, q: "magazziniere" });
    const expected = docs.filter((d) => d.filters.status === "published" && d.filters.cpi === "TO01");
    expect(wide.total).toBe(expected.length);
    expect(wide.facets).toEqual({ cpi: { TO01: expected.length }, status: { published: expected.length } });
    expect(wide.hits.every((h) => expected.some((d) => d.id === h.id))).toBe(true);
    // A narrower text, under the threshold, probes: the same documents among its hits.
    const narrow = await e.index.search("vacancies", { ...query, q: "carrellista", pageSize: 1_000 });
    expect(narrow.hits.map((h) => h.id).sort()).toEqual(expected.filter((d) => d.text.profile!.includes("carrellista")).map((d) => d.id).sort());
  });
});

describe("haversine", () => {
  it("Torino–Moncalieri about 8 km, Torino–Milano about 125 km", () => {
    expect(haversineKm(TORINO, MONCALIERI)).toBeGreaterThan(7);
    expect(haversineKm(TORINO, MONCALIERI)).toBeLessThan(9);
    expect(haversineKm(TORINO, MILANO)).toBeGreaterThan(120);
    expect(haversineKm(TORINO, MILANO)).toBeLessThan(130);
  });
});
