import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/env.js";
import { createSearchIndex } from "../src/indexing/create-search-index.js";
import { MeilisearchIndex } from "../src/indexing/meilisearch-index.js";
import { taxonomySynonyms } from "../src/indexing/search-synonyms.js";
import { SqliteFtsIndex } from "../src/indexing/sqlite-fts-index.js";
import type { RetrievalQuery, SearchDocument, SearchIndex, SearchQuery } from "../src/indexing/search-index.js";
import { haversineKm } from "../src/geo/haversine.js";
import { openEngine, type EngineName, type EngineUnderTest } from "./helpers/search-engines.js";
import { freePort } from "./helpers/processes.js";

/**
 * What any SearchIndex must do, the same inputs and the same expected results on every engine:
 * the embedded SQLite FTS5 index and a real Meilisearch server.
 */
const TORINO = { lat: 45.0703, lon: 7.6869 };
const MONCALIERI = { lat: 44.9996, lon: 7.6826 };
const MILANO = { lat: 45.4642, lon: 9.19 };

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

describe.each<EngineName>(["embedded", "meilisearch"])("SearchIndex conformance: %s", (engine) => {
  let e: EngineUnderTest;
  let index: SearchIndex;
  const ids = async (query: Partial<SearchQuery>): Promise<string[]> => (await index.search("vacancies", q(query))).hits.map((h) => h.id);

  beforeAll(async () => {
    e = await openEngine(engine);
    index = e.index;
    await index.init(); // idempotent
  });
  afterAll(async () => e?.close());
  beforeEach(async () => {
    for (const name of ["vacancies", "candidates"] as const) if ((await index.count(name)) > 0) await index.clear(name);
  });

  describe("text search in Italian", () => {
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

    it.each(['magazz* OR "', "NEAR(", "-", '"', "*", "AND OR NOT", "^magazz", "profile:magazz", "{ } ( )", "TO", 'status = "x"'])(
      "stray query syntax %j never throws",
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

  describe("filters and facets", () => {
    beforeEach(async () => {
      await index.upsert("vacancies", [
        vacancy("a", "Magazziniere", { filters: { status: "published", cpi: "TO01", occ: ["B", "C"], reservedL68: false, province: "TO" } }),
        vacancy("b", "Magazziniera", { filters: { status: "published", cpi: "TO02", occ: ["B"], reservedL68: true, province: "TO" } }),
        vacancy("c", "Magazziniere", { filters: { status: "closed", cpi: "TO01", occ: [], reservedL68: false, province: "MI" } }),
        vacancy("d", "Cuoco", { filters: { status: "published", cpi: "TO01", occ: ["C", "CQC"], province: 'A "quoted" \\ value' } }),
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
      expect((await ids({ filters: { occ: ["C"] } })).sort()).toEqual(["a", "d"]);
      expect((await ids({ filters: { occ: ["B", "CQC"] } })).sort()).toEqual(["a", "b", "d"]);
      expect(await ids({ filters: { occ: ["C"], status: ["published"], cpi: ["TO01"] }, q: "magazz" })).toEqual(["a"]);
    });

    it("values that are words of a filter syntax or carry quotes are plain values", async () => {
      expect((await ids({ filters: { province: ["TO"] } })).sort()).toEqual(["a", "b"]);
      expect(await ids({ filters: { province: ['A "quoted" \\ value'] } })).toEqual(["d"]);
      expect(await ids({ filters: { province: ['TO" OR province = "MI'] } })).toEqual([]);
    });

    it("boolean filter values", async () => {
      expect(await ids({ filters: { reservedL68: [true] } })).toEqual(["b"]);
    });

    it("an empty value list does not constrain", async () => {
      expect((await index.search("vacancies", q({ filters: { status: [] } }))).total).toBe(4);
    });

    it("facets count over the whole filtered result, not the page", async () => {
      const res = await index.search("vacancies", q({ q: "magazziniere", pageSize: 1, facets: ["status", "occ", "cpi", "nope"] }));
      expect(res.total).toBe(3);
      expect(res.hits).toHaveLength(1);
      expect(res.facets).toEqual({
        status: { published: 2, closed: 1 },
        occ: { B: 2, C: 1 },
        cpi: { TO01: 2, TO02: 1 },
        nope: {},
      });
    });

    it("facets without constraints and with filters", async () => {
      expect((await index.search("vacancies", q({ facets: ["occ"] }))).facets).toEqual({ occ: { B: 2, C: 2, CQC: 1 } });
      const res = await index.search("vacancies", q({ filters: { status: ["published"] }, facets: ["cpi", "reservedL68"] }));
      expect(res.facets).toEqual({ cpi: { TO01: 2, TO02: 1 }, reservedL68: { false: 1, true: 1 } });
    });
  });

  describe("geo, sorting, pagination", () => {
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
      const docs = Array.from({ length: 25 }, (_, i) => vacancy(`p${String(i).padStart(2, "0")}`, "Operaio", { date: new Date(Date.UTC(2025, 0, 1 + i)) }));
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

  describe("housekeeping", () => {
    it("keeps indexes apart; undeclared text fields count as the last one", async () => {
      await index.upsert("candidates", [{ id: "c1", text: { profile: "Infermiera", hobby: "magazzino" }, filters: { cpi: "TO01" }, geo: TORINO, date: null }]);
      expect(await index.count("candidates")).toBe(1);
      expect(await index.count("vacancies")).toBe(0);
      expect((await index.search("candidates", q({ q: "infermiere" }))).hits.map((h) => h.id)).toEqual(["c1"]);
      expect((await index.search("candidates", q({ q: "magazzino" }))).total).toBe(1);
    });

    it("refuses a filter field the schema does not declare", async () => {
      await expect(index.upsert("vacancies", [vacancy("x", "Cuoco", { filters: { hobby: "x" } })])).rejects.toThrow(/non dichiarato/);
    });

    it("upserts a large batch in one call, re-upserting without duplicates", async () => {
      const docs = Array.from({ length: 1234 }, (_, i) =>
        vacancy(`big${i}`, i % 2 ? "Magazziniere" : "Cuoco", { filters: { status: "published", occ: ["B", `L${i % 3}`] } }),
      );
      await index.upsert("vacancies", docs);
      await index.upsert("vacancies", docs.slice(0, 300));
      expect(await index.count("vacancies")).toBe(1234);
      const res = await index.search("vacancies", q({ q: "magazz", facets: ["occ"] }));
      expect(res.total).toBe(617);
      expect(res.facets.occ?.B).toBe(617);
    });

    it("clear() empties one index; health and layout version", async () => {
      await index.upsert("vacancies", [vacancy("v1", "Cuoco")]);
      await index.upsert("candidates", [{ id: "c1", text: { profile: "Cuoco" }, filters: {}, geo: null, date: null }]);
      await index.clear("vacancies");
      expect(await index.count("vacancies")).toBe(0);
      expect(await index.count("candidates")).toBe(1);
      expect(await index.health()).toBe(true);
      await index.setLayoutVersion("test-layout-1");
      expect(await index.layoutVersion()).toBe("test-layout-1");
    });
  });

  describe("retrieval for matching", () => {
    const person = (id: string, profile: string, occ: string[], geo: { lat: number; lon: number; reachKm?: number | null }, extra: Record<string, string> = {}): SearchDocument => ({
      id,
      text: { profile, competences: extra.competences ?? "" },
      filters: { occcell: occ, availability: extra.availability ?? "available" },
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
        person("c6", "Magazziniere", ["cp5:8.1.3.1.0"], { ...MONCALIERI, reachKm: 5 }),
      ]);
    });

    const retrieve = (query: Partial<RetrievalQuery>) => index.retrieve("candidates", { order: "distance", limit: 100, near: { ...TORINO, radiusKm: 30 }, ...query });

    it("finds documents carrying any of the keys, near the point, with their payload, nearest first", async () => {
      const docs = await retrieve({ anyOf: { field: "occcell", values: ["cp5:8.1.3.1.0", "isco4:9333"] } });
      expect(docs.map((d) => d.id)).toEqual(["c1", "c2", "c5", "c6"]);
      expect(docs[0]).toMatchObject({ distanceKm: 0, payload: { id: "c1", profile: "Magazziniere" } });
      expect(docs[1]!.distanceKm).toBeCloseTo(haversineKm(TORINO, MONCALIERI), 6);
    });

    it("withinReach keeps only the people whose own reach covers the distance", async () => {
      const docs = await retrieve({ anyOf: { field: "occcell", values: ["cp5:8.1.3.1.0"] }, withinReach: true });
      expect(docs.map((d) => d.id)).toEqual(["c1", "c5"]);
    });

    it("OR-s the text terms and unions them with the keys; filters and radius still apply", async () => {
      const docs = await retrieve({ anyText: "magazzino logistica", anyOf: { field: "occcell", values: ["cp5:8.1.3.1.0"] }, filters: { availability: ["available"] } });
      expect(docs.map((d) => d.id).sort()).toEqual(["c1", "c2", "c3", "c6"]);
    });

    it("by relevance, a profile match comes before a competence match", async () => {
      const docs = await retrieve({ anyText: "magazzino", order: "relevance", near: undefined });
      expect(docs.map((d) => d.id)).toEqual(["c2", "c3"]);
    });

    it("returns nothing without text or keys, and honours the limit", async () => {
      expect(await retrieve({})).toEqual([]);
      expect(await retrieve({ anyOf: { field: "occcell", values: ["isco4:9333", "cp5:8.1.3.1.0"] }, limit: 1 })).toHaveLength(1);
    });
  });

  describe("document frequency and full scan", () => {
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
      const everyone = await index.retrieve("candidates", { all: true, order: "relevance", limit: Number.MAX_SAFE_INTEGER });
      expect(everyone.map((d) => d.payload)).toEqual(expect.arrayContaining([{ n: 1 }, { n: 2 }, { n: 3 }]));
    });
  });

  describe("retrieval drops words too common to select anyone", () => {
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
});

/**
 * Search that forgives, the same on both engines, each given the taxonomy's synonyms as the service
 * gives them (create-search-index.ts): typos by Meilisearch's default rules, synonyms both ways for
 * acronyms, acronyms never read as the beginning of a longer word.
 */
describe.each<EngineName>(["embedded", "meilisearch"])("SearchIndex forgiving search: %s", (engine) => {
  let close: () => Promise<void>;
  let index: SearchIndex;
  const ids = async (text: string): Promise<string[]> => (await index.search("vacancies", q({ q: text }))).hits.map((h) => h.id);
  const sorted = async (text: string): Promise<string[]> => (await ids(text)).sort();

  beforeAll(async () => {
    const e = await openEngine(engine);
    index =
      engine === "embedded"
        ? new SqliteFtsIndex(e.db!, { synonyms: taxonomySynonyms() })
        : new MeilisearchIndex({ url: e.server!.url, apiKey: e.server!.masterKey, indexPrefix: "forgiving_", synonyms: taxonomySynonyms() });
    await index.init();
    close = () => e.close();
    await index.upsert("vacancies", [
      vacancy("magazziniere", "Magazziniere"),
      vacancy("pulizie", "Addetta alle pulizie"),
      vacancy("cuoco", "Cuoco"),
      vacancy("saldatore", "Saldatore"),
      vacancy("soldatore", "Soldatore"),
      vacancy("oss-esteso", "Operatore socio sanitario"),
      vacancy("oss-trattino", "Operatrice socio-sanitaria"),
      vacancy("oss-sigla", "OSS", { text: { profile: "OSS", notes: "turni in RSA" } }),
      vacancy("ossiacetilenico", "Saldatore ossiacetilenico"),
      vacancy("codice", "Manutentore", { text: { profile: "Manutentore", notes: "codice 12345" } }),
    ]);
  });
  afterAll(async () => close?.());

  it.each([
    ["magazzinere", "one letter missing in a word of 9 or more"],
    ["magazinere", "two letters missing in a word of 9 or more"],
    ["magazzinirei", "two letters swapped and one more"],
    ["nagazziniere", "a wrong first letter counts as two"],
    ["pulizze", "one wrong letter in a word of 5 to 8"],
    ["magazi", "a word being typed, with one typo"],
  ])("%s finds its offer (%s)", async (text) => {
    expect(await ids(text)).toHaveLength(1);
    expect((await ids(text))[0]).toBe(text.startsWith("p") ? "pulizie" : "magazziniere");
  });

  it.each([
    ["cuaco", "no typo in a word under 5 letters"],
    ["pilozie", "only one typo in a word of 5 to 8"],
    ["nagazzinere", "a wrong first letter and one more is three"],
    ["12346", "numbers are exact"],
  ])("%s finds nothing (%s)", async (text) => {
    expect(await ids(text)).toEqual([]);
  });

  it("the word as typed ranks before its typo", async () => {
    const saldatore = await ids("saldatore");
    expect(saldatore.slice(0, 2).sort()).toEqual(["ossiacetilenico", "saldatore"]);
    expect(saldatore[2]).toBe("soldatore");
    const soldatore = await ids("soldatore ");
    expect(soldatore[0]).toBe("soldatore");
    expect(soldatore.slice(1).sort()).toEqual(["ossiacetilenico", "saldatore"]);
  });

  it("oss and operatore socio sanitario find the same offers, whichever is written", async () => {
    const expected = ["oss-esteso", "oss-sigla", "oss-trattino"];
    expect(await sorted("oss")).toEqual(expected);
    expect(await sorted("OSS ")).toEqual(expected);
    expect(await sorted("operatore socio sanitario")).toEqual(expected);
    expect(await sorted("Operatrice socio-sanitaria ")).toEqual(expected);
  });

  it("oss is an acronym, never the beginning of ossiacetilenico; other words still are", async () => {
    expect(await ids("oss")).not.toContain("ossiacetilenico");
    expect(await ids("ossiac")).toEqual(["ossiacetilenico"]);
    expect(await ids("12345")).toEqual(["codice"]);
  });

  it("a synonym's words still combine with the other words of the query", async () => {
    expect(await ids("oss turni")).toEqual(["oss-sigla"]);
  });
});

describe("Meilisearch backend: start checks and failed tasks", () => {
  let e: Awaited<ReturnType<typeof openEngine>>;
  beforeAll(async () => {
    e = await openEngine("meilisearch");
  });
  afterAll(async () => e?.close());

  it("SEARCH_BACKEND=meilisearch builds the adapter; it needs a URL", () => {
    const db = undefined as never;
    expect(createSearchIndex("embedded", db).backend).toBe("embedded");
    expect(createSearchIndex("meilisearch", db, { meilisearchUrl: e.server!.url }).backend).toBe("meilisearch");
    expect(() => createSearchIndex("meilisearch", db)).toThrow(/MEILISEARCH_URL/);
  });

  it("init() says so in Italian when the server does not answer or refuses the key", async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    await expect(createSearchIndex("meilisearch", undefined as never, { meilisearchUrl: dead, meilisearchApiKey: "x" }).init()).rejects.toThrow(
      `Meilisearch non risponde su ${dead}`,
    );
    const wrongKey = createSearchIndex("meilisearch", undefined as never, { meilisearchUrl: e.server!.url, meilisearchApiKey: "not-the-key" });
    await expect(wrongKey.init()).rejects.toThrow(/rifiuta la chiave: controllare MEILISEARCH_API_KEY/);
    // A configuration error: the start command prints just the message and stops.
    await expect(wrongKey.init()).rejects.toBeInstanceOf(ConfigError);
    expect(await wrongKey.health()).toBe(false);
  });

  it("a task the server refuses is an error, not a silent loss", async () => {
    await expect(e.index.upsert("vacancies", [vacancy("not a valid id!", "Cuoco")])).rejects.toThrow(/Operazione Meilisearch \d+ non riuscita \(failed\)/);
  });

  it("expands the taxonomy's acronyms: OSS finds an Operatore socio-sanitario vacancy", async () => {
    const withSynonyms = createSearchIndex("meilisearch", undefined as never, { meilisearchUrl: e.server!.url, meilisearchApiKey: e.server!.masterKey, meilisearchIndexPrefix: "syn_" });
    await withSynonyms.init();
    await withSynonyms.upsert("vacancies", [vacancy("oss", "Operatore socio-sanitario"), vacancy("cuoco", "Cuoco")]);
    const res = await withSynonyms.search("vacancies", { q: "OSS", page: 1, pageSize: 10 });
    expect(res.hits.map((h) => h.id)).toEqual(["oss"]);
  });

  it("index uids carry the configured prefix, so deployments can share a server", async () => {
    const other = createSearchIndex("meilisearch", undefined as never, { meilisearchUrl: e.server!.url, meilisearchApiKey: e.server!.masterKey, meilisearchIndexPrefix: "other_" });
    await other.init();
    await other.upsert("vacancies", [vacancy("v1", "Cuoco")]);
    expect(await other.count("vacancies")).toBe(1);
    expect(await e.index.count("vacancies")).toBe(0);
  });
});
