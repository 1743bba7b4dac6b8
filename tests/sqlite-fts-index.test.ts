import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/db/client.js";
import { createSearchIndex } from "../src/indexing/create-search-index.js";
import type { SearchDocument, SearchQuery } from "../src/indexing/search-index.js";
import { SqliteFtsIndex } from "../src/indexing/sqlite-fts-index.js";
import { haversineKm } from "../src/geo/haversine.js";

const TORINO = { lat: 45.0703, lon: 7.6869 };
const MONCALIERI = { lat: 44.9996, lon: 7.6826 };
const MILANO = { lat: 45.4642, lon: 9.19 };

let dir: string;
let db: Db;
let index: SqliteFtsIndex;

function vacancy(id: string, profile: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    text: { profile, competences: "", company: "Azienda Srl" },
    filters: { status: "published", cpi: "TO01" },
    geo: null,
    date: new Date("2025-01-01T00:00:00Z"),
    ...extra,
  };
}

const q = (query: Partial<SearchQuery>): SearchQuery => ({ page: 1, pageSize: 20, ...query });
const ids = async (query: Partial<SearchQuery>): Promise<string[]> =>
  (await index.search("vacancies", q(query))).hits.map((h) => h.id);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-fts-"));
  db = createDb(path.join(dir, "test.db"));
  index = new SqliteFtsIndex(db);
  await index.init();
  await index.init(); // idempotent
});

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await index.clear("vacancies");
  await index.clear("candidates");
});

describe("SqliteFtsIndex text search", () => {
  beforeEach(async () => {
    await index.upsert("vacancies", [
      vacancy("v1", "Magazziniere"),
      vacancy("v2", "Addetta alle pulizie"),
      vacancy("v3", "Cuoco", { text: { profile: "Cuoco", notes: "cucina interna, turni" } }),
    ]);
  });

  it.each(["magazziniera", "MAGAZZINIERI", "magazz", "magazz*", "Magazzinière "])("%s finds the Magazziniere vacancy", async (text) => {
    expect(await ids({ q: text })).toEqual(["v1"]);
  });

  it("pulizie finds Addetta alle pulizie", async () => {
    expect(await ids({ q: "pulizie" })).toEqual(["v2"]);
    expect(await ids({ q: "addetto pulizia" })).toEqual(["v2"]);
  });

  it("ranks a profile match above a notes match", async () => {
    await index.upsert("vacancies", [vacancy("v4", "Autista", { text: { profile: "Autista", notes: "Magazziniere" } })]);
    const res = await index.search("vacancies", q({ q: "magazziniere" }));
    expect(res.hits.map((h) => h.id)).toEqual(["v1", "v4"]);
    expect(res.hits[0]!.score).toBeGreaterThan(res.hits[1]!.score);
  });

  it.each(['magazz* OR "', "NEAR(", "-", '"', "*", "AND OR NOT", "^magazz", "profile:magazz", "{ } ( )"])(
    "stray FTS syntax %j never throws",
    async (text) => {
      await expect(index.search("vacancies", q({ q: text }))).resolves.toBeDefined();
    },
  );

  it("empty or stop-word-only query returns everything", async () => {
    expect((await index.search("vacancies", q({}))).total).toBe(3);
    expect((await index.search("vacancies", q({ q: "   " }))).total).toBe(3);
    expect((await index.search("vacancies", q({ q: "della" }))).total).toBe(3);
  });

  it("upsert replaces text and filters of an existing document", async () => {
    await index.upsert("vacancies", [vacancy("v1", "Cameriere", { filters: { status: "closed" } })]);
    expect(await ids({ q: "magazziniere" })).toEqual([]);
    expect(await ids({ q: "camerieri" })).toEqual(["v1"]);
    expect(await ids({ filters: { status: ["closed"] } })).toEqual(["v1"]);
    expect(await index.count("vacancies")).toBe(3);
  });

  it("remove() removes document, text and filters", async () => {
    await index.remove("vacancies", ["v1", "does-not-exist"]);
    expect(await ids({ q: "magazz" })).toEqual([]);
    expect(await index.count("vacancies")).toBe(2);
    const res = await index.search("vacancies", q({ facets: ["status"] }));
    expect(res.facets).toEqual({ status: { published: 2 } });
  });
});

describe("SqliteFtsIndex filters and facets", () => {
  beforeEach(async () => {
    await index.upsert("vacancies", [
      vacancy("a", "Magazziniere", { filters: { status: "published", cpi: "TO01", licences: ["B", "C"], remote: false } }),
      vacancy("b", "Magazziniera", { filters: { status: "published", cpi: "TO02", licences: ["B"], remote: true } }),
      vacancy("c", "Magazziniere", { filters: { status: "closed", cpi: "TO01", licences: [], remote: false } }),
      vacancy("d", "Cuoco", { filters: { status: "published", cpi: "TO01", licences: ["C", "CQC"], hours: 40 } }),
    ]);
  });

  it("single-valued filter", async () => {
    expect((await ids({ filters: { status: ["published"] } })).sort()).toEqual(["a", "b", "d"]);
  });

  it("OR within a field, AND across fields", async () => {
    expect((await ids({ filters: { cpi: ["TO01", "TO02"] } })).sort()).toEqual(["a", "b", "c", "d"]);
    expect((await ids({ filters: { cpi: ["TO01"], status: ["published"] } })).sort()).toEqual(["a", "d"]);
  });

  it("multi-valued filter", async () => {
    expect((await ids({ filters: { licences: ["C"] } })).sort()).toEqual(["a", "d"]);
    expect((await ids({ filters: { licences: ["B", "CQC"] } })).sort()).toEqual(["a", "b", "d"]);
    expect((await ids({ filters: { licences: ["C"], status: ["published"], cpi: ["TO01"] }, q: "magazz" }))).toEqual(["a"]);
  });

  it("boolean and number filter values", async () => {
    expect(await ids({ filters: { remote: [true] } })).toEqual(["b"]);
    expect(await ids({ filters: { hours: [40] } })).toEqual(["d"]);
  });

  it("an empty value list does not constrain", async () => {
    expect((await index.search("vacancies", q({ filters: { status: [] } }))).total).toBe(4);
  });

  it("facets count over the whole filtered result, not the page", async () => {
    const res = await index.search("vacancies", q({ q: "magazziniere", pageSize: 1, facets: ["status", "licences", "cpi", "nope"] }));
    expect(res.total).toBe(3);
    expect(res.hits).toHaveLength(1);
    expect(res.facets).toEqual({
      status: { published: 2, closed: 1 },
      licences: { B: 2, C: 1 },
      cpi: { TO01: 2, TO02: 1 },
      nope: {},
    });
  });

  it("facets without constraints and with filters", async () => {
    expect((await index.search("vacancies", q({ facets: ["licences"] }))).facets).toEqual({ licences: { B: 2, C: 2, CQC: 1 } });
    const res = await index.search("vacancies", q({ filters: { status: ["published"] }, facets: ["cpi", "remote"] }));
    expect(res.facets).toEqual({ cpi: { TO01: 2, TO02: 1 }, remote: { false: 1, true: 1 } });
  });
});

describe("SqliteFtsIndex geo, sorting, pagination", () => {
  it("haversine: Torino–Moncalieri about 8 km, Torino–Milano about 125 km", () => {
    expect(haversineKm(TORINO, MONCALIERI)).toBeGreaterThan(7);
    expect(haversineKm(TORINO, MONCALIERI)).toBeLessThan(9);
    expect(haversineKm(TORINO, MILANO)).toBeGreaterThan(120);
    expect(haversineKm(TORINO, MILANO)).toBeLessThan(130);
  });

  it("near: a Torino vacancy is within 20 km of Moncalieri, not of Milano", async () => {
    await index.upsert("vacancies", [vacancy("to", "Magazziniere", { geo: TORINO }), vacancy("nogeo", "Magazziniere")]);
    const res = await index.search("vacancies", q({ near: { ...MONCALIERI, radiusKm: 20 } }));
    expect(res.hits.map((h) => h.id)).toEqual(["to"]);
    expect(res.hits[0]!.distanceKm).toBeCloseTo(haversineKm(TORINO, MONCALIERI), 6);
    expect(await ids({ near: { ...MILANO, radiusKm: 20 } })).toEqual([]);
    expect(await ids({ q: "magazz", near: { ...MILANO, radiusKm: 130 } })).toEqual(["to"]);
  });

  it("sorts by distance", async () => {
    await index.upsert("vacancies", [
      vacancy("milano", "Magazziniere", { geo: MILANO }),
      vacancy("torino", "Magazziniere", { geo: TORINO }),
      vacancy("moncalieri", "Magazziniere", { geo: MONCALIERI }),
    ]);
    expect(await ids({ near: { ...MONCALIERI, radiusKm: 200 }, sort: "distance" })).toEqual(["moncalieri", "torino", "milano"]);
  });

  it("sorts by date both ways, undated last", async () => {
    await index.upsert("vacancies", [
      vacancy("mid", "Cuoco", { date: new Date("2025-03-01") }),
      vacancy("old", "Cuoca", { date: new Date("2024-01-01") }),
      vacancy("none", "Cuochi", { date: null }),
      vacancy("new", "Cuoco", { date: new Date("2025-06-01") }),
    ]);
    expect(await ids({ q: "cuoco", sort: "date_desc" })).toEqual(["new", "mid", "old", "none"]);
    expect(await ids({ sort: "date_asc" })).toEqual(["old", "mid", "new", "none"]);
  });

  it("paginates with a stable total", async () => {
    const docs = Array.from({ length: 25 }, (_, i) =>
      vacancy(`p${String(i).padStart(2, "0")}`, "Operaio", { date: new Date(Date.UTC(2025, 0, 1 + i)) }),
    );
    await index.upsert("vacancies", docs);
    const p1 = await index.search("vacancies", q({ q: "operai", sort: "date_desc", page: 1, pageSize: 10 }));
    const p3 = await index.search("vacancies", q({ q: "operai", sort: "date_desc", page: 3, pageSize: 10 }));
    const p4 = await index.search("vacancies", q({ q: "operai", sort: "date_desc", page: 4, pageSize: 10 }));
    expect([p1.total, p3.total, p4.total]).toEqual([25, 25, 25]);
    expect(p1.hits.map((h) => h.id)[0]).toBe("p24");
    expect(p3.hits.map((h) => h.id)).toEqual(["p04", "p03", "p02", "p01", "p00"]);
    expect(p4.hits).toEqual([]);
  });
});

describe("SqliteFtsIndex transactions and housekeeping", () => {
  it("upsert inside a rolled-back transaction leaves no index row", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await index.upsert("vacancies", [vacancy("tx1", "Magazziniere", { filters: { status: "published", licences: ["B"] } })], tx);
        expect(await tx.$queryRawUnsafe("SELECT id FROM search_vacancies_docs WHERE id = 'tx1'")).toHaveLength(1);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await index.count("vacancies")).toBe(0);
    expect(await ids({ q: "magazz" })).toEqual([]);
    expect((await index.search("vacancies", q({ facets: ["licences"] }))).facets).toEqual({ licences: {} });
  });

  it("upsert and remove inside a committed transaction", async () => {
    await db.$transaction(async (tx) => {
      await index.upsert("vacancies", [vacancy("tx2", "Magazziniere"), vacancy("tx3", "Cuoco")], tx);
      await index.remove("vacancies", ["tx3"], tx);
    });
    expect(await ids({})).toEqual(["tx2"]);
  });

  it("keeps indexes apart; candidates fields map to their columns, unknown fields to the last", async () => {
    await index.upsert("candidates", [
      { id: "c1", text: { profile: "Infermiera", hobby: "magazzino" }, filters: { cpi: "TO01" }, geo: TORINO, date: null },
    ]);
    expect(await index.count("candidates")).toBe(1);
    expect(await index.count("vacancies")).toBe(0);
    const res = await index.search("candidates", q({ q: "infermiere" }));
    expect(res.hits.map((h) => h.id)).toEqual(["c1"]);
    expect((await index.search("candidates", q({ q: "magazzino" }))).total).toBe(1);
  });

  it("upserts a large batch in one call", async () => {
    const docs = Array.from({ length: 1234 }, (_, i) =>
      vacancy(`big${i}`, i % 2 ? "Magazziniere" : "Cuoco", { filters: { status: "published", licences: ["B", `L${i % 3}`] } }),
    );
    await index.upsert("vacancies", docs);
    await index.upsert("vacancies", docs.slice(0, 300)); // re-upsert: no duplicates
    expect(await index.count("vacancies")).toBe(1234);
    const res = await index.search("vacancies", q({ q: "magazz", facets: ["licences"] }));
    expect(res.total).toBe(617);
    expect(res.facets.licences?.B).toBe(617);
  });

  it("health and factory", async () => {
    expect(await index.health()).toBe(true);
    expect(createSearchIndex("embedded", db).backend).toBe("embedded");
    expect(() => createSearchIndex("meilisearch", db)).toThrow(/SEARCH_BACKEND=embedded/);
  });
});

describe("SqliteFtsIndex retrieval for matching", () => {
  const person = (id: string, profile: string, occ: string[], geo: { lat: number; lon: number }, extra: Record<string, string> = {}): SearchDocument => ({
    id,
    text: { profile, competences: extra.competences ?? "" },
    filters: { occ, availability: extra.availability ?? "available" },
    geo,
    date: null,
    payload: { id, profile },
  });

  beforeEach(async () => {
    await index.upsert("candidates", [
      person("c1", "Magazziniere", ["cp5:8.1.3.1.0", "isco4:9333"], TORINO),
      person("c2", "Operatore di magazzino", ["isco4:9333"], MONCALIERI),
      person("c3", "Cuoco", ["isco4:5120"], TORINO, { competences: "gestione del magazzino della cucina" }),
      person("c4", "Magazziniere", ["cp5:8.1.3.1.0"], MILANO),
      person("c5", "Magazziniere", ["cp5:8.1.3.1.0"], MONCALIERI, { availability: "employed" }),
    ]);
  });

  const retrieve = (query: Partial<Parameters<SqliteFtsIndex["retrieve"]>[1]>) =>
    index.retrieve("candidates", { order: "distance", limit: 100, near: { ...TORINO, radiusKm: 30 }, ...query });

  it("finds documents carrying any of the keys, near the point, with their payload, nearest first", async () => {
    const docs = await retrieve({ anyOf: { field: "occ", values: ["cp5:8.1.3.1.0", "isco4:9333"] } });
    expect(docs.map((d) => d.id)).toEqual(["c1", "c2", "c5"]);
    expect(docs[0]).toMatchObject({ distanceKm: 0, payload: { id: "c1", profile: "Magazziniere" } });
  });

  it("OR-s the text terms and unions them with the keys; filters and radius still apply", async () => {
    const docs = await retrieve({ anyText: "magazzino logistica", anyOf: { field: "occ", values: ["cp5:8.1.3.1.0"] }, filters: { availability: ["available"] } });
    expect(docs.map((d) => d.id).sort()).toEqual(["c1", "c2", "c3"]);
  });

  it("returns nothing without text or keys, and honours the limit", async () => {
    expect(await retrieve({})).toEqual([]);
    expect(await retrieve({ anyOf: { field: "occ", values: ["isco4:9333", "cp5:8.1.3.1.0"] }, limit: 1 })).toHaveLength(1);
  });
});

describe("SqliteFtsIndex document frequency and full scan", () => {
  beforeEach(async () => {
    await index.upsert("candidates", [
      { id: "a", text: { profile: "Cuoco", competences: "cucina piemontese; HACCP" }, filters: {}, geo: TORINO, date: null, payload: { n: 1 } },
      { id: "b", text: { profile: "Cuoca", competences: "HACCP" }, filters: {}, geo: MILANO, date: null, payload: { n: 2 } },
      { id: "c", text: { profile: "Barista", competences: "caffetteria" }, filters: {}, geo: TORINO, date: null, payload: { n: 3 } },
    ]);
  });

  it("counts the documents having every word of a competence in that field only", async () => {
    expect(await index.documentFrequency("candidates", "competences", "HACCP")).toEqual({ matching: 2, total: 3 });
    expect(await index.documentFrequency("candidates", "competences", "cucina piemontese")).toEqual({ matching: 1, total: 3 });
    expect(await index.documentFrequency("candidates", "competences", "cuoco")).toEqual({ matching: 0, total: 3 });
  });

  it("retrieves every document within the radius for the full-scan baseline", async () => {
    const docs = await index.retrieve("candidates", { all: true, order: "distance", limit: 10, near: { ...TORINO, radiusKm: 20 } });
    expect(docs.map((d) => d.id).sort()).toEqual(["a", "c"]);
  });
});

describe("SqliteFtsIndex retrieval drops words too common to select anyone", () => {
  beforeEach(async () => {
    await index.upsert(
      "candidates",
      Array.from({ length: 20 }, (_, i) => ({
        id: `p${i}`,
        text: { profile: i === 0 ? "Saldatore" : "Addetto", competences: "effettuare controlli" },
        filters: {},
        geo: TORINO,
        date: null,
        payload: { i },
      })),
    );
  });

  it("keeps a rare word, drops one everybody has, and keeps all when the index is small", async () => {
    const retrieve = (commonTerms?: { share: number; minDocs: number }) =>
      index.retrieve("candidates", { anyText: "saldatore effettuare", commonTerms, order: "relevance", limit: 100 });
    expect((await retrieve({ share: 0.1, minDocs: 1 })).map((d) => d.id)).toEqual(["p0"]);
    expect(await retrieve({ share: 0.1, minDocs: 1000 })).toHaveLength(20);
    expect(await retrieve()).toHaveLength(20);
  });
});
